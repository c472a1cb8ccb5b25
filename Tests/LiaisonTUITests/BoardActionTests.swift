import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// The board's actions at the keyboard: a stale save from a second terminal, marked cases, stepping from
/// the detail, the chase sheet and the recomputation of provisional due dates.
final class BoardActionTests: XCTestCase {
    var fixture: DeskFixture!
    var desk: DeskController!
    var store: LiaisonStore { fixture.store }

    override func setUpWithError() throws {
        fixture = try DeskFixture()
        desk = DeskController(store: store, session: fixture.supervisor, start: .board)
    }

    override func tearDown() {
        desk = nil
        fixture = nil
    }

    func message() -> String { desk.screen().text(row: 22).trimmingCharacters(in: .whitespaces) }
    func record(_ code: String) throws -> CaseRecord { try XCTUnwrap(store.caseRecord(code: code)) }

    /// A long letter the resident brought is read in full in the detail, not only its first line (the title).
    func testTheDetailShowsWhatTheResidentRaisedInFull() throws {
        let letter = "楼道灯坏了\n三楼到五楼都不亮，" + String(repeating: "老人晚上下楼看不见台阶。", count: 20)
        let record = try store.openCase(CaseDraft(title: "楼道灯坏了", description: letter), residentID: nil, session: .system)
        let lines = CaseDetailLines.lines(try store.caseDetail(id: record.id), calendar: store.calendar, today: store.today).map(\.text)
        let raised = try XCTUnwrap(lines.firstIndex(of: "反映问题"))
        XCTAssertEqual(Array(lines[(raised + 1)...(raised + 2)]), letter.components(separatedBy: "\n"))
    }

    func testASaveAfterAnotherTerminalMovedTheCaseIsRefusedAndKeepsWhatWasTyped() throws {
        desk.press(.character("j"))
        desk.press(.character("r"))
        desk.type("已安排施工队")
        // The other terminal: the same file, its own connection.
        let other = try LiaisonStore(database: Database(path: store.database.path), clock: fixture.clock)
        try other.acknowledge(caseID: try record("2026-0002").id, session: fixture.supervisor)
        desk.press(.control("s"))
        XCTAssertEqual(message(), "保存失败：该事项（2026-0002）已被他人修改，请刷新后重试（已填的都还在）")
        XCTAssertTrue(desk.layers.last is FormLayer, "the form stays open")
        XCTAssertTrue(desk.screen().text.contains("已安排施工队"), "with what was typed")
        XCTAssertEqual(try record("2026-0002").status, .acknowledged)
        // The form took the case as it is now: checked, it saves on the second Ctrl-S, nothing retyped.
        desk.press(.control("s"))
        XCTAssertEqual(message(), "2026-0002 已登记答复，待向群众反馈")
        XCTAssertEqual(try record("2026-0002").status, .replied)
    }

    func testTriageSavesCategoryAndTier() throws {
        desk.press(.character("j"), .character("j"))
        desk.press(.character("t"))
        XCTAssertTrue(desk.screen().text.contains("2026-0005 研判"))
        desk.press(.tab)
        desk.type("大事重点办")
        desk.press(.enter, .control("s"))
        XCTAssertEqual(message(), "2026-0005 已研判：加装电梯，大事重点办")
        XCTAssertEqual(try record("2026-0005").tier, .major)
    }

    func testAnExtensionIsAskedAsADateOrWorkingDaysOnTheDueDate() throws {
        desk.press(.character("j"))
        desk.press(.character("e"))
        desk.type("2")
        XCTAssertTrue(desk.screen().text.contains("→ 11-19"), "the date as it will be saved, counted on from the due date")
        desk.press(.tab)
        desk.type("需要协调施工方")
        desk.press(.control("s"))
        XCTAssertEqual(message(), "2026-0002 已登记延期申请，待督办人员审批")
        XCTAssertEqual(try store.pendingExtension(caseID: record("2026-0002").id)?.proposed, Day(iso: "2026-11-19"),
                       "two working days on the due date 11-17")
    }

    func testNGoesOnFromTheCaseJustRepliedTo() throws {
        // Three overdue on 11-20: 2026-0001 (due 10-26), 2026-0002 and 2026-0005 (both due 11-17).
        try store.dispatch(caseID: try record("2026-0005").id, departmentID: try XCTUnwrap(fixture.departments["区住建局"]),
                           due: .workingDays(1), session: fixture.supervisor)
        fixture.clock.set(LocalTime(day: Day(iso: "2026-11-20")!, hour: 9, minute: 0))
        desk = DeskController(store: store, session: fixture.supervisor, start: .board)
        desk.press(.character("n"))
        XCTAssertTrue(message().hasPrefix("逾期 2/3：2026-0002"), message())
        desk.press(.character("r"))
        desk.type("已处理")
        desk.press(.control("s"))
        XCTAssertEqual(message(), "2026-0002 已登记答复，待向群众反馈")
        desk.press(.character("n"))
        XCTAssertTrue(message().hasPrefix("逾期 2/2：2026-0005"), "on from the replied case, not back to the top: \(message())")
    }

    func testOneSupervisionNoteGoesToEveryMarkedCase() throws {
        desk.press(.character(" "), .character(" "))
        desk.press(.character("s"))
        XCTAssertTrue(desk.screen().text.contains("督办（2 件）"))
        desk.type("请本周内答复")
        desk.press(.control("s"))
        XCTAssertEqual(message(), "已对 2 件写入督办意见")
        for code in ["2026-0001", "2026-0002"] {
            XCTAssertEqual(try store.timeline(caseID: record(code).id).last?.text, "请本周内答复", code)
        }
    }

    func testNStepsThroughTheOverdueCasesFromTheDetailPaneToo() throws {
        fixture.clock.set(LocalTime(day: Day(iso: "2026-11-20")!, hour: 9, minute: 0))
        desk = DeskController(store: store, session: fixture.supervisor, start: .board)
        desk.press(.enter)
        desk.press(.character("n"))
        XCTAssertEqual(message(), "逾期 2/2：2026-0002（n 下一件，p 上一件，s 督办）")
        XCTAssertTrue(desk.screen().text.contains("2026-0002  已交办  第1轮"), "the detail follows the step")
        desk.press(.character("n"))
        XCTAssertTrue(message().hasPrefix("逾期 1/2：2026-0001"), "round to the first: \(message())")
        desk.press(.character("p"))
        XCTAssertTrue(message().hasPrefix("逾期 2/2：2026-0002"), message())
    }

    func testAChaseSheetOfTheSelectedCasesDepartmentIsWrittenBesideTheDatabase() throws {
        desk.press(.character("P"))
        let path = URL(fileURLWithPath: store.database.path).deletingLastPathComponent()
            .appendingPathComponent("督办单-区生态环境局-2026-11-16-1030.txt").path
        XCTAssertEqual(message(), "督办单（1 件）已写入数据库所在目录：督办单-区生态环境局-2026-11-16-1030.txt")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("2026-0001 广场舞音响太吵影响休息"))
        XCTAssertTrue(text.contains("逾期 15 个工作日"))
        XCTAssertFalse(text.contains("13800000001"), "no phone")
        XCTAssertEqual(try store.database.scalarString("SELECT subject FROM audit_log ORDER BY id DESC LIMIT 1"), path)
    }

    func testAfterTheYearIsImportedTheBoardOffersToRecomputeItsProvisionalDueDates() throws {
        fixture.clock.set(LocalTime(day: Day(iso: "2026-12-24")!, hour: 9, minute: 0))
        let waiting = try record("2026-0005")
        try store.dispatch(caseID: waiting.id, departmentID: try XCTUnwrap(fixture.departments["区住建局"]), due: .workingDays(10),
                           session: fixture.supervisor)
        desk = DeskController(store: store, session: fixture.supervisor, start: .board)
        XCTAssertTrue(desk.screen().text.contains("01-07待定"), "the board marks the guess")
        try store.importCalendar(try HolidaySchedule(parsing: "year 2027\nholiday 2027-01-01 元旦\n", source: "2027.txt"),
                                 session: DeskFixture.administrator)
        desk.press(.character(":"))
        desk.type("refresh")
        desk.press(.enter)
        desk.press(.escape)
        XCTAssertEqual(message(), "有 1 件待定期限可按新导入的节假日重算：按 R 查看")
        desk.press(.character("R"))
        XCTAssertTrue(desk.screen().text.contains("2026-0005 2027-01-07 → 2027-01-08"), "the list before the answer")
        desk.press(.character("y"))
        XCTAssertEqual(message(), "已重算 1 件的期限，时间线各记一笔")
        XCTAssertEqual(try record("2026-0005").dueDate, Day(iso: "2027-01-08"))
        XCTAssertFalse(desk.screen().text.contains("待定"))
    }
}
