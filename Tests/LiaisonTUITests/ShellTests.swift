import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// The desk's shell: keys reach what they are bound to, layers stack and answer safely, lists follow
/// their rows by id.
final class KeyRoutingTests: XCTestCase {
    /// Every binding of a screen, pressed on a fresh desk showing that screen, is handled by the page or
    /// by the keys every screen shares: a binding nobody handles fails here.
    func testEveryScreenBindingIsHandledOnTheScreenItIsBoundTo() throws {
        let fixture = try DeskFixture()
        for screen in DeskScreenID.allCases {
            for binding in KeyTable.bindings(on: screen) + KeyTable.bindings(in: .terminal) {
                for key in binding.keys {
                    let desk = fixture.controller(start: screen)
                    _ = desk.screen()
                    // Esc goes back from something: the detail pane (Tab reaches it on every screen).
                    if binding.action == .back { desk.press(.tab) }
                    desk.press(key)
                    XCTAssertTrue(desk.lastKeyWasHandled, "\(key) (\(binding.label)) on \(screen.title)")
                }
            }
        }
        let desk = fixture.controller()
        desk.press(.character("Z"))
        XCTAssertFalse(desk.lastKeyWasHandled, "a key bound to nothing is not handled")
    }

    func testEveryFormBindingIsHandledByTheForm() throws {
        let fixture = try DeskFixture()
        for binding in KeyTable.bindings(in: .form) {
            for key in binding.keys {
                let desk = fixture.controller()
                desk.press(.character("a"))
                desk.type("王")
                desk.press(key)
                XCTAssertTrue(desk.lastKeyWasHandled, "\(key) (\(binding.label)) in a form")
            }
        }
        let desk = fixture.controller()
        desk.press(.character("a"), .pageUp)
        XCTAssertFalse(desk.lastKeyWasHandled, "PgUp means nothing in a name field")
    }

    func testEveryFieldBindingIsHandledByItsField() {
        for binding in KeyTable.bindings(in: .textEditing) {
            for key in binding.keys {
                var field = TextField(text: "和平里 东街")
                field.cursor = 3
                let before = field
                XCTAssertTrue(field.handle(key), "\(key) (\(binding.label))")
                XCTAssertNotEqual(field, before, "\(key) (\(binding.label)) changed the text or the cursor")
            }
        }
        for binding in KeyTable.bindings(in: .textArea) {
            var area = TextArea()
            area.buffer.setText("第一行\n第二行\n第三行")
            area.buffer.cursor = 5
            area.layout(width: 20, height: 3)
            XCTAssertTrue(area.handle(binding.keys[0]), "\(binding.keyLabel) \(binding.label)")
            XCTAssertEqual(area.buffer.cursor, binding.action == .lineUp ? 1 : 9, binding.label)
        }
        let expected: [Action: String] = [.today: "2026-11-16", .nextDay: "2026-11-21", .previousDay: "2026-11-19",
                                          .nextWeek: "2026-11-27", .previousWeek: "2026-11-13"]
        for binding in KeyTable.bindings(in: .dateField) {
            for key in binding.keys {
                var date = DateField(text: "2026-11-20", today: Day(iso: "2026-11-16")!)
                XCTAssertTrue(date.handle(key), "\(key) (\(binding.label))")
                XCTAssertEqual(date.text, expected[binding.action], "\(key) (\(binding.label))")
            }
        }
        let options = [ChoiceOption(value: "1", label: "张乾林"), ChoiceOption(value: "2", label: "李红")]
        for binding in KeyTable.bindings(in: .choiceField) {
            var choice = ChoiceField(options: options, selectedValue: "1")
            // The list's own keys work on an open list; clearing works on a closed one.
            if binding.action != .clearChoice { choice.open() }
            XCTAssertTrue(choice.handle(binding.keys[0]), "\(binding.keyLabel) \(binding.label)")
        }
    }

    func testEveryQuestionPickerPromptAndCommandBindingIsHandled() throws {
        let fixture = try DeskFixture()
        for binding in KeyTable.bindings(in: .question) {
            XCTAssertNotNil(Shell.quitQuestion(keeping: []).answer(to: binding.keys[0]), binding.label)
        }
        for binding in KeyTable.bindings(in: .picker) {
            let desk = fixture.controller()
            desk.press(.character("c"), binding.keys[0])
            XCTAssertTrue(desk.lastKeyWasHandled, "\(binding.keyLabel) \(binding.label) in the picker")
        }
        for binding in KeyTable.bindings(in: .prompt) {
            let desk = fixture.controller()
            desk.press(.character("/"), binding.keys[0])
            XCTAssertTrue(desk.lastKeyWasHandled)
            XCTAssertTrue(desk.layers.isEmpty, "\(binding.label) closes the filter line")
        }
        for binding in KeyTable.bindings(in: .command) {
            for word in binding.words {
                let desk = fixture.controller()
                desk.press(.character(":"))
                desk.type(word)
                let outcome = desk.press(.enter)
                XCTAssertFalse(desk.screen().text(row: 22).hasPrefix("未知命令"), ":\(word)")
                XCTAssertEqual(outcome == .quit, binding.action == .quitNow, ":\(word)")
            }
        }
    }

    func testTheCommandLineSwitchesScreensAndSaysWhatItDoesNotKnow() throws {
        let desk = try DeskFixture().controller()
        desk.press(.character(":"))
        desk.type("督办")
        desk.press(.enter)
        XCTAssertEqual(desk.current, .board)
        desk.press(.character(":"))
        desk.type("foo")
        desk.press(.enter)
        XCTAssertEqual(desk.screen().text(row: 22), "未知命令：foo（可用 q、help、refresh、lock，或屏幕的号码、名称（如 1、接待））")
    }

    func testHelpShowsTheScreensOwnKeysFirst() throws {
        let desk = try DeskFixture().controller(start: .board)
        desk.press(.character("?"))
        let help = try XCTUnwrap(desk.layers.last as? HelpLayer)
        XCTAssertEqual(help.lines.prefix(3).map { $0.replacingOccurrences(of: " +", with: " ", options: .regularExpression) },
                       ["【督办页面】", "d 交办（代表或督办人员或管理员）", "a 接单（代表或督办人员或管理员）"],
                       "a clerk's help lists the case actions, with who may, whatever case is selected")
        XCTAssertFalse(help.lines.contains { $0.contains("我的诉求") }, "a clerk has no 我的诉求")
        XCTAssertFalse(help.lines.contains { $0.contains("排序") }, "the deputies' sort key is not on the board")
        desk.press(.character("x"))
        XCTAssertTrue(desk.layers.isEmpty, "any key closes help")
    }
}

final class QuestionTests: DeskTestCase {
    func testQOnAFilteredListClearsTheFilterAndSaysSo() {
        desk.press(.character("/"))
        desk.type("郑")
        desk.press(.enter)
        desk.press(.character("q"))
        XCTAssertEqual(desk.screen().text(row: 22), "已清除筛选；再按 q 退出")
        XCTAssertTrue(desk.layers.isEmpty)
        desk.press(.character("q"))
        XCTAssertTrue(desk.screen().text.contains("确定退出工作台吗"))
    }

    func testEnterOnQuitStays() {
        desk.press(.character("q"))
        XCTAssertNotEqual(desk.press(.enter), .quit)
        XCTAssertEqual(desk.screen().text(row: 22), "已取消退出")
        desk.press(.character("q"))
        XCTAssertNotEqual(desk.press(.character("Z")), .quit, "other keys do not answer")
        XCTAssertEqual(desk.press(.character("y")), .quit)
    }

    func testEnterOnDiscardKeepsTheForm() {
        desk.press(.character("a"))
        desk.type("王秀英")
        desk.press(.escape, .enter)
        XCTAssertTrue(desk.screen().text(row: 3).contains("王秀英"), "the form is still there, as typed")
        desk.press(.escape, .character("y"))
        XCTAssertEqual(desk.screen().text(row: 22), "已放弃，未保存")
        XCTAssertTrue(desk.layers.isEmpty)
    }

    func testEnterOnMarkingSomeoneAsLeftChangesNothing() throws {
        desk.press(.character("j"), .character("j"), .character("l"), .enter)
        XCTAssertEqual(try fixture.store.queue(on: DeskFixture.now.day)[2].status, .waiting)
        desk.press(.character("l"), .character("y"))
        XCTAssertEqual(try fixture.store.queue(on: DeskFixture.now.day)[2].status, .left)
    }

    func testEscOnJoiningAnOpenCaseGoesBackToTheFormWritingNothing() throws {
        let visit = try fixture.walkIn("钱阿姨", "13800000002", category: "加装电梯", problem: "施工还在占道")
        desk.refresh()
        let cases = try fixture.store.database.scalarInt("SELECT count(*) FROM cases")
        desk.press(.character("G"), .character("v"), .control("s"), .escape)
        XCTAssertEqual(try fixture.store.database.scalarInt("SELECT count(*) FROM cases"), cases, "no new case")
        XCTAssertNil(try fixture.store.visit(id: visit.id)?.caseID)
        XCTAssertTrue(desk.layers.last is FormLayer, "back in the form, as typed")
    }

    func testEnterOnJoiningAnOpenCaseTakesTheSuggestedAnswer() throws {
        let visit = try fixture.walkIn("钱阿姨", "13800000002", category: "加装电梯", problem: "施工还在占道")
        desk.refresh()
        desk.press(.character("G"), .character("v"), .control("s"), .enter)
        XCTAssertEqual(try fixture.store.visit(id: visit.id)?.caseID, try fixture.store.caseRecord(code: "2026-0002")?.id)
        XCTAssertEqual(desk.screen().text(row: 22), "第 5 号 钱阿姨 已并入诉求 2026-0002，原交办区住建局（2026-11-17 前）不变")
    }
}

final class ListFollowsRowsTests: XCTestCase {
    func testTheSelectionStaysOnItsCaseWhenAnotherTerminalAddsOneAbove() throws {
        let fixture = try DeskFixture()
        let desk = fixture.controller(start: .board)
        desk.press(.character("/"))
        desk.type("物业费")
        desk.press(.enter, .escape)
        XCTAssertEqual(try selectedCode(desk), "2026-0003")
        // Another terminal dispatches the undispatched case: it joins 办理中 above 2026-0003's row.
        let other = try LiaisonStore(database: Database(path: fixture.store.database.path), clock: fixture.clock)
        let waiting = try XCTUnwrap(other.caseRecord(code: "2026-0005"))
        try other.dispatch(caseID: waiting.id, departmentID: fixture.departments["区住建局"]!, due: .workingDays(3), session: .system)
        desk.refresh()
        XCTAssertEqual(try selectedCode(desk), "2026-0003", "the highlighted case never changes without a key")
        XCTAssertTrue(desk.screen().text.contains("物业费上涨未公示"), "its timeline is what the detail shows")
        // When it is gone (struck off elsewhere), the selection falls on the nearest case left.
        try other.close(caseID: try XCTUnwrap(other.caseRecord(code: "2026-0003")).id, reason: "居民撤回", session: Session(name: "督办老周", role: .supervisor))
        desk.refresh()
        XCTAssertEqual(try selectedCode(desk), "2026-0004")
    }

    func testMarksStayOnTheirCasesAcrossReloads() throws {
        let fixture = try DeskFixture()
        let desk = fixture.controller(start: .board)
        desk.press(.character(" "))
        XCTAssertEqual(desk.screen().text(row: 22), "已标记 1 件")
        let other = try LiaisonStore(database: Database(path: fixture.store.database.path), clock: fixture.clock)
        _ = try other.openCase(CaseDraft(title: "新来的诉求"), residentID: nil, session: fixture.clerk)
        desk.refresh()
        let grid = desk.screen()
        XCTAssertTrue(grid.text(row: 4).hasPrefix("*2026-0001"), grid.text)
        XCTAssertFalse(grid.text.contains("*2026-0006"))
    }

    private func selectedCode(_ desk: DeskController) throws -> String {
        let grid = desk.screen()
        let row = try XCTUnwrap((3..<22).first { grid.role(row: $0, column: 0) == .selected }, grid.text)
        return String(grid.text(row: row).prefix(9))
    }
}

final class PasteTests: XCTestCase {
    /// A letter pasted into the problem field: cut to the field's 500 characters with a message, in one
    /// key; the same for ten megabytes.
    func testALongLetterPastedIntoTheProblemIsCutToTheFieldAndSaysSo() throws {
        let fixture = try DeskFixture()
        for size in [100 * 1024, 10 * 1024 * 1024] {
            let desk = fixture.controller()
            desk.press(.character("a"), .tab, .tab, .tab, .tab, .tab, .tab, .tab)
            let line = "尊敬的代表：小区东门路灯坏了两个星期，晚上老人出门不方便，请帮忙反映。\n"
            let letter = String(repeating: line, count: size / line.utf8.count)
            desk.press(.paste(Paste(letter)))
            let grid = desk.screen()
            XCTAssertEqual(grid.text(row: 22), "这一项最多 500 个字，多出的没有收下", "\(size) bytes")
            XCTAssertTrue(grid.text(row: 10).contains("尊敬的代表"), grid.text)
            let form = try XCTUnwrap(desk.layers.last as? FormLayer).form
            XCTAssertEqual(form["problem"].value.count, 500)
        }
    }
}

final class StoredValueTests: XCTestCase {
    /// Another program wrote a date that is none: the board says what and where, and the desk stays up.
    func testAMalformedStoredValueIsAMessageAndTheDeskStaysUp() throws {
        let fixture = try DeskFixture()
        let database = fixture.store.database
        try database.execute("PRAGMA ignore_check_constraints = ON")
        try database.write { try database.execute("UPDATE cases SET due_date = '2026-13-45' WHERE code = '2026-0003'", []) }
        let desk = fixture.controller(start: .board)
        let problem = "数据库 cases.due_date 的日期「2026-13-45」无效，请运行 liaison-desk check"
        var grid = desk.screen()
        XCTAssertEqual(grid.text(row: 22), problem)
        XCTAssertTrue(grid.text(row: 3).hasPrefix("  未能载入，原因见下方"), "not that nothing is open:\n\(grid.text)")
        desk.press(.character("j"))
        XCTAssertEqual(desk.screen().text(row: 22), problem, "it stays said after a key")
        desk.press(.character("1"))
        grid = desk.screen()
        XCTAssertTrue(grid.text(row: 3).contains("郑秀英"), "the other screens work")
        XCTAssertEqual(grid.text(row: 22), "")
    }
}

final class PartLoadingTests: XCTestCase {
    /// A district's roster: the first screenful in pinyin order at once, the rest when no key waits, the
    /// selection where it was; a re-sort needs them all and loads them first.
    func testTheRosterComesInTwoPartsAndKeepsTheSelection() throws {
        let fixture = try DeskFixture()
        for index in 0..<(FirstPart.size + 10) {
            try fixture.store.createDeputy(DeputyDraft(name: "赵代表\(index)", level: .township), session: .system)
        }
        let desk = fixture.controller(start: .deputies)
        XCTAssertTrue(desk.hasPendingWork)
        desk.press(.character("j"))
        let selected = try XCTUnwrap(desk.page.list?.selectedID)
        XCTAssertEqual(desk.page.list?.shownRowCount, FirstPart.size)
        desk.doPendingWork()
        XCTAssertFalse(desk.hasPendingWork)
        XCTAssertEqual(desk.page.list?.shownRowCount, FirstPart.size + 13)
        XCTAssertEqual(desk.page.list?.selectedID, selected)
        desk.refresh()
        XCTAssertEqual(desk.page.list?.shownRowCount, FirstPart.size + 13, "a refresh reloads them all")

        let sorting = fixture.controller(start: .deputies)
        sorting.press(.character("s"))
        // Stroke order comes from the database as pinyin does: a first screenful, then the rest.
        XCTAssertTrue(sorting.screen().text(row: 4).hasPrefix("王建国"), "王 has four strokes, the fewest")
        XCTAssertEqual(sorting.page.list?.shownRowCount, FirstPart.size)
        sorting.doPendingWork()
        XCTAssertEqual(sorting.page.list?.shownRowCount, FirstPart.size + 13)
        sorting.press(.character("s"))
        XCTAssertTrue(sorting.screen().text(row: 4).hasPrefix("王建国"), "the national deputy first by level")
        XCTAssertTrue(sorting.screen().text(row: 5).hasPrefix("张乾林"), "then the county deputy")

        let byLevel = fixture.controller(start: .deputies)
        byLevel.press(.character("s"))
        byLevel.press(.character("s"))
        XCTAssertEqual(byLevel.page.list?.shownRowCount, FirstPart.size, "level order comes from the database in parts too")
        byLevel.press(.character("s"))
        XCTAssertFalse(byLevel.hasPendingWork, "by points needs every deputy")
        XCTAssertEqual(byLevel.page.list?.shownRowCount, FirstPart.size + 13)
    }

    /// The ranking counts every deputy at once and reads out a screenful; the rest come when no key waits.
    func testTheRankingComesInTwoPartsAndCountsEveryone() throws {
        let fixture = try DeskFixture()
        for index in 0..<(FirstPart.size + 10) {
            try fixture.store.createDeputy(DeputyDraft(name: "赵代表\(index)", level: .township), session: .system)
        }
        let desk = fixture.controller(start: .deputies)
        try XCTUnwrap(desk.page as? DeputiesPage).show("积分排名")
        desk.refresh()
        XCTAssertTrue(desk.screen().text.contains("履职积分排名（\(FirstPart.size + 13) 位）"))
        XCTAssertEqual(desk.page.list?.shownRowCount, FirstPart.size)
        XCTAssertTrue(desk.hasPendingWork)
        desk.doPendingWork()
        XCTAssertEqual(desk.page.list?.shownRowCount, FirstPart.size + 13)
    }
}

final class TitleLineTests: XCTestCase {
    /// A long station name stays whole at 80 columns when the notice reminder shows: the date loses its
    /// year and the day its 非接待日 first; wider, everything is said in full.
    func testTheStationsNameStaysWholeBesideTheReminder() {
        let overview = StationOverview(today: Day(iso: "2026-12-08")!, isWorkingDay: true, isReceptionDay: false, holidayName: nil,
                                       calendarKnowsYear: true, nextReceptionDay: Day(iso: "2026-12-15")!, visitsToday: 0, waiting: 0,
                                       overdue: 0, noticeDue: Day(iso: "2026-12-15")!)
        let line = TitleLine(stationName: "和平里街道人大代表联络站", overview: overview, operatorName: "前台小李")
        let narrow = GridScreen(rows: 1, columns: 80)
        line.render(on: narrow, row: 0)
        XCTAssertEqual(narrow.text(row: 0), " 和平里街道人大代表联络站      12-15接待公告待写  12-08 星期二 工作日  前台小李")
        let wide = GridScreen(rows: 1, columns: 120)
        line.render(on: wide, row: 0)
        XCTAssertTrue(wide.text(row: 0).hasSuffix("12-15接待公告待写  2026-12-08 星期二 工作日 非接待日  前台小李"))
        XCTAssertTrue(wide.text(row: 0).hasPrefix(" 和平里街道人大代表联络站 "))
    }
}
