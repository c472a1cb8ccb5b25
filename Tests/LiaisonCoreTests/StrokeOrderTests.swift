import XCTest
@testable import LiaisonCore

final class StrokeOrderTests: XCTestCase {
    let order = StrokeOrder.shipped

    /// As the database sorts them: by the key's text.
    func sorted(_ names: [String]) -> [String] { names.sorted { order.sortText($0) < order.sortText($1) } }

    func testSurnamesComeInTheOfficialOrder() {
        let official = "丁 于 马 王 毛 卢 刘 孙 吴 张 陈 林 周 郑 胡 钟 高 黄 曹 程 谢 潘".split(separator: " ").map(String.init)
        XCTAssertEqual(sorted(official.reversed()), official)
        XCTAssertEqual(sorted(official.shuffled()), official)
        XCTAssertEqual(official.compactMap { order.strokeCount(of: Character($0)) },
                       [2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 10, 11, 11, 12, 12, 15], "simplified forms: 陈 7, 黄 11")
    }

    func testTheNextCharacterSettlesASurnameTieAndAShorterNameComesFirst() {
        XCTAssertEqual(sorted(["王芳", "王", "王一", "张三", "王二"]), ["王", "王一", "王二", "王芳", "张三"])
    }

    func testANameWithCharactersTheTableLacksComesAfterEveryOneItHas() {
        XCTAssertEqual(sorted(["Smith", "李红", "Adams", "龘"]), ["李红", "龘", "Adams", "Smith"].sorted { order.sortText($0) < order.sortText($1) })
        XCTAssertEqual(sorted(["Smith", "李红", "Adams"]), ["李红", "Adams", "Smith"])
    }

    func testTheDatabaseListsDeputiesInStrokeOrderAndAMigrationFillsTheKeys() throws {
        let fixture = try StoreFixture()
        for name in ["谢明", "丁一", "陈红", "张伟", "王芳"] {
            _ = try fixture.store.createDeputy(DeputyDraft(name: name, level: .township), session: .system)
        }
        XCTAssertEqual(try fixture.store.deputies(order: .strokes).map(\.name), ["丁一", "王芳", "张伟", "张乾林", "陈红", "谢明"])
        try fixture.store.database.write { try fixture.store.database.execute("UPDATE deputies SET name_strokes = NULL") }
        try StrokeOrder.fillMissingKeys(in: fixture.store.database)
        XCTAssertEqual(try fixture.store.deputies(order: .strokes).map(\.name), ["丁一", "王芳", "张伟", "张乾林", "陈红", "谢明"])
    }

    func testEveryDeputysDutyAtOnceAndWhatTheirQuotaStillLacks() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let other = try store.createDeputy(DeputyDraft(name: "王芳", level: .township), session: .system)
        try store.creditDuty(deputyID: fixture.deputyID, day: day("2026-11-16"), kind: .householdVisit, households: 1, note: "")
        try store.creditDuty(deputyID: fixture.deputyID, day: day("2025-12-31"), kind: .householdVisit, households: 1, note: "")
        let credits = try store.dutyCredits(year: 2026)
        XCTAssertEqual(credits[fixture.deputyID]?.householdVisits, 1, "last year's visit is last year's")
        XCTAssertNil(credits[other], "no duty, no entry")
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026), credits[fixture.deputyID])
        let quota = AnnualQuota.standard(for: .county)
        XCTAssertEqual(quota.shortfall(of: try XCTUnwrap(credits[fixture.deputyID])), "进站差 2 天、走访差 9 户")
        var enough = DutyCredit()
        enough.counts[.reception] = 2
        enough.householdVisits = 10
        XCTAssertNil(quota.shortfall(of: enough))
    }
}
