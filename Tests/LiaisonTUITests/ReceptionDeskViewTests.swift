import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// The clerk's desk driven key by key on a fresh demo station per test (these tests write).
final class ReceptionDeskViewTests: XCTestCase {
    static let now = LocalTime(day: Day(iso: "2026-11-16")!, hour: 10, minute: 30)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-reception-\(UUID().uuidString)")
    var path: String { directory.appendingPathComponent("station.sqlite").path }
    var store: LiaisonStore!
    var controller: DeskController!
    /// Every key sent, so tests can count them.
    var keysSent = 0

    override func setUpWithError() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try DemoStation.create(at: path, now: Self.now)
        controller = DeskController(store: store, session: Session(name: "前台小李", role: .clerk))
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    func press(_ keys: Key...) {
        for key in keys {
            keysSent += 1
            XCTAssertNotEqual(controller.handle(key), .quit)
        }
    }

    func type(_ text: String) { for character in text { press(.character(character)) } }

    /// Opens the registration form, types a name and a phone, tabs past ID number, community,
    /// address, channel and category to the problem, types it and saves.
    func register(name: String, phone: String, problem: String) {
        press(.character("a"))
        type(name)
        press(.tab)
        type(phone)
        press(.tab, .tab, .tab, .tab, .tab, .tab)
        type(problem)
        press(.control("s"))
    }

    func screen(rows: Int = 24, columns: Int = 80) -> GridScreen {
        let grid = controller.screen(rows: rows, columns: columns)
        for row in 0..<rows { XCTAssertEqual(grid.rowWidth(row), columns, "row \(row) is not the screen width") }
        return grid
    }

    func count(_ sql: String, _ arguments: [SQLBindable?] = []) throws -> Int {
        try XCTUnwrap(store.database.scalarInt(sql, arguments))
    }

    func testAReturningResidentIsRegisteredInAtMostTenKeystrokesBesidesTheProblem() throws {
        // A resident whose pinyin initials are theirs alone, found the way a clerk would: by initials.
        let (residentID, initials) = try XCTUnwrap(store.database.fetchOne("""
            SELECT min(id), name_initials FROM residents GROUP BY name_initials HAVING count(*) = 1 ORDER BY 1 LIMIT 1
            """) { ($0.int64(0), $0.string(1)) })
        let residents = try count("SELECT count(*) FROM residents")
        let problem = "楼下餐馆油烟直排，窗户都不敢开"
        press(.character("a"))
        type(initials)
        var grid = screen()
        XCTAssertTrue(grid.text.contains("以往来访") == false && grid.text.contains("Enter 选定，Down 下一个"), grid.text)
        press(.enter)
        grid = screen()
        XCTAssertTrue(grid.text.contains("以往来访"), "the chosen resident's history stands beside the form:\n\(grid.text)")
        XCTAssertTrue(grid.text(row: 2 + 8).hasPrefix(">反映问题*"), "focus went on to the problem:\n\(grid.text)")
        let before = keysSent
        type(problem)
        let problemKeys = keysSent - before
        press(.control("s"))
        XCTAssertLessThanOrEqual(keysSent - problemKeys, 10)
        XCTAssertEqual(keysSent - problemKeys, 3 + initials.count, "a, the initials, Enter, Ctrl-S")
        let visit = try XCTUnwrap(store.queue(on: Self.now.day).last)
        XCTAssertEqual(visit.residentID, residentID)
        XCTAssertEqual(visit.problem, problem)
        XCTAssertEqual(try count("SELECT count(*) FROM residents"), residents, "no second record for the same person")
        XCTAssertTrue(screen().text(row: 22).hasPrefix("已登记：第 \(visit.queueNumber) 号"))
    }

    func testABadPhoneIsMarkedBesideTheFieldAndNothingTypedIsLost() throws {
        let visits = try count("SELECT count(*) FROM visits")
        register(name: "欧阳娜娜", phone: "1381234", problem: "孩子入学需要居住证明，社区说不归他们开")
        var grid = screen()
        XCTAssertTrue(grid.text(row: 4).contains("电话*"), grid.text)
        XCTAssertTrue(grid.text(row: 4).contains("手机号应为 11 位"), "the message stands beside the phone:\n\(grid.text)")
        XCTAssertEqual(grid.role(row: 4, column: 36), .warning)
        XCTAssertTrue(grid.text(row: 4).hasPrefix(">"), "focus went back to the phone")
        XCTAssertEqual(grid.text(row: 22), "未保存：电话 手机号应为 11 位，这里是 7 位")
        XCTAssertTrue(grid.text(row: 3).contains("欧阳娜娜"))
        XCTAssertTrue(grid.text.contains("孩子入学需要居住证明"))
        XCTAssertEqual(try count("SELECT count(*) FROM visits"), visits)
        // A bad ID number too, then both put right.
        type("5678")
        press(.tab)
        type("110105194912310021")
        press(.control("s"))
        grid = screen()
        XCTAssertTrue(grid.text(row: 5).contains("校验位不对"), grid.text)
        press(.control("u"))
        type("11010519491231002X")
        press(.control("s"))
        XCTAssertEqual(try count("SELECT count(*) FROM visits"), visits + 1)
        XCTAssertEqual(try store.database.scalarString("SELECT id_number FROM residents WHERE phone = '13812345678'"),
                       "11010519491231002X")
        grid = screen()
        XCTAssertTrue(grid.text.contains("欧阳娜"), "the new walk-in is on the queue")
        XCTAssertFalse(grid.text.contains("11010519491231002X"), "an ID number is never shown whole")
    }

    func testASaveThatFailsKeepsTheFormAsTyped() throws {
        try store.database.execute("PRAGMA busy_timeout = 100")
        let other = try Database(path: path)
        try other.execute("BEGIN IMMEDIATE")
        register(name: "赵四", phone: "无", problem: "路灯不亮")
        var grid = screen()
        XCTAssertTrue(grid.text(row: 22).hasPrefix("保存失败：数据库正忙"), grid.text)
        XCTAssertTrue(grid.text(row: 3).contains("赵四") && grid.text.contains("路灯不亮"), "the form is kept:\n\(grid.text)")
        try other.execute("ROLLBACK")
        press(.control("s"))
        grid = screen()
        XCTAssertTrue(grid.text(row: 22).hasPrefix("已登记"), grid.text)
        XCTAssertEqual(try count("SELECT count(*) FROM residents WHERE name = '赵四' AND phone IS NULL AND phone_refused = 1"), 1)
    }

    func testEscOnAChangedFormAsksBeforeDiscarding() throws {
        press(.character("a"))
        press(.escape)
        XCTAssertTrue(screen().text(row: 2).contains("今日值班与来访详情"), "an untouched form closes at once")
        press(.character("a"))
        type("王")
        press(.escape)
        var grid = screen()
        XCTAssertTrue(grid.text.contains("放弃已填写的内容吗？"), grid.text)
        XCTAssertEqual(grid.text(row: 23), " y 放弃  n 继续填写  Esc 继续填写  Enter 继续填写")
        press(.character("n"))
        grid = screen()
        XCTAssertTrue(grid.text(row: 3).contains("王"), "no keeps the form")
        press(.escape, .character("y"))
        grid = screen()
        XCTAssertEqual(grid.text(row: 22), "已放弃，未保存")
    }

    func testCallNextHandsToTheLeastBusyDutyDeputyAndAnswersOnTheSpot() throws {
        let waiting = try XCTUnwrap(store.queueEntries(on: Self.now.day).first { $0.entry.visit.status == .waiting }?.entry)
        let offered = try store.receivingDeputies(on: Self.now.day)
        XCTAssertTrue(offered.first!.onDuty)
        press(.character("c"))
        var grid = screen()
        XCTAssertTrue(grid.text.contains("第 \(waiting.visit.queueNumber) 号 \(waiting.residentName) 交给哪位代表接待"), grid.text)
        XCTAssertTrue(grid.text.contains("\(offered[0].name)  今日值班 在接待 \(offered[0].inHand) 人"), grid.text)
        XCTAssertEqual(grid.text(row: 23), " Enter 选定  Down 下一个  Up 上一个  Esc 清除输入/返回")
        press(.enter)
        grid = screen()
        XCTAssertEqual(grid.text(row: 22), "请第 \(waiting.visit.queueNumber) 号 \(waiting.residentName) 到 \(offered[0].name) 代表处")
        XCTAssertEqual(try store.visit(id: waiting.visit.id)?.status, .withDeputy)
        press(.character("o"))
        type("已向居民解释：该路段属市政管辖，已转告街道")
        press(.control("s"))
        let after = try XCTUnwrap(store.visit(id: waiting.visit.id))
        XCTAssertEqual(after.outcome, .answeredOnSpot)
        XCTAssertEqual(try store.caseRecord(id: after.caseID!).status, .closed)
        XCTAssertEqual(try count("SELECT count(*) FROM duty_log WHERE visit_id = ? AND deputy_id = ?",
                                 [waiting.visit.id, offered[0].deputyID]), 1, "the receiving deputy is credited")
        grid = screen()
        XCTAssertTrue(grid.text(row: 22).contains("当场答复，已记为诉求"), grid.text)
        press(.character("o"))
        XCTAssertTrue(screen().text(row: 22).contains("已当场答复"), "a finished visit cannot be closed twice")
    }

    func testTurningAVisitIntoACaseOffersTheOpenCaseOnTheSameCategory() throws {
        // A waiting resident who already has an open case: give the visit that case's category.
        let entries = try store.queueEntries(on: Self.now.day)
        let row = try XCTUnwrap(entries.firstIndex { $0.entry.visit.status == .waiting })
        let visit = entries[row].entry.visit
        let open = try store.openCase(CaseDraft(title: "旧诉求", categoryID: try store.categories()[0].id), residentID: visit.residentID,
                                      session: .system)
        try store.database.execute("UPDATE visits SET category_id = ? WHERE id = ?", [try store.categories()[0].id, visit.id])
        controller.refresh()
        for _ in 0..<row { press(.character("j")) }
        press(.character("v"))
        var grid = screen()
        XCTAssertTrue(grid.text(row: 2).contains("转为诉求"), grid.text)
        press(.control("s"))
        grid = screen()
        XCTAssertTrue(grid.text.contains("并入该居民在办的同类诉求吗？"), grid.text)
        XCTAssertTrue(grid.text.contains(open.code))
        press(.character("y"))
        XCTAssertEqual(try store.visit(id: visit.id)?.caseID, open.id)
        XCTAssertTrue(screen().text(row: 22).contains("已并入诉求 \(open.code)"))
    }

    func testTheBoardShowsAFirstPartAtOnceAndTheRestWhenIdle() throws {
        let residentID = try XCTUnwrap(store.queue(on: Self.now.day).first?.residentID)
        for index in 0..<(BoardPage.firstPart + 5) {
            _ = try store.openCase(CaseDraft(title: "批量登记的诉求\(index)"), residentID: residentID, session: .system)
        }
        let board = DeskController(store: store, session: .system, start: .board)
        XCTAssertTrue(board.hasPendingWork, "more registered cases than the first part holds")
        let registered = BoardPage.firstPart + 5
        func shownRegistered() -> Int {
            let grid = GridScreen(rows: 400, columns: 120)
            board.show(on: grid)
            return grid.text.components(separatedBy: "\n").filter { $0.contains("批量登记的诉求") }.count
        }
        func heading() -> String {
            let grid = GridScreen(rows: 400, columns: 120)
            board.show(on: grid)
            return grid.text.components(separatedBy: "\n").first { $0.contains("待交办（") } ?? ""
        }
        XCTAssertLessThan(shownRegistered(), registered)
        XCTAssertTrue(heading().contains("+）"), "a cut group says it has more: \(heading())")
        board.doPendingWork()
        XCTAssertFalse(board.hasPendingWork)
        XCTAssertEqual(shownRegistered(), registered, "every registered case once the rest is loaded")
        let undispatched = try count("SELECT count(*) FROM cases WHERE status IN ('registered', 'triaged')")
        XCTAssertTrue(heading().contains("待交办（\(undispatched)）"), "then the exact count: \(heading())")
        // The periodic refresh reloads what is already loaded: the heading never goes back to 40+.
        board.refresh()
        XCTAssertFalse(board.hasPendingWork)
        XCTAssertTrue(heading().contains("待交办（\(undispatched)）"), "after a refresh: \(heading())")
        XCTAssertEqual(shownRegistered(), registered)
    }

    func testOnADayThatIsNotAReceptionDayTheQueueStillWorksAndTheTitleSaysSo() throws {
        let saturday = LocalTime(day: Day(iso: "2026-11-21")!, hour: 9, minute: 15)
        controller = DeskController(store: try LiaisonStore(database: Database(path: path), clock: ManualClock(saturday)),
                                    session: Session(name: "前台小李", role: .clerk))
        XCTAssertTrue(screen().text(row: 0).contains("2026-11-21 星期六 休息日 非接待日  前台小李"), screen().text)
        register(name: "周末来的居民", phone: "13700001111", problem: "周末也来反映问题")
        XCTAssertEqual(screen().text(row: 22), "已登记：第 1 号 周末来的居民", "a day of its own starts at number 1")
    }

    func testMarkingSomeoneWhoLeftAsksFirst() throws {
        let entries = try store.queueEntries(on: Self.now.day)
        let row = try XCTUnwrap(entries.firstIndex { $0.entry.visit.status == .waiting })
        let entry = entries[row].entry
        for _ in 0..<row { press(.character("j")) }
        press(.character("l"))
        var grid = screen()
        XCTAssertTrue(grid.text.contains("第 \(entry.visit.queueNumber) 号 \(entry.residentName) 没等到接待就离开了吗？"), grid.text)
        press(.character("n"))
        XCTAssertEqual(try store.visit(id: entry.visit.id)?.status, .waiting, "no leaves them waiting")
        press(.character("l"), .character("y"))
        XCTAssertEqual(try store.visit(id: entry.visit.id)?.status, .left)
        grid = screen()
        XCTAssertEqual(grid.text(row: 22), "第 \(entry.visit.queueNumber) 号 \(entry.residentName) 已记为离开")
        XCTAssertTrue(grid.text.contains("离开 1"), "today's figures count them:\n\(grid.text)")
    }
}
