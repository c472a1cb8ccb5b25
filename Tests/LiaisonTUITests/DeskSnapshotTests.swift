import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// The desk rendered on the in-memory grid from the demo station at a fixed moment.
final class DeskSnapshotTests: XCTestCase {
    nonisolated(unsafe) static var demoPath: String?
    static let now = LocalTime(day: Day(iso: "2026-11-16")!, hour: 10, minute: 30) // a Monday, reception day

    /// One demo database for the whole class, opened read-write per test on a copy-free path.
    func makeController(start: DeskScreenID = .reception) throws -> DeskController {
        if DeskSnapshotTests.demoPath == nil {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-snap-\(UUID().uuidString).sqlite").path
            try DemoStation.create(at: path, now: DeskSnapshotTests.now)
            DeskSnapshotTests.demoPath = path
        }
        let store = try LiaisonStore(database: Database(path: DeskSnapshotTests.demoPath!), clock: ManualClock(DeskSnapshotTests.now))
        return DeskController(store: store, operatorName: "前台小李", start: start)
    }

    func render(_ controller: DeskController, rows: Int = 24, columns: Int = 80) -> GridScreen {
        let grid = GridScreen(rows: rows, columns: columns)
        controller.render(on: grid)
        return grid
    }

    func assertEveryRowFits(_ grid: GridScreen, file: StaticString = #filePath, line: UInt = #line) {
        for row in 0..<grid.rows {
            XCTAssertEqual(grid.rowWidth(row), grid.columns, "row \(row) is not exactly the screen width", file: file, line: line)
        }
    }

    func testReceptionAt80x24() throws {
        let grid = render(try makeController())
        XCTAssertEqual(grid.text(row: 0), " 和平里街道人大代表联络站                2026-11-16 星期一 接待选民日  前台小李")
        XCTAssertEqual(grid.text(row: 1), "  1 接待(等候3)   2 代表   3 议程   4 督办(逾期27)")
        XCTAssertEqual(grid.text(row: 2), " 号 居民   电话        类别    等候 状态     接待代表│ 今日值班与来访详情")
        XCTAssertTrue(grid.text(row: 3).hasPrefix("  1 "))
        XCTAssertTrue(grid.text(row: 3).contains("当场答复"))
        XCTAssertTrue(grid.text(row: 4).contains("转为诉求"))
        XCTAssertTrue(grid.text(row: 5).contains("接待中"))
        XCTAssertTrue(grid.text(row: 6).contains("等候"))
        XCTAssertTrue(grid.text.contains("今日值班"))
        XCTAssertTrue(grid.text.contains("法律咨询") || grid.text.contains("律师") || grid.text.contains("法官")
                      || grid.text.contains("检察官") || grid.text.contains("警官"), "a legal officer on duty")
        XCTAssertEqual(grid.text(row: 23), " a 登记  c 叫号  o 当场答复  v 转诉求  ? 帮助  / 筛选  q 退出  Tab 切换窗格")
        XCTAssertEqual(grid.role(row: 3, column: 0), .selected)
        assertEveryRowFits(grid)
        // Phones are masked on the list.
        XCTAssertNotNil(grid.text.range(of: #"1\d\d\*\*\*\*\d{4}"#, options: .regularExpression))
        XCTAssertNil(grid.text.range(of: #"1[3-9]\d{9}"#, options: .regularExpression))
    }

    func testEveryScreenAtAnOddSize() throws {
        let controller = try makeController()
        for (key, header) in [("1", "接待代表"), ("2", "选区"), ("3", "类型"), ("4", "承办单位")] {
            _ = controller.handle(.character(Character(key)))
            let grid = render(controller, rows: 31, columns: 101)
            XCTAssertTrue(grid.text(row: 2).contains(header), "screen \(key) at 101x31:\n\(grid.text)")
            XCTAssertEqual(grid.role(row: 1, column: 2 + (Int(key)! - 1) * 0), grid.role(row: 1, column: 2))
            assertEveryRowFits(grid)
        }
    }

    func testRosterSortsAndShowsTheDeputysRecord() throws {
        let controller = try makeController(start: .roster)
        var grid = render(controller)
        XCTAssertTrue(grid.text(row: 2).hasPrefix("姓名^"))
        XCTAssertTrue(grid.text(row: 3).hasPrefix("陈志强"), "pinyin order starts with chen:\n\(grid.text)")
        XCTAssertTrue(grid.text.contains("进站接待"))
        XCTAssertTrue(grid.text.contains("履职积分"))
        _ = controller.handle(.character("s"))
        grid = render(controller)
        XCTAssertTrue(grid.text(row: 2).contains("级^"), grid.text)
        XCTAssertTrue(grid.text(row: 3).hasPrefix("王建国"), "the national deputy first by level")
        XCTAssertEqual(grid.text(row: 22), "代表名单已按级别排序")
        assertEveryRowFits(grid)
    }

    func testAgendaListsMeetingsAndReceptionDays() throws {
        let grid = render(try makeController(start: .agenda))
        XCTAssertTrue(grid.text.contains("接待选民日"))
        XCTAssertTrue(grid.text.contains("三方共议") || grid.text.contains("主题活动日"))
        XCTAssertTrue(grid.text.contains("12-15 周二 09:00"), "next month's reception day:\n\(grid.text)")
        assertEveryRowFits(grid)
    }

    func testBoardGroupsAndStepsThroughOverdueCases() throws {
        let controller = try makeController(start: .board)
        var grid = render(controller)
        XCTAssertTrue(grid.text(row: 3).hasPrefix("逾期（27）"), grid.text)
        XCTAssertEqual(grid.role(row: 3, column: 0), .overdue)
        XCTAssertEqual(grid.role(row: 4, column: 0), .selected, "the first case, not the heading, is selected")
        XCTAssertTrue(grid.text(row: 4).contains("逾期"))
        XCTAssertTrue(grid.text.contains("交办"), "the timeline shows the dispatch")
        let first = grid.text(row: 4)
        _ = controller.handle(.character("n"))
        grid = render(controller)
        XCTAssertEqual(grid.role(row: 5, column: 0), .selected)
        XCTAssertNotEqual(grid.text(row: 5), first)
        // G goes to the last case; the group headings below overdue are there.
        _ = controller.handle(.character("G"))
        grid = render(controller)
        XCTAssertTrue(grid.text.contains("待销号"), grid.text)
        assertEveryRowFits(grid)
    }

    func testFilterByPinyinInitialsAndChinese() throws {
        let controller = try makeController(start: .roster)
        _ = controller.handle(.character("/"))
        for character in "zql" { _ = controller.handle(.character(character)) }
        var grid = render(controller)
        XCTAssertTrue(grid.text(row: 3).hasPrefix("张乾林"), grid.text)
        XCTAssertEqual(grid.text(row: 4), String(repeating: " ", count: 0) + grid.text(row: 4))
        XCTAssertFalse(grid.text(row: 4).contains("人大"), "only one match")
        XCTAssertEqual(grid.text(row: 22), "筛选 /zql")
        XCTAssertEqual(grid.cursor?.row, 22)
        XCTAssertEqual(grid.cursor?.column, "筛选 /zql".displayWidth)
        _ = controller.handle(.enter)
        grid = render(controller)
        XCTAssertTrue(grid.text(row: 22).contains("筛选「zql」：1 条"))
        _ = controller.handle(.escape)
        _ = controller.handle(.character("/"))
        for character in "社区" { _ = controller.handle(.character(character)) }
        grid = render(controller)
        XCTAssertTrue(grid.text(row: 22).hasPrefix("筛选 /社区"))
        XCTAssertEqual(grid.cursor?.column, "筛选 /社区".displayWidth, "the cursor sits after two wide characters")
        _ = controller.handle(.escape)
        grid = render(controller)
        XCTAssertTrue(grid.text(row: 3).hasPrefix("陈志强"), "Esc clears the filter")
    }

    func testQuitAsksFirstAndQLeavesTheDetailPaneFirst() throws {
        let controller = try makeController()
        XCTAssertEqual(controller.handle(.enter), .keepGoing)
        XCTAssertEqual(render(controller).role(row: 2, column: 60), .activeTab, "Enter moves to the detail pane")
        XCTAssertEqual(controller.handle(.character("q")), .keepGoing, "q leaves the detail pane")
        XCTAssertEqual(controller.handle(.character("q")), .keepGoing)
        var grid = render(controller)
        XCTAssertTrue(grid.text.contains("确定退出工作台吗？"), "a dialog asks:\n\(grid.text)")
        XCTAssertTrue(grid.text.contains("y 或 Enter：退出    n 或 Esc：留在工作台"))
        XCTAssertEqual(grid.text(row: 23), " y 确定  n 取消", "the hint bar gives the dialog's keys")
        assertEveryRowFits(grid)
        XCTAssertEqual(controller.handle(.character("x")), .keepGoing, "other keys do not answer")
        grid = render(controller)
        XCTAssertTrue(grid.text.contains("确定退出工作台吗？"))
        XCTAssertEqual(controller.handle(.character("n")), .keepGoing)
        XCTAssertEqual(render(controller).text(row: 22), "已取消退出")
        _ = controller.handle(.character("q"))
        XCTAssertEqual(controller.handle(.character("y")), .quit)
    }

    func testHelpListsEveryKeyOfTheScreen() throws {
        let controller = try makeController(start: .board)
        _ = controller.handle(.function(1))
        let grid = render(controller)
        for binding in KeyTable.bindings(on: .board) {
            XCTAssertTrue(grid.text.contains(binding.label), "help shows \(binding.label)")
        }
        XCTAssertFalse(grid.text.contains("排序"), "the roster's sort key is not on the board")
        _ = controller.handle(.character("x"))
        XCTAssertFalse(render(controller).text.contains("帮助："), "any key closes help")
    }

    func testCommandLine() throws {
        let controller = try makeController()
        _ = controller.handle(.character(":"))
        for character in "督办" { _ = controller.handle(.character(character)) }
        _ = controller.handle(.enter)
        XCTAssertEqual(controller.current, .board)
        _ = controller.handle(.character(":"))
        for character in "foo" { _ = controller.handle(.character(character)) }
        _ = controller.handle(.enter)
        XCTAssertTrue(render(controller).text(row: 22).hasPrefix("未知命令：foo"))
        _ = controller.handle(.character(":"))
        _ = controller.handle(.character("q"))
        XCTAssertEqual(controller.handle(.enter), .quit)
    }

    func testTooSmallSaysSoAndRecovers() throws {
        let controller = try makeController()
        let small = render(controller, rows: 20, columns: 60)
        XCTAssertTrue(small.text.contains("终端窗口太小"))
        XCTAssertTrue(small.text.contains("当前 60×20，至少 80×24"))
        XCTAssertEqual(controller.handle(.resize), .redraw)
        XCTAssertTrue(render(controller).text.contains("接待代表"))
    }

    func testDetailPaneScrollsWhenFocused() throws {
        // The open case with the longest timeline (a reopened one) is longer than the pane at 80x24.
        let controller = try makeController(start: .board)
        let code = try XCTUnwrap(controller.store.database.scalarString("""
            SELECT code FROM cases WHERE status <> 'closed'
            ORDER BY (SELECT count(*) FROM case_events e WHERE e.case_id = cases.id) DESC, id LIMIT 1
            """))
        _ = controller.handle(.character("/"))
        for character in code { _ = controller.handle(.character(character)) }
        _ = controller.handle(.enter)
        _ = controller.handle(.tab)
        let before = render(controller)
        XCTAssertEqual(before.role(row: 2, column: 60), .activeTab, "the detail pane has focus")
        XCTAssertNotEqual(before.role(row: 4, column: 0), .selected, "the list shows no selection meanwhile")
        for _ in 0..<3 { _ = controller.handle(.character("j")) }
        let after = render(controller)
        XCTAssertEqual(after.text(row: 4).prefix(9), Substring(code), "the list did not move")
        XCTAssertNotEqual(after.text(row: 3), before.text(row: 3), "the detail pane scrolled:\n\(after.text)")
        _ = controller.handle(.tab)
        XCTAssertEqual(render(controller).role(row: 4, column: 0), .selected)
    }
}
