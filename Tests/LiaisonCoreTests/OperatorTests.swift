import XCTest
@testable import LiaisonCore

/// Operators, their PINs and signing in on the shared terminal.
final class OperatorTests: XCTestCase {
    var fixture: StoreFixture!
    var store: LiaisonStore { fixture.store }
    let admin = Session(name: "管理员", role: .admin)

    override func setUpWithError() throws { fixture = try StoreFixture() }
    override func tearDown() { fixture = nil }

    func testAPINIsStoredAsAYescryptHashThatVerifies() throws {
        let id = try store.createOperator(name: "小李", role: .clerk, pin: "2468", session: admin)
        let hash = try XCTUnwrap(store.database.scalarString("SELECT pin_hash FROM operators WHERE id = ?", [id]))
        XCTAssertTrue(hash.hasPrefix("$y$"), "yescrypt: \(hash)")
        XCTAssertFalse(hash.contains("2468"))
        XCTAssertTrue(PINHash.verify("2468", against: hash))
        XCTAssertFalse(PINHash.verify("2469", against: hash))
        let session = try store.signIn(name: "小李", pin: "2468")
        XCTAssertEqual(session.operatorID, id)
        XCTAssertEqual(try store.signIn(name: "小李", pin: "２４６８").operatorID, id, "full-width digits, as an IME types them, are the same PIN")
        XCTAssertEqual(session.role, .clerk)
    }

    func testBadPINsNamesAndDeputyLinksAreRefusedAtCreation() throws {
        for pin in ["123", "1234567890123", "12a4", "１２a４", ""] {
            XCTAssertThrowsError(try store.createOperator(name: "小李", role: .clerk, pin: pin, session: admin), pin)
        }
        try store.createOperator(name: "小李", role: .clerk, pin: "1234", session: admin)
        XCTAssertThrowsError(try store.createOperator(name: "小李", role: .admin, pin: "5678", session: admin)) {
            XCTAssertEqual(($0 as? InvalidField)?.message, "已有名为「小李」的操作员")
        }
        XCTAssertThrowsError(try store.createOperator(name: "张代表", role: .deputy, pin: "1234", session: admin)) {
            XCTAssertEqual(($0 as? InvalidField)?.field, "deputy")
        }
        try store.createOperator(name: "张乾林", role: .deputy, pin: "1234", deputyID: fixture.deputyID, session: admin)
        XCTAssertThrowsError(try store.createOperator(name: "张代表", role: .deputy, pin: "1234", deputyID: fixture.deputyID, session: admin)) {
            XCTAssertEqual(($0 as? InvalidField)?.message, "代表 张乾林 已有操作员 张乾林", "a deputy's cases are one operator's")
        }
        try store.setOperatorActive(id: XCTUnwrap(store.operatorRecord(named: "张乾林")).id, false, session: admin)
        try store.setActive(.deputies, id: fixture.deputyID, false, session: admin)
        XCTAssertThrowsError(try store.createOperator(name: "张代表", role: .deputy, pin: "1234", deputyID: fixture.deputyID, session: admin))
        XCTAssertEqual(try store.operators().map(\.name), ["小李", "张乾林"])
    }

    func testTheLastAdminCannotBeDisabledOrDemoted() throws {
        let first = try store.createOperator(name: "老王", role: .admin, pin: "1234", session: admin)
        XCTAssertThrowsError(try store.setOperatorActive(id: first, false, session: admin))
        XCTAssertThrowsError(try store.updateOperator(id: first, role: .clerk, deputyID: nil, session: admin))
        let second = try store.createOperator(name: "老李", role: .admin, pin: "1234", session: admin)
        XCTAssertNoThrow(try store.setOperatorActive(id: first, false, session: admin))
        XCTAssertThrowsError(try store.setOperatorActive(id: second, false, session: admin))
        XCTAssertThrowsError(try store.signIn(name: "老王", pin: "1234"), "a disabled operator cannot sign in")
        XCTAssertEqual(try store.database.fetchAll("SELECT action FROM audit_log WHERE action LIKE 'operator.%' ORDER BY id") { $0.string(0) },
                       ["operator.create", "operator.create", "operator.disable"])
    }

    func testAWrongPINSaysNothingAboutWhoExistsAndFiveLockTheNameForAMinute() throws {
        try store.createOperator(name: "小李", role: .clerk, pin: "2468", session: admin)
        func refusal(_ name: String, _ pin: String) -> String? {
            do {
                _ = try store.signIn(name: name, pin: pin)
                return nil
            } catch {
                return userMessage(for: error)
            }
        }
        // The same words whether or not the name is an operator's.
        XCTAssertEqual(refusal("小李", "0000"), refusal("没这人", "0000"))
        for _ in 0..<3 { _ = refusal("小李", "0000") }
        XCTAssertEqual(refusal("小李", "0000"), "连续输错 5 次，已锁定：60 秒后再试")
        XCTAssertEqual(refusal("小李", "2468"), "连续输错 5 次，已锁定：60 秒后再试", "the right PIN waits too")
        fixture.clock.advance(seconds: 30)
        XCTAssertEqual(refusal("小李", "2468"), "连续输错 5 次，已锁定：30 秒后再试")
        fixture.clock.advance(seconds: 30)
        XCTAssertNil(refusal("小李", "2468"))
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM audit_log WHERE action = 'signin.failed' AND subject = '小李'"), 4)
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM audit_log WHERE action = 'signin.locked'"), 1)
        XCTAssertEqual(try store.database.fetchAll("SELECT DISTINCT coalesce(operator_id, '-') || ' ' || actor FROM audit_log WHERE action LIKE 'signin.%'") {
            $0.string(0)
        }, ["- 未登录"], "a failed sign-in is nobody's act, least of all the operator whose name was typed")
    }

    func testADeputysSessionIsTheirsAndTheirOwnCasesAreTheirBoard() throws {
        try store.createOperator(name: "张乾林", role: .deputy, pin: "1357", deputyID: fixture.deputyID, session: admin)
        let deputy = try store.signIn(name: "张乾林", pin: "1357")
        XCTAssertEqual(deputy.deputyID, fixture.deputyID)
        let mine = try fixture.openedCase()
        _ = try store.openCase(CaseDraft(title: "别人的诉求"), residentID: nil, session: fixture.clerk)
        let board = try store.followUpBoard(filter: CaseFilter(deputyID: deputy.deputyID))
        XCTAssertEqual(board.groups.flatMap(\.1).map(\.id), [mine.id])
        XCTAssertEqual(try store.followUpBoard().groups.flatMap(\.1).count, 2)
    }

    func testEveryWriteRecordsTheOperatorsID() throws {
        let id = try store.createOperator(name: "小李", role: .clerk, pin: "2468", session: admin)
        let clerk = try store.signIn(name: "小李", pin: "2468")
        let visit = try store.registerVisit(VisitDraft(resident: ResidentDraft(name: "王秀英", phone: "13812345678"), problem: "路灯不亮"),
                                            session: clerk)
        try store.markLeft(visitID: visit.id, session: clerk)
        XCTAssertEqual(try store.database.fetchOne("SELECT registered_by, changed_by FROM visits WHERE id = ?", [visit.id]) {
            [$0.optionalInt64(0), $0.optionalInt64(1)]
        }, [id, id])
        let record = try store.openCase(CaseDraft(title: "路灯"), residentID: nil, session: clerk)
        XCTAssertEqual(try store.database.scalarInt("SELECT operator_id FROM case_events WHERE case_id = ?", [record.id]).map(Int64.init), id)
    }

    func testASingleOperatorDeskMaySkipSignInOnlyWhenTheStationSaysSo() throws {
        try store.createOperator(name: "老王", role: .admin, pin: "1234", session: admin)
        XCTAssertNil(try store.sessionWithoutSignIn())
        var settings = try store.settings()
        settings.singleOperatorSkipsSignIn = true
        try store.updateSettings(settings, session: admin)
        XCTAssertEqual(try store.sessionWithoutSignIn()?.name, "老王")
        try store.createOperator(name: "小李", role: .clerk, pin: "2468", session: admin)
        XCTAssertNil(try store.sessionWithoutSignIn(), "two operators: the desk asks who is there")
    }
}
