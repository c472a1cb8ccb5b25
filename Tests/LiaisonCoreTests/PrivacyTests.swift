import XCTest
@testable import LiaisonCore

/// Residents' phones and ID numbers: revealed only to the roles allowed, each time audited; a resident
/// anonymised on request leaves every count as it was.
final class PrivacyTests: XCTestCase {
    var fixture: StoreFixture!
    var store: LiaisonStore { fixture.store }

    override func setUpWithError() throws { fixture = try StoreFixture() }
    override func tearDown() { fixture = nil }

    func testARevealIsForTheRolesAllowedAndEachIsAudited() throws {
        let visit = try store.registerVisit(VisitDraft(resident: ResidentDraft(name: "王秀英", phone: "13812345678", idNumber: "11010519491231002X"),
                                                       problem: "楼道灯不亮"), session: fixture.clerk)
        let deputy = Session(name: "张乾林", role: .deputy, deputyID: fixture.deputyID)
        XCTAssertThrowsError(try store.reveal(.phone, ofResident: visit.residentID, session: deputy)) {
            XCTAssertEqual(userMessage(for: $0), "代表不能查看完整电话：须由工作人员或督办人员或管理员操作")
        }
        XCTAssertThrowsError(try store.reveal(.idNumber, ofResident: visit.residentID, session: fixture.clerk))
        XCTAssertEqual(try store.reveal(.phone, ofResident: visit.residentID, session: fixture.clerk), "13812345678")
        XCTAssertEqual(try store.reveal(.idNumber, ofResident: visit.residentID, session: Session(name: "管理员", role: .admin)),
                       "11010519491231002X")
        XCTAssertEqual(try store.database.fetchAll("SELECT actor, action, subject, detail FROM audit_log WHERE action LIKE 'reveal.%' ORDER BY id") {
            "\($0.string(0)) \($0.string(1)) \($0.string(2)) \($0.string(3))"
        }, ["前台小李 reveal.phone 居民 #\(visit.residentID) 电话", "管理员 reveal.idNumber 居民 #\(visit.residentID) 身份证号"],
           "who, whose (by record: the log cannot forget a name) and which field; the row's time is when")
    }

    func testAnonymisingKeepsEveryCountAndForgetsThePerson() throws {
        let record = try fixture.openedCase()
        let residentID = try XCTUnwrap(record.residentID)
        try store.registerVisit(VisitDraft(residentID: residentID, resident: ResidentDraft(name: "王秀英"), problem: "再来问"),
                                session: fixture.clerk)
        func counts() throws -> [Int] {
            let figures = try store.receptionFigures(on: store.today)
            return [figures.received, figures.casesOpened, try store.overview().waiting, try store.followUpBoard().groups.flatMap(\.1).count,
                    try store.database.scalarInt("SELECT count(*) FROM visits WHERE resident_id = ?", [residentID]) ?? -1]
        }
        let before = try counts()
        XCTAssertThrowsError(try store.anonymizeResident(id: residentID, session: fixture.supervisor), "an admin's act")
        try store.anonymizeResident(id: residentID, session: Session(name: "管理员", role: .admin))
        XCTAssertEqual(try counts(), before)
        let resident = try XCTUnwrap(store.resident(id: residentID))
        XCTAssertEqual([resident.name, resident.phone ?? "-", resident.idNumber ?? "-", resident.address], ["王某", "-", "-", ""])
        XCTAssertNil(try store.reveal(.phone, ofResident: residentID, session: fixture.clerk))
        XCTAssertThrowsError(try store.anonymizeResident(id: residentID, session: Session(name: "管理员", role: .admin)))
        XCTAssertEqual(try store.database.scalarString("SELECT subject FROM audit_log WHERE action = 'resident.anonymize'"), "居民 #\(residentID)",
                       "the audit names the record, not the person")
        XCTAssertEqual(AnonymousName.of("欧阳修远"), "欧阳某")
        XCTAssertEqual(AnonymousName.of("欧阳"), "欧某", "a two-character name is a surname and a given name")
    }

    func testAPhonePastedIntoTheNameIsRefusedAndAFullWidthPlusIsTheCountryCode() throws {
        XCTAssertThrowsError(try store.registerVisit(VisitDraft(resident: ResidentDraft(name: "张三13800001111", phone: "13800001111"),
                                                                problem: "路灯"), session: fixture.clerk)) {
            XCTAssertEqual(userMessage(for: $0), "姓名里有一串数字，像是电话号码：电话请填在电话一栏")
        }
        XCTAssertThrowsError(try store.registerVisit(VisitDraft(resident: ResidentDraft(name: "张三 138-0000-1111", phone: "13800001111"),
                                                                problem: "路灯"), session: fixture.clerk), "spaced and hyphenated too")
        XCTAssertEqual(try store.normalizedPhone("＋86 138 1234-5678"), "13812345678")
    }

    func testANewStationsFileIsItsOwnersOnly() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("new.sqlite")
        let before = umask(0o022)
        defer { umask(before) }
        _ = try LiaisonStore.initialize(database: Database(path: path, mode: .create), station: StationDraft(name: "新站"))
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int, 0o600, file)
        }
    }
}
