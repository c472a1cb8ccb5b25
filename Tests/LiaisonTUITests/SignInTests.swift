import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// The shared terminal's door: signing in, the idle lock, and switching operator.
final class SignInTests: XCTestCase {
    var fixture: DeskFixture!
    var store: LiaisonStore { fixture.store }
    var time = Date(timeIntervalSince1970: 1_800_000_000)
    var desk: DeskController!

    override func setUpWithError() throws {
        fixture = try DeskFixture()
        try store.createOperator(name: "前台小李", role: .clerk, pin: "1234", session: DeskFixture.administrator)
        try store.createOperator(name: "督办老周", role: .supervisor, pin: "5678", session: DeskFixture.administrator)
        try store.createOperator(name: "张乾林", role: .deputy, pin: "2468", deputyID: fixture.deputies["张乾林"], session: DeskFixture.administrator)
        desk = DeskController(store: store, session: nil, now: { [unowned self] in time })
    }

    override func tearDown() {
        desk = nil
        fixture = nil
    }

    func signIn(_ initials: String, _ pin: String) {
        desk.type(initials)
        desk.press(.enter)
        desk.type(pin)
        desk.press(.enter)
    }

    func testTheDeskOpensOnTheSignInLayerAndShowsNothingBeneath() {
        assertScreen(desk.screen(), """
             代表联络站工作台



                          ────────────────────────────────────────────────────
                            登录
                            请选择操作员并输入 PIN

                            操作员  >
                                     前台小李  工作人员
                                     督办老周  督办人员
                                     张乾林  代表



                            PIN

                            输入姓名或拼音首字母，↑↓ 选择，Enter 确定

                          ────────────────────────────────────────────────────



             Enter 确定/登录  Esc 清除/重选操作员  Ctrl-C 退出工作台
            """)
        XCTAssertFalse(desk.screen().text.contains("郑秀英"), "no resident before anyone signs in")
    }

    func testAWrongPINIsSaidAndTheRightOneOpensTheClerksDesk() {
        signIn("qtxl", "0000")
        XCTAssertTrue(desk.isLocked)
        XCTAssertTrue(desk.screen().text.contains("操作员或 PIN 不对"))
        desk.type("1234")
        desk.press(.enter)
        XCTAssertFalse(desk.isLocked)
        XCTAssertEqual(desk.session.name, "前台小李")
        XCTAssertEqual(desk.current, .reception)
        XCTAssertTrue(desk.screen().text(row: 0).hasSuffix("前台小李"))
    }

    func testADeputyLandsOnTheirOwnCases() {
        signIn("zql", "2468")
        XCTAssertEqual(desk.current, .board)
        XCTAssertEqual(desk.screen().text(row: 22), "我的诉求（张乾林 负责的）：按 m 看全部")
        XCTAssertTrue(desk.screen().text(row: 23).hasPrefix(" m 我的诉求/全部"), "m is on a deputy's hint bar")
        let mine = desk.page.list?.shownIDs ?? []
        desk.press(.character("m"))
        XCTAssertGreaterThanOrEqual(desk.page.list?.shownIDs.count ?? 0, mine.count)
    }

    func testTheIdleLockHidesEverythingAndTheSameOperatorGetsTheHalfTypedFormBack() {
        signIn("qtxl", "1234")
        desk.press(.character("a"))
        desk.type("王秀英")
        let before = desk.screen().text
        time += 9 * 60
        desk.lockIfIdle()
        XCTAssertFalse(desk.isLocked, "not before the station's ten minutes")
        time += 60
        desk.lockIfIdle()
        XCTAssertTrue(desk.isLocked)
        let locked = desk.screen().text
        XCTAssertFalse(locked.contains("王秀英"), "the half-typed form is hidden")
        XCTAssertFalse(locked.contains("郑秀英"), "so is the queue")
        XCTAssertTrue(locked.contains("已锁定（前台小李）"))
        desk.type("1234")
        desk.press(.enter)
        XCTAssertEqual(desk.screen().text, before, "exactly what was there")
    }

    func testAnotherOperatorGetsAFreshDeskAndTheFirstOnesFormIsKeptForThem() {
        signIn("qtxl", "1234")
        desk.press(.character("a"))
        desk.type("王秀英")
        desk.press(.control("x"))
        XCTAssertTrue(desk.isLocked, "Ctrl-X locks at once, even in a form")
        desk.press(.escape)
        signIn("dblz", "5678")
        XCTAssertEqual(desk.session.name, "督办老周")
        XCTAssertTrue(desk.layers.isEmpty, "a fresh desk")
        desk.press(.character("q"))
        XCTAssertTrue(desk.screen().text.contains("前台小李 还有没保存的表单"), "quitting would lose it: the question says so")
        desk.press(.character("n"))
        desk.press(.control("x"))
        desk.press(.escape)
        signIn("qtxl", "1234")
        XCTAssertTrue(desk.screen().text.contains("王秀英"), "the clerk's form is back")
    }

    func testTheLockScreenShowsOnlyWhoLockedIt() {
        signIn("qtxl", "1234")
        desk.press(.character("a"))
        desk.type("王秀英")
        desk.press(.control("x"))
        assertScreen(desk.screen(), """
             代表联络站工作台



                          ────────────────────────────────────────────────────
                            登录
                            已锁定（前台小李）
                            本人输入 PIN 回到原处；其他人选自己登录
                            操作员  前台小李






                            PIN

                            输入 PIN 后按 Enter；Esc 重选操作员

                          ────────────────────────────────────────────────────



             Enter 确定/登录  Esc 清除/重选操作员  Ctrl-C 退出工作台
            """)
    }

    func testCtrlXLocksWithHelpOpenAndTheSameOperatorGetsHelpBack() {
        signIn("dblz", "5678")
        desk.press(.character("?"))
        let before = desk.screen().text
        desk.press(.control("x"))
        XCTAssertTrue(desk.isLocked, "help does not swallow Ctrl-X")
        desk.type("5678")
        desk.press(.enter)
        XCTAssertEqual(desk.screen().text, before)
    }

    func testQuittingFromTheLockOrByColonQAsksWhenAFormWouldBeLost() {
        signIn("qtxl", "1234")
        desk.press(.character("a"))
        desk.type("王秀英")
        desk.press(.control("x"))
        desk.press(.control("c"))
        XCTAssertTrue(desk.screen().text.contains("前台小李 还有没保存的表单"), "the locked operator's form is named")
        XCTAssertNotEqual(desk.press(.character("n")), .quit)
        desk.press(.escape)
        signIn("dblz", "5678")
        desk.press(.character(":"))
        desk.type("q")
        XCTAssertNotEqual(desk.press(.enter), .quit, ":q asks when someone's form would be lost")
        XCTAssertTrue(desk.screen().text.contains("前台小李 还有没保存的表单"))
    }

    func testANameThatMatchesNobodyNeverFallsBackOnTheOneChosenBefore() {
        desk.type("dblz")
        desk.press(.enter, .escape)
        desk.type("zs")
        desk.press(.enter)
        XCTAssertTrue(desk.screen().text.contains("没有这位操作员"))
        desk.type("1234")
        desk.press(.enter)
        XCTAssertTrue(desk.isLocked)
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM sign_in_attempts"), 0, "no PIN was tried against anyone")
    }

    func testAnEmptyPINIsNoAttemptAndFullWidthDigitsSignIn() throws {
        desk.type("zql")
        desk.press(.enter, .enter)
        XCTAssertTrue(desk.screen().text.contains("请输入 PIN"))
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM sign_in_attempts"), 0, "not counted towards the lock")
        desk.type("２４６８")
        desk.press(.enter)
        XCTAssertEqual(desk.session.name, "张乾林")
    }
}
