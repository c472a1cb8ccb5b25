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

/// Clusters terminals draw at different widths are drawn by their base, so no column after them shifts.
final class ClusterTests: XCTestCase {
    func testClustersOfDisputedWidthAreDrawnByTheirBase() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        XCTAssertEqual(DisplayWidth.drawable(Character(family)), "\u{1F468}")
        XCTAssertEqual(family.displayWidth, 2)
        XCTAssertEqual(DisplayWidth.drawable("\u{1F44D}\u{1F3FD}"), "\u{1F44D}", "a skin tone")
        XCTAssertEqual("\u{2764}\u{FE0F}".displayWidth, 1, "a text heart made emoji: drawn as the text heart")
        XCTAssertEqual(DisplayWidth.drawable("\u{1F1E8}\u{1F1F3}"), "?", "a flag")
        XCTAssertEqual(DisplayWidth.drawable("1\u{FE0F}\u{20E3}"), "1", "a keycap")
        XCTAssertEqual(DisplayWidth.drawable("e\u{301}"), "e\u{301}", "a letter with an accent is drawn whole")
    }

    func testAFamilyEmojiInANameLeavesTheColumnsAfterItInPlace() {
        let grid = GridScreen(rows: 1, columns: 20)
        let table = Table(columns: [TableColumn("居民", width: 8), TableColumn("电话", width: 11)])
        grid.draw(row: 0, column: 0, table.line(["王\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "138****5678"],
                                                widths: [8, 11], total: 20), role: .normal)
        XCTAssertEqual(grid.text(row: 0), "王\u{1F468}     138****5678")
        XCTAssertEqual(grid.rowWidth(0), 20)
    }
}

/// Chinese line breaking: no line starts with closing punctuation, a run of digits or letters is not cut.
final class LineBreakingTests: XCTestCase {
    func testClosingPunctuationNeverStartsALine() {
        // Six columns hold three characters; 。 would start the second line, so 天 goes down with it.
        XCTAssertEqual("今天下雨。明天晴".wrapped(to: 8), ["今天下", "雨。明天", "晴"])
        XCTAssertEqual("路灯坏了，请修".wrapped(to: 8), ["路灯坏", "了，请修"])
        XCTAssertEqual("他说「好」。".wrapped(to: 8), ["他说", "「好」。"], "an opening mark goes down with what follows")
    }

    func testRunsOfDigitsAndLettersMoveDownWhole() {
        XCTAssertEqual("会议定于2026-06-04召开".wrapped(to: 12), ["会议定于", "2026-06-04召", "开"])
        XCTAssertEqual("编号12345".wrapped(to: 8), ["编号", "12345"])
        // A run longer than the line is cut where it must be.
        XCTAssertEqual("号码1234567890123".wrapped(to: 8), ["号码1234", "56789012", "3"])
    }

    func testWrappedLinesNeverExceedTheWidth() {
        let text = "居民反映：2026-11-16上午，和平里东街12号楼下（临街）的饭店油烟直排，影响3号楼、5号楼住户！"
        for width in 2...30 {
            for line in text.wrapped(to: width) { XCTAssertLessThanOrEqual(line.displayWidth, width, "width \(width): \(line)") }
            XCTAssertEqual(text.wrapped(to: width).joined(), text, "nothing lost at width \(width)")
        }
    }
}
