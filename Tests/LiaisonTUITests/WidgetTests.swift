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
    }

    func testScrollsToKeepTheCursorVisible() {
        let field = TextField(text: "一二三四五六七八九十")
        let (text, cursor) = field.visible(width: 9)
        XCTAssertEqual(text, "七八九十")
        XCTAssertEqual(cursor, 8)
    }
}

final class TableTests: XCTestCase {
    func testSelectionSkipsHeadingsAndScrolls() {
        let rows = [TableRow(["组一"], isHeading: true), TableRow(["a"]), TableRow(["b"]), TableRow(["组二"], isHeading: true),
                    TableRow(["c"])]
        var state = TableState()
        state.select(0, rows: rows)
        XCTAssertEqual(state.selected, 1)
        state.move(by: 2, rows: rows)
        XCTAssertEqual(state.selected, 4)
        state.move(by: 5, rows: rows)
        XCTAssertEqual(state.selected, 4)
        state.move(by: -1, rows: rows)
        XCTAssertEqual(state.selected, 2)
    }

    func testColumnsAreSizedInDisplayColumns() {
        let table = Table(columns: [TableColumn("姓名", width: 6), TableColumn("选区", width: 4, flexible: true),
                                    TableColumn("号", width: 3, alignRight: true)],
                          rows: [TableRow(["欧阳娜娜", "和平里第一选区", "7"])], sortColumn: 0)
        let grid = GridScreen(rows: 3, columns: 25)
        table.render(on: grid, top: 0, left: 0, height: 3, width: 25, state: TableState(), focused: true)
        // 姓名 6 columns, a gap, 选区 (4 of its 14 columns), a gap, 号 right-aligned in 3.
        XCTAssertEqual(grid.text(row: 0), "姓名^  选区" + String(repeating: " ", count: 10 + 1 + 1) + "号")
        XCTAssertEqual(grid.text(row: 1), "欧阳~  和平里第一选区   7")
        XCTAssertEqual(grid.roles(row: 1), Array(repeating: .selected, count: 25))
    }
}

final class KeyTableTests: XCTestCase {
    func testEveryActionHasAKeyAndNoKeyIsBoundTwiceOnAScreen() {
        XCTAssertEqual(Set(KeyTable.bindings.map(\.action)), Set(Action.allCases))
        for screen in DeskScreenID.allCases {
            let keys = KeyTable.bindings(on: screen).flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "a key bound twice on \(screen)")
        }
        XCTAssertEqual(KeyTable.action(for: .function(1), on: .agenda), .help)
        XCTAssertEqual(KeyTable.action(for: .character("n"), on: .board), .nextOverdue)
        XCTAssertNil(KeyTable.action(for: .character("n"), on: .roster))
    }

    func testHintBarComesFromTheTable() {
        XCTAssertEqual(KeyTable.hints(on: .board).map(\.keyLabel), ["n", "?", "/", "q", "Tab", "Enter"])
        XCTAssertEqual(KeyTable.hints(on: .reception).map(\.label),
                       ["登记", "叫号", "当场答复", "转诉求", "帮助", "筛选", "退出", "切换窗格", "查看"])
        XCTAssertEqual(KeyTable.hints(in: .form).map(\.label), ["下一项", "上一项", "保存", "取消", "帮助"])
    }
}
