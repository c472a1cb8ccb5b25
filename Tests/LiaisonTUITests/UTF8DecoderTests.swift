import XCTest
@testable import LiaisonTUI

final class UTF8DecoderTests: XCTestCase {
    private func decode(_ bytes: [UInt8]) -> String {
        var decoder = UTF8Decoder()
        var text = ""
        for byte in bytes { if let scalar = decoder.feed(byte) { text.unicodeScalars.append(scalar) } }
        return text
    }

    func testDecodesChineseAndDropsInvalidBytesAtOnce() {
        XCTAssertEqual(decode(Array("张乾林 abc".utf8)), "张乾林 abc")
        XCTAssertEqual(decode([0xFF] + Array("q".utf8)), "q", "a stray byte does not swallow the next key")
        XCTAssertEqual(decode([0xFF, 0xFE] + Array("王".utf8)), "王")
        XCTAssertEqual(decode([0xE5, 0xBC] + Array("x".utf8)), "x", "a sequence cut short is dropped")
        XCTAssertEqual(decode([0xC0, 0xAF, 0x61]), "a", "overlong form")
        XCTAssertEqual(decode([0xED, 0xA0, 0x80, 0x62]), "b", "surrogate")
        XCTAssertEqual(decode(Array("😀".utf8)), "😀")
    }
}
