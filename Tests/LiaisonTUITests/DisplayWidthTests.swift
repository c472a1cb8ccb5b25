import XCTest
@testable import LiaisonTUI

final class DisplayWidthTests: XCTestCase {
    func testWidthsOfChineseLatinAndMarks() {
        XCTAssertEqual("张乾林".displayWidth, 6)
        XCTAssertEqual("abc".displayWidth, 3)
        XCTAssertEqual("供暖：室温14℃".displayWidth, 4 + 2 + 4 + 2 + 1) // ℃ is ambiguous: one column here
        XCTAssertEqual("，。、；：？！「」（）".displayWidth, 22, "fullwidth punctuation")
        XCTAssertEqual("ＡＢ".displayWidth, 4, "fullwidth Latin")
        XCTAssertEqual("e\u{301}".displayWidth, 1, "a combining accent takes no column")
        XCTAssertEqual("\u{200B}".displayWidth, 0, "zero width space")
        XCTAssertEqual("𠮷".displayWidth, 2, "CJK extension B")
        XCTAssertEqual("한글".displayWidth, 4)
        XCTAssertEqual("\u{1F600}".displayWidth, 2, "emoji")
    }

    func testClipsNeverThroughAWideCharacter() {
        XCTAssertEqual("张乾林".clipped(to: 5), "张乾")
        XCTAssertEqual("张乾林".clipped(to: 1), "")
        XCTAssertEqual("a张".clipped(to: 2), "a")
        XCTAssertEqual("张乾林".fitted(to: 5), "张乾 ")
        XCTAssertEqual("张乾林".fitted(to: 5, ellipsis: true), "张乾~")
        XCTAssertEqual("张乾林王".fitted(to: 6, ellipsis: true), "张乾~ ")
        XCTAssertEqual("林".fitted(to: 4, alignRight: true), "  林")
        for width in 0...12 {
            XCTAssertEqual("和平里街道代表联络站".fitted(to: width, ellipsis: true).displayWidth, width)
        }
    }
}

final class GridScreenTests: XCTestCase {
    func testWideCharactersTakeTwoCellsAndAreClippedWhole() {
        let grid = GridScreen(rows: 2, columns: 7)
        grid.draw(row: 0, column: 0, "张乾林王", role: .normal)
        XCTAssertEqual(grid.text(row: 0), "张乾林", "the fourth would cross the edge and is not drawn")
        XCTAssertEqual(grid.rowWidth(0), 7)
    }

    func testWritingOverHalfAWideCharacterClearsBoth() {
        let grid = GridScreen(rows: 1, columns: 8)
        grid.draw(row: 0, column: 0, "张乾林", role: .normal)
        grid.draw(row: 0, column: 1, "x", role: .normal)
        XCTAssertEqual(grid.text(row: 0), " x乾林")
        grid.draw(row: 0, column: 4, "y", role: .normal) // the left half of 林
        XCTAssertEqual(grid.text(row: 0), " x乾y")
        XCTAssertEqual(grid.rowWidth(0), 8)
    }

    func testDrawRowPadsToTheFullWidth() {
        let grid = GridScreen(rows: 1, columns: 10)
        grid.draw(row: 0, column: 0, "XXXXXXXXXX", role: .normal)
        grid.drawRow(0, "和平", role: .title)
        XCTAssertEqual(grid.text(row: 0), "和平")
        XCTAssertEqual(grid.roles(row: 0), Array(repeating: .title, count: 10))
    }
}
