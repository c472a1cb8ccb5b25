import Foundation
import XCTest
@testable import LiaisonCore

/// The bytes of a sheet as Excel and WPS save it, and the CSV inside.
final class SheetTextTests: XCTestCase {
    static func gb18030(_ text: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](bytes)
    }

    func testUTF8WithAndWithoutAByteOrderMarkAndGB18030AreToldApart() throws {
        let text = "姓名,级别\r\n张三,区\r\n"
        let plain = try SheetText(decoding: Array(text.utf8))
        XCTAssertEqual(plain.encoding, .utf8)
        XCTAssertEqual(plain.text, text)
        let marked = try SheetText(decoding: SheetText.byteOrderMark + Array(text.utf8))
        XCTAssertEqual(marked.encoding, .utf8WithBOM)
        XCTAssertEqual(marked.text, text, "the mark is not part of the first header")
        let chinese = try SheetText(decoding: SheetTextTests.gb18030(text))
        XCTAssertEqual(chinese.encoding, .gb18030)
        XCTAssertEqual(chinese.text, text)
        // Characters outside GBK, which only GB18030's four-byte sequences hold.
        let rare = "姓名\n𠀀䶮,㐀\n"
        XCTAssertEqual(try SheetText(decoding: SheetTextTests.gb18030(rare)).text, rare)
    }

    func testWhatIsNotASheetIsRefusedSayingWhatItIs() throws {
        func problem(_ bytes: [UInt8], line: UInt = #line) -> SheetText.Problem? {
            do {
                _ = try SheetText(decoding: bytes)
                XCTFail("decoded what is not a sheet", line: line)
                return nil
            } catch {
                return error as? SheetText.Problem
            }
        }
        XCTAssertEqual(problem([]), .empty)
        XCTAssertEqual(problem(Array("\r\n  \n".utf8)), .empty)
        XCTAssertEqual(problem(SheetText.byteOrderMark), .empty)
        XCTAssertEqual(problem([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), .workbook(".xlsx"))
        XCTAssertEqual(problem([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]), .workbook(".xls"))
        XCTAssertEqual(problem([0xFF, 0xFE, 0x53, 0x59]), .utf16)
        XCTAssertEqual(problem([0x61, 0x00, 0x62]), .binary)
        // Marked UTF-8 but not: the line of the bad byte is said.
        XCTAssertEqual(problem(SheetText.byteOrderMark + Array("姓名\n张三\n".utf8) + [0xC3, 0x28]), .badUTF8(line: 3, marked: true))
        // Bytes GB18030 does not define (0x80 alone, 0xFF), on line 2.
        XCTAssertEqual(problem(Array("姓名\n".utf8) + [0x80, 0xFF, 0x0A]), .unknownEncoding(line: 2))
        XCTAssertEqual(problem(Array("姓名\n张三\u{7}\n".utf8)), .controlCharacter(line: 2))
        // Mostly UTF-8 with a bad byte is a damaged UTF-8 file, said at its line, not read as GB18030.
        XCTAssertEqual(problem(Array("姓名,级别\n王建国,全国\n".utf8) + [0xE5, 0x41] + Array("\n".utf8)), .badUTF8(line: 3, marked: false))
        // Latin-1 (Müller) would read as GB18030 only by pairing its letters with ASCII: refused.
        XCTAssertEqual(problem(Array("Name,Level\nM".utf8) + [0xFC] + Array("ller,x\n".utf8)), .unknownEncoding(line: 2))
        XCTAssertEqual(SheetText.Problem.workbook(".xlsx").userMessage,
                       "这是 Excel 工作簿（.xlsx），不是 CSV：请在 Excel 或 WPS 中“另存为” CSV（逗号分隔）")
    }

    func testQuotedFieldsHoldCommasLineBreaksAndQuotes() throws {
        let records = try CSV.parse("姓名,工作单位,备注\r\n" + "张三,\"某某公司,第一分公司\",\"他说\"\"你好\"\"\"\r\n"
                                    + "李四,\"两行\r\n地址\",\r\n")
        XCTAssertEqual(records, [
            CSV.Record(line: 1, fields: ["姓名", "工作单位", "备注"]),
            CSV.Record(line: 2, fields: ["张三", "某某公司,第一分公司", "他说\"你好\""]),
            CSV.Record(line: 3, fields: ["李四", "两行\n地址", ""]),
        ])
    }

    func testLineEndingsBlankRowsAndLineNumbers() throws {
        // LF, CRLF and a lone CR all end a line; rows of nothing but commas (a sheet's formatted blanks)
        // are skipped, and every record keeps the line it starts on.
        let records = try CSV.parse("a,b\n1,2\r\n,,\n\r3,4\r5,6")
        XCTAssertEqual(records.map(\.line), [1, 2, 5, 6])
        XCTAssertEqual(records.map(\.fields), [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        XCTAssertEqual(try CSV.parse("a,b\n\n\n").count, 1, "trailing blank lines")
        XCTAssertEqual(try CSV.parse("a,\"\"\n").first?.fields, ["a", ""], "an empty quoted field")
    }

    func testABrokenQuoteIsRefusedWithItsLine() {
        XCTAssertThrowsError(try CSV.parse("姓名\n\"张三\n李四\n")) {
            XCTAssertEqual($0 as? CSV.Problem, CSV.Problem(line: 2, reason: "引号没有配对（从这一行开始的引号到文件末尾都没有结束）"))
        }
        XCTAssertThrowsError(try CSV.parse("姓名,级别\n\"张三\"丰,区\n")) {
            XCTAssertEqual(($0 as? CSV.Problem)?.line, 2)
        }
    }

    func testWrittenRowsReadBackTheSame() throws {
        let rows = [["姓名", "工作单位"], ["张三", "某某公司,一分公司"], ["李四", "他说\"好\""], ["王五", "两行\n地址"], [" 前后空格 ", ""]]
        let text = CSV.write(rows)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        XCTAssertEqual(try CSV.parse(text).map(\.fields), rows)
    }
}
