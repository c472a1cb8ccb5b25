import XCTest
@testable import LiaisonCore

final class StrokeOrderTests: XCTestCase {
    let order = StrokeOrder.shipped

    func testSurnamesComeInTheOfficialOrder() {
        let official = "丁 于 马 王 毛 卢 刘 孙 吴 张 陈 林 周 郑 胡 钟 高 黄 曹 程 谢 潘".split(separator: " ").map(String.init)
        XCTAssertEqual(order.sorted(official.shuffled(), by: { $0 }), official)
        XCTAssertEqual(official.compactMap { order.strokeCount(of: Character($0)) },
                       [2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 10, 11, 11, 12, 12, 15], "simplified forms: 陈 7, 黄 11")
    }

    func testTheNextCharacterSettlesASurnameTieAndAShorterNameComesFirst() {
        XCTAssertEqual(order.sorted(["王芳", "王", "王一", "张三", "王二"], by: { $0 }), ["王", "王一", "王二", "王芳", "张三"])
    }

    func testANameWithCharactersTheTableLacksComesAfterAndKeepsItsPlace() {
        XCTAssertEqual(order.sorted(["Smith", "李红", "Adams"], by: { $0 }), ["李红", "Adams", "Smith"])
        XCTAssertEqual(order.sorted(["李红", "李红"], by: { $0 }), ["李红", "李红"])
    }
}
