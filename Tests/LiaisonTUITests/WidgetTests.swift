import XCTest
@testable import LiaisonTUI

final class TextFieldTests: XCTestCase {
    func type(_ text: String, into field: inout TextField) { for character in text { _ = field.handle(.character(character)) } }

    func testEditsWholeChineseCharacters() {
        var field = TextField(limit: 20)
        type("王秀英反映", into: &field)
        _ = field.handle(.backspace)
        XCTAssertEqual(field.text, "王秀英反")
        _ = field.handle(.home)
        _ = field.handle(.right)
        type("x", into: &field)
        XCTAssertEqual(field.text, "王x秀英反")
        XCTAssertEqual(field.visible(width: 20).cursorColumn, 3, "after one wide character and one narrow")
        _ = field.handle(.delete)
        XCTAssertEqual(field.text, "王x英反")
        _ = field.handle(.control("k"))
        XCTAssertEqual(field.text, "王x")
        _ = field.handle(.control("a"))
        _ = field.handle(.control("e"))
        XCTAssertEqual(field.cursor, 2)
        _ = field.handle(.control("u"))
        XCTAssertEqual(field.text, "")
    }

    func testControlWDeletesTheWordBefore() {
        var field = TextField(text: "和平里 东街 11号")
        _ = field.handle(.control("w"))
        XCTAssertEqual(field.text, "和平里 东街 ")
        _ = field.handle(.control("w"))
        XCTAssertEqual(field.text, "和平里 ")
    }

    func testPasteIsCappedAndCleaned() {
        var field = TextField(limit: 5)
        field.insert("供暖\u{202E}不\u{0007}热\n问题严重")
        XCTAssertEqual(field.text, "供暖不热问")
        XCTAssertTrue(field.overflowed)
        var area = TextField(limit: 20, multiline: true)
        XCTAssertTrue(area.handle(.paste(Paste("第一行\r第二行\r\n第三行"))))
        XCTAssertEqual(area.text, "第一行\n第二行\n第三行", "a terminal sends pasted line breaks as carriage returns")
        XCTAssertFalse(area.overflowed)
        XCTAssertTrue(area.handle(.paste(Paste("一二", truncated: true))))
        XCTAssertTrue(area.overflowed, "a paste the terminal reader cut says so too")
    }

    func testAHugePasteCostsNoMoreThanAFullField() {
        var field = TextField(limit: 500, multiline: true)
        let letter = String(repeating: "尊敬的人大代表：我家楼下的饭店每天油烟直排。\n", count: 200_000)
        XCTAssertTrue(field.handle(.paste(Paste(letter))))
        XCTAssertEqual(field.characters.count, 500)
        XCTAssertTrue(field.overflowed)
        XCTAssertTrue(field.text.hasPrefix("尊敬的人大代表"))
    }

    func testScrollsToKeepTheCursorVisible() {
        var field = TextField()
        field.setText("一二三四五六七八九十")
        let (text, cursor) = field.visible(width: 9)
        XCTAssertEqual(text, "七八九十")
        XCTAssertEqual(cursor, 8)
        var prefilled = TextField(text: "一二三四五六七八九十")
        XCTAssertEqual(prefilled.visible(width: 9).text, "七八九十", "the cursor is at the end of a prefilled value")
        prefilled.showStart()
        XCTAssertEqual(prefilled.visible(width: 9).text, "一二三四", "until a form shows a long one from its start")
        XCTAssertEqual(prefilled.visible(width: 9).cursorColumn, 0)
        _ = prefilled.handle(.end)
        prefilled.showStart()
        XCTAssertEqual(prefilled.cursor, 10, "once touched it stays where the clerk put it")
    }

    func testBackspaceAndCtrlUWorkOnAPrefilledValue() {
        var days = TextField(text: "10", limit: 3)
        _ = days.handle(.control("u"))
        _ = days.handle(.character("5"))
        XCTAssertEqual(days.text, "5", "not 510: the cursor was at the end")
    }
}

final class TableTests: XCTestCase {
    func testColumnsAreSizedInDisplayColumns() {
        let table = Table(columns: [TableColumn("姓名", width: 6), TableColumn("选区", width: 4, flexible: true),
                                    TableColumn("号", width: 3, alignRight: true)], sortColumn: 0)
        let grid = GridScreen(rows: 3, columns: 25)
        table.render(on: grid, top: 0, left: 0, height: 3, width: 25, rows: [TableRow(["欧阳娜娜", "和平里第一选区", "7"])][...],
                     selected: 0, focused: true, natural: [8, 14, 1], emptyText: "")
        // 姓名 6 columns, a gap, 选区 (4 of its 14 columns), a gap, 号 right-aligned in 3.
        XCTAssertEqual(grid.text(row: 0), "姓名^  选区" + String(repeating: " ", count: 10 + 1 + 1) + "号")
        XCTAssertEqual(grid.text(row: 1), "欧阳~  和平里第一选区   7")
        XCTAssertEqual(grid.roles(row: 1), Array(repeating: .selected, count: 25))
    }

    func testSpareWidthGoesToTheCutElasticColumnsThenTheFlexibleOne() {
        let table = Table(columns: [TableColumn("编号", width: 9, whole: true), TableColumn("诉求", width: 10, flexible: true, elastic: true),
                                    TableColumn("承办单位", width: 8, elastic: true), TableColumn("类型", width: 8, elastic: true)])
        // Natural widths: a six-digit serial, a long title, 区生态环境局 and 代表·局长面对面.
        let natural = [11, 40, 12, 15]
        XCTAssertEqual(table.widths(for: 40, natural: natural), [11, 10, 8, 8], "no spare: the case code is still whole")
        XCTAssertEqual(table.widths(for: 45, natural: natural), [11, 10, 12, 9], "the column short by least is made whole first")
        XCTAssertEqual(table.widths(for: 60, natural: natural), [11, 19, 12, 15], "both whole, the rest to the title")
        XCTAssertEqual(table.widths(for: 100, natural: natural), [11, 59, 12, 15], "the title whole, the rest to the flexible one")
    }
}

final class KeyTableTests: XCTestCase {
    func testEveryActionHasAKeyAndNoKeyIsBoundTwiceOnAScreen() {
        XCTAssertEqual(Set(KeyTable.bindings.map(\.action)), Set(Action.allCases))
        for scope in Set(KeyTable.bindings.map(\.scope)) {
            let keys = KeyTable.bindings(in: scope).flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "a key bound twice in \(scope)")
        }
        for screen in DeskScreenID.allCases {
            let keys = KeyTable.bindings(on: screen).flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "a key bound twice on \(screen)")
        }
        XCTAssertEqual(KeyTable.action(for: .function(1), on: .agenda), .help)
        XCTAssertEqual(KeyTable.action(for: .character("n"), on: .board), .nextOverdue)
        XCTAssertNil(KeyTable.action(for: .character("n"), on: .deputies))
    }

    func testHintBarComesFromTheTable() {
        XCTAssertEqual(KeyTable.hints(on: .board).map(\.keyLabel),
                       ["m", "d", "a", "r", "f", "v", "x", "s", "n", "e", "/", "F", "c", "R", "?", "q", "Tab", "Enter"])
        XCTAssertEqual(KeyTable.hints(on: .reception).map(\.label),
                       ["登记", "叫号", "当场答复", "转诉求", "帮助", "筛选", "退出", "切换窗格", "查看"])
        XCTAssertEqual(KeyTable.hints(in: .form).map(\.label), ["下一项", "上一项", "保存", "取消", "帮助"])
        XCTAssertEqual(KeyTable.command("退出"), .quitNow)
        XCTAssertEqual(KeyTable.command("4"), .showBoard)
        XCTAssertNil(KeyTable.command("foo"))
    }
}
