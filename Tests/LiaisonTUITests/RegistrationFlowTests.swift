import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// The registration form files each visit under the right person, and two terminals calling at once
/// never take the same resident.
final class RegistrationFlowTests: DeskTestCase {
    func register(name: String, phone: String, problem: String = "楼道灯不亮") {
        desk.press(.character("a"))
        desk.type(name)
        desk.press(.tab)
        desk.type(phone)
        desk.press(.tab, .tab, .tab, .tab, .tab, .tab)
        desk.type(problem)
    }

    func count(_ sql: String, _ arguments: [SQLBindable?] = []) throws -> Int {
        try XCTUnwrap(fixture.store.database.scalarInt(sql, arguments))
    }

    func testSomeoneElseOnARegisteredPhoneIsANewPersonWhenTheClerkSaysSo() throws {
        // 郑秀英 registered this morning with 13600000001; her son comes with the same phone.
        register(name: "张三", phone: "136 0000 0001")
        var grid = desk.screen()
        XCTAssertTrue(grid.text(row: 4).contains("已登记为 郑秀英"), "said beside the phone:\n\(grid.text)")
        XCTAssertEqual(grid.role(row: 4, column: 40), .dueSoon)
        desk.press(.control("s"))
        grid = desk.screen()
        XCTAssertTrue(grid.text.contains("此电话已登记为 郑秀英，张三 是另一个人吗？"), grid.text)
        desk.press(.character("y"))
        grid = desk.screen()
        XCTAssertEqual(grid.text(row: 22), "已登记：第 5 号 张三")
        XCTAssertEqual(try count("SELECT count(*) FROM residents WHERE phone = '13600000001'"), 2)
        XCTAssertEqual(try fixture.store.database.scalarString("""
            SELECT r.name FROM visits v JOIN residents r ON r.id = v.resident_id WHERE v.queue_number = 5
            """), "张三", "the screen and the database agree")
    }

    func testOrItIsThatPersonAndTheVisitGoesUnderThem() throws {
        register(name: "郑秀", phone: "13600000001")
        desk.press(.control("s"), .character("n"))
        var grid = desk.screen()
        // She is in today's queue already (answered on the spot, so done): a new visit is made.
        XCTAssertEqual(grid.text(row: 22), "已登记：第 5 号 郑秀英", grid.text)
        XCTAssertEqual(try count("SELECT count(*) FROM residents WHERE phone = '13600000001'"), 1, "no second record")
        // 陈玉兰 waits as 第 3 号: registering her again asks first.
        register(name: "陈玉兰", phone: "13600000003")
        desk.press(.control("s"))
        grid = desk.screen()
        XCTAssertTrue(grid.text.contains("陈玉兰 今天已登记第 3 号，等候"), grid.text)
        desk.press(.character("n"))
        grid = desk.screen()
        XCTAssertEqual(grid.text(row: 22), "陈玉兰 已在队列中：第 3 号")
        XCTAssertEqual(desk.page.list?.selectedID, String(try XCTUnwrap(fixture.store.queue(on: DeskFixture.now.day)[2].id)),
                       "the queue shows her visit")
        XCTAssertEqual(try count("SELECT count(*) FROM visits"), 5, "nothing added")
    }

    func testABadPhoneSaysWhatIsWrongWithIt() {
        register(name: "李四", phone: "1390000")
        desk.press(.control("s"))
        XCTAssertEqual(desk.screen().text(row: 22), "未保存：电话 手机号应为 11 位，这里是 7 位")
    }

    /// Two terminals press c at once: the one that picks second is told who has the resident and is
    /// offered the next in the queue.
    func testTwoTerminalsCallingTheSameResident() throws {
        let other = DeskController(store: try LiaisonStore(database: Database(path: fixture.store.database.path), clock: fixture.clock),
                                   session: fixture.clerk)
        desk.press(.character("c"))
        other.press(.character("c"))
        XCTAssertTrue(other.screen().text.contains("第 3 号 陈玉兰 交给哪位代表接待"))
        desk.press(.enter)
        XCTAssertEqual(desk.screen().text(row: 22), "请第 3 号 陈玉兰 到 张乾林 代表处")
        other.press(.enter)
        let grid = other.screen()
        XCTAssertEqual(grid.text(row: 22), "第 3 号 已被叫到 张乾林 代表处，改叫第 4 号 楚天明")
        XCTAssertTrue(grid.text.contains("第 4 号 楚天明 交给哪位代表接待"), grid.text)
        XCTAssertEqual(try count("SELECT count(*) FROM duty_log WHERE kind = 'reception' AND visit_id = ?",
                                 [try fixture.store.queue(on: DeskFixture.now.day)[2].id]), 1, "credited once")
    }

    func testWithSeveralOnThePhoneNoGoesBackToTheListOfThem() throws {
        try fixture.store.findOrCreateResident(ResidentDraft(name: "张三", phone: "13600000001"), session: .system)
        register(name: "李四", phone: "13600000001")
        desk.press(.control("s"))
        XCTAssertTrue(desk.screen().text.contains("此电话已登记为 郑秀英、张三，李四 是另一个人吗？"))
        desk.press(.character("n"))
        var grid = desk.screen()
        XCTAssertTrue(grid.text(row: 3).contains("郑秀英  136****0001") && grid.text(row: 5).contains("张三  136****0001"),
                      "both listed beside the form:\n\(grid.text)")
        desk.press(.enter, .control("s"))
        grid = desk.screen()
        XCTAssertEqual(grid.text(row: 22), "已登记：第 5 号 郑秀英")
        XCTAssertEqual(try count("SELECT count(*) FROM residents WHERE name = '李四'"), 0)
    }

    /// Another terminal calls the resident while this one writes the answer: the save says so, the form
    /// keeps the answer, and takes the visit as it is now, so a second Ctrl-S saves.
    func testAFormWhoseVisitChangedElsewhereSaysSoAndCanBeSavedAfterwards() throws {
        desk.press(.character("j"), .character("j"), .character("o"))
        desk.type("已解释加装电梯的政策")
        let other = try LiaisonStore(database: Database(path: fixture.store.database.path), clock: fixture.clock)
        try other.handToDeputy(visitID: try XCTUnwrap(fixture.store.queue(on: DeskFixture.now.day)[2].id),
                               deputyID: try XCTUnwrap(fixture.deputies["李红"]), session: fixture.clerk)
        desk.press(.control("s"))
        var grid = desk.screen()
        XCTAssertTrue(grid.text(row: 22).hasPrefix("保存失败：第 3 号 已被叫到 李红 代表处"), grid.text)
        XCTAssertTrue(grid.text.contains("已解释加装电梯的政策"), "the answer is kept")
        desk.press(.control("s"))
        grid = desk.screen()
        XCTAssertTrue(grid.text(row: 22).contains("当场答复，已记为诉求"), grid.text)
        XCTAssertEqual(try count("SELECT count(*) FROM duty_log WHERE kind = 'reception' AND deputy_id = ?",
                                 [try XCTUnwrap(fixture.deputies["李红"])]), 2, "credited to 李红, who received her")
    }
}
