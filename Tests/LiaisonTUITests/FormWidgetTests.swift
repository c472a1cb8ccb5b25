import XCTest
import LiaisonCore
@testable import LiaisonTUI

final class TextAreaTests: XCTestCase {
    func testWrapsChineseAndMovesByWrappedLines() {
        var area = TextArea(limit: 100)
        area.layout(width: 9, height: 3)
        for character in "一二三四五六七八" { _ = area.handle(.character(character)) }
        // Nine columns leave eight for text plus the cursor cell: four wide characters a line.
        XCTAssertEqual(area.lines(width: 9).count, 2)
        XCTAssertEqual(area.cursorPosition(width: 9).line, 1)
        XCTAssertEqual(area.cursorPosition(width: 9).column, 8)
        XCTAssertTrue(area.handle(.up))
        XCTAssertEqual(area.buffer.cursor, 3, "up stays on the wrapped line above: before 四")
        XCTAssertEqual(area.cursorPosition(width: 9).line, 0)
        XCTAssertFalse(area.handle(.up), "no line above: the form may use the key")
        _ = area.handle(.end)
        _ = area.handle(.enter)
        _ = area.handle(.character("九"))
        XCTAssertEqual(area.text, "一二三四五六七八\n九", "Enter keeps a line break in a text area")
        XCTAssertEqual(area.cursorPosition(width: 9).line, 2)
        _ = area.handle(.control("u"))
        XCTAssertEqual(area.text, "一二三四五六七八\n", "Ctrl-U works on the cursor's line only")
    }

    func testRendersTheCursorsLineInView() {
        var area = TextArea()
        area.buffer.setText("第一行\n第二行\n第三行\n第四行")
        area.layout(width: 10, height: 2)
        let grid = GridScreen(rows: 4, columns: 20)
        let cursor = area.render(on: grid, top: 1, left: 2, height: 2, role: .input)
        XCTAssertEqual(grid.text(row: 1), "  第三行")
        XCTAssertEqual(grid.text(row: 2), "  第四行")
        XCTAssertEqual(cursor.row, 2)
        XCTAssertEqual(cursor.column, 8)
        XCTAssertEqual(area.hiddenText(height: 2).above, true)
        XCTAssertEqual(area.hiddenText(height: 2).below, false)
    }

    func testWrapsByTheRulesOfChineseLineBreaking() {
        var area = TextArea()
        area.buffer.setText("会议定于2026-06-04召开，请准时。")
        // Eleven columns hold five wide characters: the date moves down whole, the comma stays with 开.
        XCTAssertEqual(area.lines(width: 11).map { String(area.buffer.characters[$0]) },
                       ["会议定于", "2026-06-04", "召开，请准", "时。"])
    }

    func testOneLineFieldsDropLineBreaks() {
        var field = TextField(limit: 20)
        field.insert("第一行\n第二行")
        XCTAssertEqual(field.text, "第一行第二行")
    }
}

final class ChoiceFieldTests: XCTestCase {
    let deputies = [ChoiceOption(value: "1", label: "张乾林"), ChoiceOption(value: "2", label: "李红"),
                    ChoiceOption(value: "3", label: "张倩")]

    func testTypingFiltersByChineseOrPinyinInitials() {
        var choice = ChoiceField(options: deputies)
        for character in "zql" { XCTAssertTrue(choice.handle(.character(character))) }
        XCTAssertEqual(choice.matches, [0])
        XCTAssertTrue(choice.handle(.enter))
        XCTAssertEqual(choice.selectedValue, "1")
        XCTAssertFalse(choice.isOpen)
        _ = choice.handle(.character("张"))
        XCTAssertEqual(choice.matches, [0, 2])
        _ = choice.handle(.down)
        XCTAssertTrue(choice.commit())
        XCTAssertEqual(choice.selectedValue, "3", "leaving the field takes the highlighted match")
        XCTAssertFalse(choice.handle(.enter), "Enter on a closed field is the form's")
        XCTAssertTrue(choice.handle(.backspace))
        XCTAssertNil(choice.selectedValue, "Backspace on a closed field clears it")
    }

    func testTextThatMatchesNothingIsKeptUntilMendedOrCleared() {
        var choice = ChoiceField(options: deputies)
        for character in "赵" { _ = choice.handle(.character(character)) }
        XCTAssertEqual(choice.unmatchedText, "赵")
        XCTAssertFalse(choice.commit(), "leaving would throw the text away")
        XCTAssertEqual(choice.query.text, "赵")
        _ = choice.handle(.backspace)
        XCTAssertNil(choice.unmatchedText)
        XCTAssertTrue(choice.commit())
    }

    func testDownOpensTheWholeListAtTheChosenOne() {
        var choice = ChoiceField(options: deputies, selectedValue: "2")
        XCTAssertTrue(choice.handle(.down))
        XCTAssertEqual(choice.matches.count, 3)
        XCTAssertEqual(choice.highlighted, 1)
        XCTAssertTrue(choice.handle(.escape))
        XCTAssertEqual(choice.selectedValue, "2", "Esc closes the list and keeps the choice")
        let grid = GridScreen(rows: 8, columns: 30)
        _ = choice.handle(.character("x"))
        choice.renderList(on: grid, top: 1, column: 0, width: 20, maxRows: 6)
        XCTAssertEqual(grid.text(row: 1), " 没有匹配的选项")
        XCTAssertTrue(choice.handle(.escape))
        XCTAssertTrue(choice.isOpen, "Esc first takes back what was typed")
        XCTAssertEqual(choice.query.text, "")
        XCTAssertEqual(choice.matches.count, 3)
        XCTAssertTrue(choice.handle(.escape))
        XCTAssertFalse(choice.isOpen, "then closes the list")
        XCTAssertEqual(choice.selectedValue, "2")
    }
}

final class DateFieldTests: XCTestCase {
    let today = Day(iso: "2026-11-16")!

    func testShortcutsAndValidation() {
        var field = DateField(day: nil, today: today)
        _ = field.handle(.character("t"))
        XCTAssertEqual(field.day, today)
        _ = field.handle(.character("+"))
        XCTAssertEqual(field.text, "2026-11-17")
        _ = field.handle(.character("-"))
        _ = field.handle(.character("-"))
        XCTAssertEqual(field.text, "2026-11-15")
        _ = field.handle(.pageDown)
        XCTAssertEqual(field.text, "2026-11-22")
        _ = field.handle(.control("u"))
        for character in "2026-02-30" { _ = field.handle(.character(character)) }
        XCTAssertNil(field.day)
        XCTAssertEqual(field.problem, "没有这一天：2026-02-30")
        _ = field.handle(.control("u"))
        for character in "2026年1" { _ = field.handle(.character(character)) }
        XCTAssertEqual(field.text, "20261", "letters and Chinese are not stored in a date")
        XCTAssertEqual(field.problem, "日期格式为 年-月-日，如 2026-11-16")
        // A date typed over a whole one replaces it, dashes and all.
        _ = field.handle(.control("u"))
        _ = field.handle(.character("t"))
        for character in "2026-12-28" { _ = field.handle(.character(character)) }
        XCTAssertEqual(field.day, Day(iso: "2026-12-28"))
    }
}

final class FormTests: XCTestCase {
    func makeForm() -> Form {
        Form(title: "测试", fields: [
            FormField("name", "姓名", .text(TextField(limit: 10)), required: true),
            FormField("who", "代表", .choice(ChoiceField(options: [ChoiceOption(value: "1", label: "张乾林")]))),
            FormField("when", "日期", .date(DateField(day: nil, today: Day(iso: "2026-11-16")!))),
            FormField("text", "内容", .area(TextArea(), rows: 3), required: true),
        ])
    }

    func testTabMovesAndRequiredFieldsAreMarked() {
        var form = makeForm()
        XCTAssertFalse(form.isDirty)
        XCTAssertEqual(form.handle(.character("王")), .handled)
        XCTAssertEqual(form.lastEdited, ["name"])
        XCTAssertTrue(form.isDirty)
        _ = form.handle(.tab)
        XCTAssertEqual(form.focusedKey, "who")
        for character in "zql" { _ = form.handle(.character(character)) }
        XCTAssertEqual(form.lastEdited, [], "typing a query does not change the choice yet")
        _ = form.handle(.tab)
        XCTAssertEqual(form.choice("who"), "1", "Tab out of a typed choice takes the match")
        XCTAssertEqual(form.lastEdited, ["who"])
        _ = form.handle(.backTab)
        _ = form.handle(.backTab)
        XCTAssertEqual(form.focusedKey, "name")
        _ = form.handle(.backTab)
        XCTAssertEqual(form.focusedKey, "text", "Shift-Tab wraps round")
        XCTAssertEqual(form.handle(.control("s")), .save)
        form.markInvalidFields()
        form.focusFirstError()
        XCTAssertEqual(form.focusedKey, "text")
        XCTAssertEqual(form.firstError?.message, "必填")
        XCTAssertEqual(form.text("name"), "王", "what was typed stays")
        form.setText("when", "2026-13-01")
        form.markInvalidFields()
        XCTAssertEqual(form.fields[2].error, "没有这一天：2026-13-01")
        XCTAssertEqual(form.handle(.escape), .cancel)
    }

    func testMessagesStandBesideTheirFields() {
        var form = makeForm()
        form.setError("name", "必填")
        let grid = GridScreen(rows: 10, columns: 60)
        form.layout(width: 60, height: 10)
        _ = form.render(on: grid, top: 0, left: 0, width: 60)
        XCTAssertEqual(grid.text(row: 0), " 测试")
        XCTAssertTrue(grid.text(row: 1).hasPrefix(">姓名*"))
        XCTAssertTrue(grid.text(row: 1).hasSuffix(" 必填"))
        XCTAssertEqual(grid.role(row: 1, column: 58), .warning)
        XCTAssertTrue(grid.text(row: 2).contains("（未选）"))
        for row in 0..<10 { XCTAssertEqual(grid.rowWidth(row), 60) }
    }

    func testTabDoesNotLeaveAChoiceWhoseTextMatchesNothing() {
        var form = makeForm()
        _ = form.handle(.tab)
        for character in "赵" { _ = form.handle(.character(character)) }
        XCTAssertTrue(form.isDirty, "typed text counts as a change: Esc asks before dropping it")
        _ = form.handle(.tab)
        XCTAssertEqual(form.focusedKey, "who", "focus stays")
        XCTAssertEqual(form.fields[1].error, "没有「赵」这一项，请改正或删去")
        _ = form.handle(.backspace)
        XCTAssertNil(form.fields[1].error, "mending the text takes the message away")
        for character in "zql" { _ = form.handle(.character(character)) }
        _ = form.handle(.tab)
        XCTAssertEqual(form.focusedKey, "when")
        XCTAssertEqual(form.choice("who"), "1")
        _ = form.handle(.backTab)
        _ = form.handle(.backspace)
        for character in "赵" { _ = form.handle(.character(character)) }
        XCTAssertEqual(form.handle(.control("s")), .save)
        form.markInvalidFields()
        XCTAssertEqual(form.fields[1].error, "没有「赵」这一项，请改正或删去", "saving refuses it too")
    }

    func testATallFormScrollsToTheFocusedFieldAndSaysWhatLiesAboveAndBelow() {
        var form = makeForm()
        let grid = GridScreen(rows: 4, columns: 60)
        for _ in 0..<3 { _ = form.handle(.tab) }
        form.layout(width: 60, height: 4)
        let cursor = form.render(on: grid, top: 0, left: 0, width: 60)
        XCTAssertEqual(grid.text(row: 0), " 测试  上面还有 3 项")
        XCTAssertTrue(grid.text(row: 1).hasPrefix(">内容*"), grid.text)
        XCTAssertEqual(cursor?.row, 1)
        for _ in 0..<2 { _ = form.handle(.tab) }
        form.layout(width: 60, height: 4)
        _ = form.render(on: grid, top: 0, left: 0, width: 60)
        XCTAssertEqual(grid.text(row: 0), " 测试  上面还有 1 项  下面还有 1 项", "focus went round to 代表")
        XCTAssertTrue(grid.text(row: 1).hasPrefix(">代表"), grid.text)
        // Even one row for the fields does not trap.
        form.layout(width: 60, height: 2)
        _ = form.render(on: GridScreen(rows: 2, columns: 60), top: 0, left: 0, width: 60)
    }
}
