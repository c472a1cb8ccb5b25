import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// 操作员 and 审计日志 on the administration screen.
final class OperatorSectionTests: AdminTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try fixture.store.createOperator(name: "管理员老王", role: .admin, pin: "1234", session: DeskFixture.administrator)
        try fixture.store.createOperator(name: "前台小李", role: .clerk, pin: "1234", session: DeskFixture.administrator)
        desk = DeskController(store: fixture.store, session: DeskFixture.administrator, start: .admin)
        desk.press(.left, .left)
    }

    func testTheOperators() {
        assertScreen(desk.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              代表  三官一员  承办单位  问题类别  本站设置  积分规则  操作员  审计日志
            姓名       角色     对应代表                状态 │ 操作员详情
            管理员老王 管理员                           在用 │ 管理员老王
            前台小李   工作人员                         在用 │ 角色  管理员
                                                             │ 对应代表  —
                                                             │
                                                             │ 维护名录、设置、操作员和节假
                                                             │ 日，查看审计日志。
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             → 下一类  a 添加  Enter/e 修改  d 停用/恢复  ? 帮助  / 筛选  q 退出
            """)
    }

    func testAnOperatorAddedWithAPINTypedTwiceShownAsStars() throws {
        desk.press(.character("a"))
        desk.type("王代表")
        desk.press(.tab)
        desk.type("代表")
        desk.press(.enter, .tab)
        desk.type("zql")
        desk.press(.enter, .tab)
        desk.type("2468")
        desk.press(.tab)
        desk.type("2469")
        let grid = desk.screen()
        assertScreen(grid, """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             添加操作员                                      │ 说明
             姓名*     王代表                                │ 查看所有诉求，办理自己负责
             角色*     代表                                  │ 的。
             对应代表  张乾林                   代表身份时~  │ 代表身份的操作员须对应名录里
             PIN*      ****                     4 到 12 位~  │ 的一位代表，登录后先看他负责
            >再输一次* ****                                  │ 的诉求。
                                                             │ PIN 是 4 到 12 位数字，只存摘
                                                             │ 要；忘了就在这里设一个新的。
                                                             │ 最后一位在用的管理员不能停
                                                             │ 用，也不能改成别的角色。
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
        XCTAssertFalse(grid.text.contains("2468"))
        desk.press(.control("s"))
        XCTAssertTrue(desk.screen().text.contains("两次输入的 PIN 不一样"), "the form stays with what was typed")
        desk.press(.backspace)
        desk.type("8")
        desk.press(.control("s"))
        XCTAssertEqual(desk.screen().text(row: 22), "已添加操作员：王代表（代表）")
        let deputy = try fixture.store.signIn(name: "王代表", pin: "2468")
        XCTAssertEqual(deputy.deputyID, fixture.deputies["张乾林"])
    }

    func testTheAuditLogIsAnAdminsAndSaysWhoDidWhat() throws {
        _ = try fixture.store.reveal(.phone, ofResident: XCTUnwrap(fixture.store.queue(on: DeskFixture.now.day).first).residentID,
                                     session: fixture.clerk)
        desk.press(.right)
        assertScreen(desk.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              代表  三官一员  承办单位  问题类别  本站设置  积分规则  操作员  审计日志
            时间             操作员     操作        对象     │ 记录详情
            2026-11-16 10:30 前台小李   查看电话    居民 #6  │ 添加操作员
            2026-11-16 10:30 管理员老王 添加操作员  前台小李 │ 时间  2026-11-16 10:30:00
            2026-11-16 10:30 管理员老王 添加操作员  管理员~  │ 操作员  管理员老王
            2026-11-16 10:30 系统       筹备会议    3号楼加~ │ 对象  前台小李
            2026-11-16 10:30 系统       筹备会议    3号楼加~ │ 详情  工作人员
            2026-11-16 10:30 系统       筹备会议    3号楼加~ │
            2026-11-16 10:30 系统       新建会议    3号楼加~ │ 审计日志只能追加，不能修改或
            2026-11-16 10:30 系统       排班        2026-11~ │ 删除。
            2026-11-16 10:30 系统       排班        2026-11~ │
            2026-11-16 10:30 系统       排班        2026-11~ │
            2026-11-16 10:30 系统       添加问题类~ 物业管理 │
            2026-11-16 10:30 系统       添加问题类~ 噪声扰民 │
            2026-11-16 10:30 系统       添加问题类~ 加装电梯 │
            2026-11-16 10:30 系统       添加承办单~ 和平街~  │
            2026-11-16 10:30 系统       添加承办单~ 区生态~  │
            2026-11-16 10:30 系统       添加承办单~ 区住建局 │
            2026-11-16 10:30 系统       添加三官一~ 陈静     │
            2026-11-16 10:30 系统       添加代表    李红     │

             → 下一类  ? 帮助  / 筛选  q 退出  Tab 切换窗格
            """)
        let clerk = DeskController(store: fixture.store, session: fixture.clerk, start: .admin)
        clerk.press(.left)
        XCTAssertTrue(clerk.screen().text(row: 4).contains("工作人员不能查看审计日志"), "the section says who may read it")
        XCTAssertFalse(clerk.screen().text.contains("郑秀英"))
    }

    func testTheLastAdminIsRefusedBeforeAnyQuestion() {
        desk.press(.character("d"))
        XCTAssertEqual(desk.screen().text(row: 22), "管理员老王 是唯一在用的管理员，不能停用：先让另一位操作员成为管理员")
        XCTAssertTrue(desk.layers.isEmpty)
    }
}
