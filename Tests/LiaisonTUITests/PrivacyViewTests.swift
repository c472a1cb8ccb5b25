import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// The reveal key and anonymising on the reception screen.
final class PrivacyViewTests: DeskTestCase {
    func testTheRevealKeyShowsOneResidentsPhoneUntilTheSelectionMovesAndIsAudited() {
        desk.press(.character("p"))
        let grid = desk.screen()
        assertScreen(grid, """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             号 居民   电话        类别     等候 状态     接待~  │ 今日值班与来访详情
              1 郑秀英 136****0001 噪声扰~  15分 当场答复 张乾林 │ 今日接待
              2 冯建华 136****0002 物业管~  20分 接待中   李红   │ 登记 4  等候 2  接待中 1
              3 陈玉兰 136****0003 加装电~  35分 等候            │ 当场答复 1  立案 0
              4 楚天明 136****0004          18分 等候            │ 转介 0  过号 0  离开 0
                                                                 │ 平均等候 17 分钟
                                                                 │
                                                                 │ 今日值班
                                                                 │ 张乾林  代表 接待
                                                                 │ 李红  代表 接待
                                                                 │ 陈静  律师 和平律师事务所
                                                                 │
                                                                 │ 第 1 号  郑秀英
                                                                 │ 电话 13600000001  来访
                                                                 │ 到达 09:05  接待 09:20
                                                                 │ 状态 当场答复  代表 张乾
                                                                 │ 林
                                                                 │ 类别 噪声扰民
                                                                 │
                                                                 │ 反映问题
            已显示 郑秀英 的完整电话（已记入审计日志），移开即隐藏
             a 登记  c 叫号  o 当场答复  v 转诉求  ? 帮助  / 筛选  q 退出  Tab 切换窗格
            """)
        XCTAssertEqual(try fixture.store.database.scalarString("SELECT action || ' ' || actor FROM audit_log WHERE action LIKE 'reveal.%'"),
                       "reveal.phone 前台小李")
        desk.press(.character("j"))
        XCTAssertFalse(desk.screen().text.contains("13600000001"), "hidden again when the selection moves")
        desk.press(.character("k"))
        XCTAssertFalse(desk.screen().text.contains("13600000001"), "and stays hidden on the way back")
        desk.press(.character("i"))
        XCTAssertEqual(desk.screen().text(row: 22), "工作人员不能查看完整身份证号：须由管理员操作")
    }

    func testAnAdminAnonymisesAResidentAfterAskingAndTheQueueKeepsTheVisit() throws {
        let admin = DeskController(store: fixture.store, session: DeskFixture.administrator)
        admin.press(.character("p"))
        XCTAssertTrue(admin.screen().text.contains("13600000001"))
        admin.press(.character("N"))
        assertScreen(admin.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             号 居民   电话        类别     等候 状态     接待~  │ 今日值班与来访详情
              1 郑秀英 136****0001 噪声扰~  15分 当场答复 张乾林 │ 今日接待
              2 冯建华 136****0002 物业管~  20分 接待中   李红   │ 登记 4  等候 2  接待中 1
              3 陈玉兰 136****0003 加装电~  35分 等候            │ 当场答复 1  立案 0
              4 楚天明 136****0004          18分 等候            │ 转介 0  过号 0  离开 0
                                                                 │ 平均等候 17 分钟
             ─────────────────────────────────────────────────────────────────────────────
               匿名化 郑秀英 吗？
               应本人要求：姓名只留姓（如 王某），电话、身份证号和住址删除，不能恢复。
               来访和诉求都保留，各项统计不变。

               y：匿名化    n/Esc 或 Enter：取消

             ─────────────────────────────────────────────────────────────────────────────
                                                                 │ 到达 09:05  接待 09:20
                                                                 │ 状态 当场答复  代表 张乾
                                                                 │ 林
                                                                 │ 类别 噪声扰民
                                                                 │
                                                                 │ 反映问题

             y 匿名化  n 取消  Esc 取消  Enter 取消
            """)
        admin.press(.character("y"))
        XCTAssertFalse(admin.screen().text.contains("13600000001"), "a number revealed before is gone with the person")
        XCTAssertTrue(admin.screen().text(row: 3).contains("郑某   已删除"), admin.screen().text(row: 3))
        XCTAssertEqual(try fixture.store.queue(on: DeskFixture.now.day).count, 4, "the visit stays")
        desk.press(.character("N"))
        XCTAssertEqual(desk.screen().text(row: 22), "工作人员不能匿名化居民：须由管理员操作")
    }
}
