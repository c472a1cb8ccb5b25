import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// The statistics screen from the fixture's November: the table with the figures beside it, and the
/// charts, at 80×24 and 120×40.
final class StatisticsSnapshotTests: XCTestCase {
    var fixture: DeskFixture!

    override func setUpWithError() throws { fixture = try DeskFixture() }

    func testTheTableByDepartment() {
        let desk = fixture.controller(start: .statistics)
        XCTAssertTrue(desk.screen().text(row: 3).hasPrefix("正在统计2026年11月（按承办单位）…"), "the first frame comes at once")
        desk.doPendingWork()
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            名称             交办  答复 按时率 满意率 现逾期 │ 数字与口径
            2026年11月（p 换期间）  按承办单位（b 换）       │ 2026年11月 · 全站
            全站                3     1 100.0%      —      1 │ 来访登记 4（来访 4）
            按承办单位，交办多的在前（s 按满意率）           │ 当场答复 1  立案诉求 5
            和平街道办事处      2     1 100.0%      —      0 │ 交办 3  交办已答复 1
            区住建局            1     0      —      —      0 │ 答复 1  按时答复 1
            未交办              0     0      —      —      0 │ 现逾期 1
            区生态环境局        0     0      —      —      1 │ 销号 1  写明理由销号 0
                                                             │ 重新交办 0  上报 0
                                                             │ 测评 0  满意和基本满意 0
                                                             │ 答复率 33.3%
                                                             │ 按时答复率 100.0%
                                                             │ 满意率 —
                                                             │ 态度满意率 —
                                                             │ 平均答复用时 6.0 个工作日
                                                             │
                                                             │ 口径
                                                             │ 来访登记：期间登记的来访（含
                                                             │ 来电、来信、网上、走访、会
                                                             │ 议），按渠道分；过号的也算。

             p 换期间  b 换分组  s 按件数/满意率  v 图表/表格  ? 帮助  / 筛选  q 退出
            """)
    }

    func testTheChartsAt80And120Columns() {
        let desk = fixture.controller(start: .statistics)
        desk.doPendingWork()
        desk.press(.character("v"))
        // The year month by month is read for the chart only, when no key waits.
        desk.doPendingWork()
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            2026年11月 按承办单位的交办件数（s 换，v 回表格）
            和平街道办~  ████████████████████████████████████████████████████████████████ 2
            区住建局     ████████████████████████████████                                 1
            未交办                                                                        0
            区生态环境局                                                                  0

            2026 年逐月：左列来访登记，右列销号
                                          █
                                          █
                                          █
                                          █▂
                                          ██
            1月2月3月4月5月6月7月8月9月10 11 12








             p 换期间  b 换分组  s 按件数/满意率  v 图表/表格  ? 帮助  q 退出
            """)
        assertScreen(desk.screen(rows: 40, columns: 120), """
             和平街道代表联络站                                                              2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            2026年11月 按承办单位的交办件数（s 换，v 回表格）
            和平街道办~  ████████████████████████████████████████████████████████████████████████████████████████████████████████ 2
            区住建局     ████████████████████████████████████████████████████                                                     1
            未交办                                                                                                                0
            区生态环境局                                                                                                          0

            2026 年逐月：左列来访登记，右列销号
                                          █
                                          █
                                          █
                                          █▂
                                          ██
            1月2月3月4月5月6月7月8月9月10 11 12
























             p 换期间  b 换分组  s 按件数/满意率  v 图表/表格  ? 帮助  q 退出
            """)
    }

    func testThePeriodAndTheBreakdownChange() throws {
        let desk = fixture.controller(start: .statistics)
        desk.press(.character("p"))
        desk.type("本年")
        desk.press(.enter, .character("b"))
        desk.doPendingWork()
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            名称             交办  答复 按时率 满意率 现逾期 │ 数字与口径
            2026年（p 换期间）  按代表（b 换）               │ 2026年 · 全站
            全站                4     1 100.0%      —      1 │ 来访登记 4（来访 4）
            按代表，交办多的在前（s 按满意率）               │ 当场答复 1  立案诉求 6
            张乾林              4     1 100.0%      —      1 │ 交办 4  交办已答复 1
            未指定代表          0     0      —      —      0 │ 答复 1  按时答复 1
            李红                0     0      —      —      0 │ 现逾期 1
                                                             │ 销号 1  写明理由销号 0
                                                             │ 重新交办 0  上报 0
                                                             │ 测评 0  满意和基本满意 0
                                                             │ 答复率 25.0%
                                                             │ 按时答复率 100.0%
                                                             │ 满意率 —
                                                             │ 态度满意率 —
                                                             │ 平均答复用时 6.0 个工作日
                                                             │
                                                             │ 口径
                                                             │ 来访登记：期间登记的来访（含
                                                             │ 来电、来信、网上、走访、会
                                                             │ 议），按渠道分；过号的也算。
            按代表分组
             p 换期间  b 换分组  s 按件数/满意率  v 图表/表格  ? 帮助  / 筛选  q 退出
            """)
        desk.press(.character("p"))
        desk.type("自定")
        desk.press(.enter, .control("u"))
        desk.type("2026-11-01")
        desk.press(.tab, .control("u"))
        desk.type("2026-10-01")
        desk.press(.control("s"))
        XCTAssertEqual(desk.screen().text(row: 22).trimmingCharacters(in: .whitespaces), "未保存：结束日期 不能早于开始日期 2026-11-01")
        desk.press(.control("u"))
        desk.type("2026-11-20")
        desk.press(.control("s"))
        desk.doPendingWork()
        XCTAssertEqual(desk.screen().text(row: 3).hasPrefix("2026-11-01 至 2026-11-20（p 换期间）"), true, desk.screen().text)
    }

    func testTheExplanationNoticeIsASupervisorsAndNeedsSomeoneBelowTheLine() {
        let clerk = fixture.controller(start: .statistics)
        clerk.press(.character("E"))
        XCTAssertEqual(clerk.screen().text(row: 22).trimmingCharacters(in: .whitespaces), "工作人员不能要求书面说明满意率：须由督办人员或管理员操作")
        let supervisor = DeskController(store: fixture.store, session: fixture.supervisor, start: .statistics)
        supervisor.press(.character("E"))
        XCTAssertEqual(supervisor.screen().text(row: 22).trimmingCharacters(in: .whitespaces), "2026年11月没有满意率低于 80% 的单位和代表")
    }
}
