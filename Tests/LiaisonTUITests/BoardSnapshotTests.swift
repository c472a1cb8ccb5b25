import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// The follow-up board as the supervisor works it, at 80×24: the board with the live keys of the selected
/// case, a filtered board, a case's detail, and the action forms.
final class BoardSnapshotTests: XCTestCase {
    var fixture: DeskFixture!
    var desk: DeskController!

    override func setUpWithError() throws {
        fixture = try DeskFixture()
        let store = fixture.store
        // The overdue case has been chased once and its department asked for more time.
        fixture.clock.set(LocalTime(day: Day(iso: "2026-11-02")!, hour: 15, minute: 0))
        let overdue = try XCTUnwrap(store.caseRecord(code: "2026-0001")).id
        try store.acknowledge(caseID: overdue, session: fixture.supervisor)
        try store.supervise(caseID: overdue, note: "已逾期，电话督促区生态环境局", session: fixture.supervisor)
        try store.requestExtension(caseID: overdue, until: Day(iso: "2026-11-20")!, reason: "需协调广场管理方", session: fixture.supervisor)
        fixture.clock.set(DeskFixture.now)
        desk = DeskController(store: store, session: fixture.supervisor, start: .board)
    }

    override func tearDown() {
        desk = nil
        fixture = nil
    }

    func testTheSupervisorsBoardOffersTheSelectedCasesLiveKeys() {
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  督办老周
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            编号       诉求       承办单位 期限       状态   │ 诉求详情
            逾期（1）                                        │ 2026-0001  已接单  第1轮
            2026-0001  广场舞音~  区生态~  逾15工作日 已接单 │ 广场舞音响太吵影响休息
            三个工作日内到期（1）                            │ 群众 赵大爷 138****0001
            2026-0002  3号楼加装~ 区住建局 11-17      已交办 │ 代表 张乾林
            待交办（1）                                      │ 类别 噪声扰民  分级 小事即时
            2026-0005  电梯加装~           待交办     已研判 │ 办
            办理中（1）                                      │ 承办 区生态环境局
            2026-0003  物业费上~  和平街~  12-11      已交办 │ 期限 2026-10-26  逾期 15 个工
            待反馈（1）                                      │ 作日（21 天）
            2026-0004  地下车库~  和平街~  11-16      已答复 │ 督办 1 次  延期 0 次  调整单
                                                             │ 位 0 次
                                                             │ 待审批：申请延至 2026-11-20，
                                                             │ 需协调广场管理方
                                                             │ 第 1 轮
                                                             │   2026-10-19 交办区生态环境
                                                             │   局，限 2026-10-26，
                                                             │   2026-11-02 接单
                                                             │ 时间线
                                                             │ 10-19 09:30 登记 前台小李

             r 答复  x 销号  s 督办  n 下一件逾期  e 延期申请/审批  / 搜索全部诉求  ? 帮助
            """)
    }

    func testAFilteredBoardSaysItsConditionsInTheHeading() {
        desk.press(.character("F"))
        desk.type("区住建局")
        desk.press(.enter, .control("s"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  督办老周
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            编号       诉求       承办单位 期限       状态   │ 诉求详情
            条件：区住建局（c 清除）                         │ 2026-0002  已交办  第1轮
            三个工作日内到期（1）                            │ 3号楼加装电梯施工占道
            2026-0002  3号楼加装~ 区住建局 11-17      已交办 │ 群众 钱阿姨 138****0002
                                                             │ 代表 张乾林
                                                             │ 类别 加装电梯  分级 小事即时
                                                             │ 办
                                                             │ 承办 区住建局
                                                             │ 期限 2026-11-17
                                                             │ 督办 0 次  延期 0 次  调整单
                                                             │ 位 0 次
                                                             │ 第 1 轮
                                                             │   2026-11-12 交办区住建局，限
                                                             │   2026-11-17
                                                             │ 时间线
                                                             │ 11-12 09:30 登记 前台小李
                                                             │   3号楼加装电梯施工占道
                                                             │ 11-12 10:00 交办 督办老周
                                                             │   交办区住建局，限 3 个工作日
                                                             │   （2026-11-17 前）办结
            筛选：区住建局（c 清除）
             a 接单  r 答复  x 销号  s 督办  e 延期申请/审批  / 搜索全部诉求  ? 帮助
            """)
        desk.press(.character("c"))
        XCTAssertFalse(desk.screen().text.contains("条件："), "c clears the conditions")
    }

    func testTheCaseDetailShowsDueDatesCountsRoundsAndTheTimeline() {
        desk.press(.enter, .pageDown)
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  督办老周
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            编号       诉求       承办单位 期限       状态   │ 诉求详情
            逾期（1）                                        │ 需协调广场管理方
            2026-0001  广场舞音~  区生态~  逾15工作日 已接单 │ 第 1 轮
            三个工作日内到期（1）                            │   2026-10-19 交办区生态环境
            2026-0002  3号楼加装~ 区住建局 11-17      已交办 │   局，限 2026-10-26，
            待交办（1）                                      │   2026-11-02 接单
            2026-0005  电梯加装~           待交办     已研判 │ 时间线
            办理中（1）                                      │ 10-19 09:30 登记 前台小李
            2026-0003  物业费上~  和平街~  12-11      已交办 │   广场舞音响太吵影响休息
            待反馈（1）                                      │ 10-19 10:00 交办 督办老周
            2026-0004  地下车库~  和平街~  11-16      已答复 │   交办区生态环境局，限 5 个工
                                                             │   作日（2026-10-26 前）办结
                                                             │ 11-02 15:00 接单 督办老周
                                                             │   区生态环境局已接单
                                                             │ 11-02 15:00 督办 督办老周
                                                             │   已逾期，电话督促区生态环境
                                                             │   局
                                                             │ 11-02 15:00 延期申请 督办老周
                                                             │   申请延期至 2026-11-20：需协
                                                             │   调广场管理方

             r 答复  x 销号  s 督办  n 下一件逾期  e 延期申请/审批  / 搜索全部诉求  ? 帮助
            """)
    }

    func testTheDispatchFormShowsTheDueDateAsTheDaysAreTyped() {
        desk.press(.character("j"), .character("j"))
        desk.press(.character("d"))
        desk.press(.tab, .control("u"))
        desk.type("１２")
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  督办老周
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             2026-0005 交办                                  │ 2026-0005 已研判
             承办单位* 区住建局                              │ 交办后 2026-12-02 前办结
            >办理时限* １２                     → 12-02      │
             交办意见                                        │ 2026-0005  已研判  第1轮
                                                             │ 电梯加装后采光受影响
                                                             │ 群众 吴师傅 138****0005
                                                             │ 代表 张乾林
                                                             │ 类别 加装电梯  分级 小事即时
                                                             │ 办
                                                             │ 承办 未交办
                                                             │ 督办 0 次  延期 0 次  调整单
                                                             │ 位 0 次
                                                             │ 时间线
                                                             │ 11-16 09:30 登记 前台小李
                                                             │   电梯加装后采光受影响
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    func testTheRatingFormAsksWhyWhenUnsatisfied() throws {
        let store = fixture.store
        let replied = try XCTUnwrap(store.caseRecord(code: "2026-0004")).id
        try store.recordFeedback(caseID: replied, method: .phone, session: fixture.supervisor)
        desk.press(.character(":"))
        desk.type("refresh")
        desk.press(.enter)
        desk.press(.character("G"), .character("v"))
        desk.type("不满意")
        desk.press(.enter, .control("s"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  督办老周
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             2026-0004 满意度测评                            │ 2026-0004 已反馈
             办理结果*   不满意                              │ 2026-0004  已反馈  第1轮
             办理态度    （未选）                            │ 地下车库漏水
             评价人*     群众本人                            │ 群众 周女士 138****0004
            >不满意原因                                      │ 代表 张乾林
             不满意须写~                                     │ 类别 物业管理  分级 小事即时
                                                             │ 办
                                                             │ 承办 和平街道办事处
                                                             │ 期限 2026-11-16
                                                             │ 督办 0 次  延期 0 次  调整单
                                                             │ 位 0 次
                                                             │ 第 1 轮
                                                             │   2026-11-02 交办和平街道办事
                                                             │   处，限 2026-11-16
                                                             │     2026-11-10 答复：已安排维
                                                             │     修，本周内完成
                                                             │     2026-11-16 电话反馈
                                                             │ 时间线
                                                             │ 11-02 09:30 登记 前台小李
                                                             │   地下车库漏水
            未保存：不满意原因 不满意须写明原因
             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }
}
