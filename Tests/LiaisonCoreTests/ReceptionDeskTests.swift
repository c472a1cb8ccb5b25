import XCTest
@testable import LiaisonCore

final class ReceptionDeskTests: XCTestCase {
    func testReturningResidentsAreFoundByPhoneNameAndInitials() throws {
        let fixture = try StoreFixture()
        _ = try fixture.walkIn("张乾林", phone: "13812345678")
        _ = try fixture.walkIn("张倩", phone: "13998765432")
        _ = try fixture.walkIn("李明", phone: "010-65123456")
        XCTAssertEqual(try fixture.store.residentMatches("138").map(\.resident.name), ["张乾林"])
        XCTAssertEqual(try fixture.store.residentMatches("13").count, 0, "fewer than three digits match nobody")
        XCTAssertEqual(Set(try fixture.store.residentMatches("张").map(\.resident.name)), ["张乾林", "张倩"])
        XCTAssertEqual(try fixture.store.residentMatches("zql").map(\.resident.name), ["张乾林"])
        XCTAssertEqual(try fixture.store.residentMatches("ZQ").map(\.resident.name), ["张乾林", "张倩"].sorted())
        XCTAssertEqual(try fixture.store.residentMatches("010").map(\.resident.name), ["李明"])
        let match = try XCTUnwrap(fixture.store.residentMatches("zql").first)
        XCTAssertEqual(match.visits, 1)
        XCTAssertEqual(match.openCases, 0)
    }

    func testAReturningResidentKeepsOneRecordAndTheirHistory() throws {
        let fixture = try StoreFixture()
        let first = try fixture.walkIn("王秀英", phone: "13812345678", problem: "楼道灯坏了")
        _ = try fixture.store.openCase(fromVisit: first.id, CaseDraft(title: "", responsibleDeputyID: fixture.deputyID), session: fixture.clerk)
        fixture.clock.advance(seconds: 3 * 86_400)
        let second = try fixture.store.registerVisit(VisitDraft(
            residentID: first.residentID,
            resident: ResidentDraft(name: "王秀英", phone: "13812345678", idNumber: "11010519491231002X", address: "3号楼"),
            problem: "电梯又坏了"), session: .system)
        XCTAssertEqual(second.residentID, first.residentID)
        XCTAssertEqual(try fixture.store.database.scalarInt("SELECT count(*) FROM residents"), 1)
        let history = try XCTUnwrap(fixture.store.residentHistory(id: first.residentID))
        XCTAssertEqual(history.visits.map(\.problem), ["电梯又坏了", "楼道灯坏了"], "newest first")
        XCTAssertEqual(history.openCases.count, 1)
        XCTAssertEqual(history.resident.idNumber, "11010519491231002X", "an ID number typed now is kept")
        XCTAssertEqual(history.resident.address, "3号楼")
        XCTAssertThrowsError(try fixture.store.registerVisit(VisitDraft(
            residentID: first.residentID, resident: ResidentDraft(name: "王秀英", idNumber: "110105194912310021"), problem: "再来"), session: .system),
            "a bad check digit is refused for a returning resident too")
    }

    func testHandingToADeputyCreditsTheirDutyLogOnce() throws {
        let fixture = try StoreFixture()
        let other = try fixture.store.createDeputy(DeputyDraft(name: "李红", level: .township), session: .system)
        try fixture.store.addToRoster(day: fixture.store.today, deputyID: fixture.deputyID, role: .receiving, session: .system)
        let visit = try fixture.walkIn()
        // The duty deputy comes first; among the others, the one with fewer people in hand.
        XCTAssertEqual(try fixture.store.receivingDeputies(on: fixture.store.today).map(\.deputyID), [fixture.deputyID, other])
        try fixture.store.handToDeputy(visitID: visit.id, deputyID: fixture.deputyID, session: .system)
        try fixture.store.handToDeputy(visitID: visit.id, deputyID: fixture.deputyID, session: .system)
        let deputies = try fixture.store.receivingDeputies(on: fixture.store.today)
        XCTAssertEqual(deputies.first { $0.deputyID == fixture.deputyID }?.inHand, 1)
        _ = try fixture.store.answerOnSpot(visitID: visit.id, answer: "已解释政策", deputyID: other, session: fixture.clerk)
        let credits = try fixture.store.database.fetchAll("SELECT deputy_id, kind, visit_id FROM duty_log") {
            [$0.int64(0), $0.string(1) == "reception" ? 1 : 0, $0.int64(2)]
        }
        XCTAssertEqual(credits, [[fixture.deputyID, 1, visit.id]], "one reception, for the deputy who received the resident")
    }

    func testReferredVisitsAreDoneWithoutACase() throws {
        let fixture = try StoreFixture()
        let visit = try fixture.walkIn()
        XCTAssertThrowsError(try fixture.store.refer(visitID: visit.id, to: " ", note: "", deputyID: nil, session: .system))
        try fixture.store.refer(visitID: visit.id, to: "王律师 律师 某律所", note: "劳动合同纠纷", deputyID: nil, session: .system)
        let after = try XCTUnwrap(fixture.store.visit(id: visit.id))
        XCTAssertEqual(after.outcome, .referred)
        XCTAssertNil(after.caseID)
        XCTAssertEqual(try fixture.store.database.scalarString("SELECT answer FROM visits WHERE id = ?", [visit.id]),
                       "转介：王律师 律师 某律所。劳动合同纠纷")
        XCTAssertThrowsError(try fixture.store.refer(visitID: visit.id, to: "再转", note: "", deputyID: nil, session: .system), "already done")
    }

    func testAVisitOnTheSameCategoryCanJoinTheOpenCase() throws {
        let fixture = try StoreFixture()
        let open = try fixture.openedCase(problem: "电梯加装停工")
        let again = try fixture.walkIn(problem: "电梯加装还是停工")
        let existing = try XCTUnwrap(fixture.store.openCaseToJoin(visitID: again.id, categoryID: fixture.categoryID))
        XCTAssertEqual(existing.id, open.id)
        XCTAssertNil(try fixture.store.openCaseToJoin(visitID: again.id, categoryID: nil))
        try fixture.store.addVisit(again.id, toCase: open.id, session: fixture.clerk)
        XCTAssertEqual(try fixture.store.visit(id: again.id)?.caseID, open.id)
        XCTAssertEqual(try fixture.store.database.scalarInt("SELECT count(*) FROM cases"), 1, "no second case")
        XCTAssertTrue(try fixture.store.timeline(caseID: open.id).last!.text.contains("电梯加装还是停工"))
    }

    func testOpeningAndDispatchingAreOneWrite() throws {
        let fixture = try StoreFixture()
        let visit = try fixture.walkIn()
        let draft = CaseDraft(title: "", tier: .immediate, responsibleDeputyID: fixture.deputyID)
        XCTAssertThrowsError(try fixture.store.openCase(fromVisit: visit.id, draft, dispatchTo: fixture.departmentID, workingDays: 0,
                                                        session: fixture.clerk))
        XCTAssertEqual(try fixture.store.database.scalarInt("SELECT count(*) FROM cases"), 0, "a failed dispatch leaves no case")
        XCTAssertNil(try fixture.store.visit(id: visit.id)?.outcome)
        let record = try fixture.store.openCase(fromVisit: visit.id, draft, dispatchTo: fixture.departmentID, workingDays: 5,
                                                session: fixture.clerk)
        XCTAssertEqual(record.status, .dispatched)
        XCTAssertEqual(record.dueDate, day("2026-11-23"), "five working days from Monday 16 November")
    }

    func testTodaysFigures() throws {
        let fixture = try StoreFixture()
        let a = try fixture.walkIn("甲", phone: "13800000001")
        let b = try fixture.walkIn("乙", phone: "13800000002")
        let c = try fixture.walkIn("丙", phone: "13800000003")
        _ = try fixture.walkIn("丁", phone: "13800000004")
        fixture.clock.advance(seconds: 600)
        try fixture.store.handToDeputy(visitID: a.id, deputyID: fixture.deputyID, session: .system)
        _ = try fixture.store.answerOnSpot(visitID: a.id, answer: "已答复", deputyID: nil, session: fixture.clerk)
        fixture.clock.advance(seconds: 1200)
        try fixture.store.handToDeputy(visitID: b.id, deputyID: fixture.deputyID, session: .system)
        try fixture.store.markLeft(visitID: c.id, session: .system)
        let figures = try fixture.store.receptionFigures(on: fixture.store.today)
        XCTAssertEqual(figures, ReceptionFigures(received: 4, waiting: 1, withDeputy: 1, answeredOnSpot: 1, casesOpened: 0,
                                                 referred: 0, noShow: 0, left: 1, averageWaitMinutes: 20), "waits of 10 and 30 minutes")
    }
}
