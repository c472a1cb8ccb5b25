import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// The administration screen (6 管理) as whole 80×24 frames from `DeskFixture`: each section, the forms
/// and the question before a row is deactivated.
final class AdminSnapshotTests: AdminTestCase {
    func testDeputies() {
        assertScreen(desk.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              代表 3  三官一员  承办单位  问题类别  本站设置  积分规则  操作员  审计日志
            姓名   级别 界别   选区         电话        状态 │ 代表详情
            李红   乡镇 教育   第二选区     13900001111 在用 │ 李红
            王建国 全国 企业   第一选区     13900001111 在用 │ 性别  —
            张乾林 县区 社区   第三选区     13900001111 在用 │ 级别  乡镇
                                                             │ 界别  教育
                                                             │ 选区  第二选区
                                                             │ 代表小组  第一小组
                                                             │ 联系电话  13900001111
                                                             │ 工作单位  —
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

    func testLegalOfficers() {
        desk.press(.right)
        assertScreen(desk.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              代表  三官一员 1  承办单位  问题类别  本站设置  积分规则  操作员  审计日志
            姓名   身份   单位                     电话 状态 │ 三官一员详情
            陈静   律师   和平律师事务所                在用 │ 陈静
                                                             │ 身份  律师
                                                             │ 单位  和平律师事务所
                                                             │ 电话  —
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
                                                             │
                                                             │

             → 下一类  a 添加  Enter/e 修改  d 停用/恢复  ? 帮助  / 筛选  q 退出
            """)
    }

    func testDepartments() {
        desk.press(.right, .right)
        assertScreen(desk.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              代表  三官一员  承办单位 3  问题类别  本站设置  积分规则  操作员  审计日志
            名称                   类型     联系人 电话 状态 │ 承办单位详情
            区住建局               政府部门             在用 │ 区住建局
            区生态环境局           政府部门             在用 │ 类型  政府部门
            和平街道办事处         街道                 在用 │ 联系人  —
                                                             │ 电话  —
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
                                                             │
                                                             │

             → 下一类  a 添加  Enter/e 修改  d 停用/恢复  ? 帮助  / 筛选  q 退出
            """)
    }

    func testCategoriesWithOtherLast() {
        desk.press(.right, .right, .right)
        assertScreen(desk.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              代表  三官一员  承办单位  问题类别 4  本站设置  积分规则  操作员  审计日志
            名称     默认承办单位                  时限 状态 │ 问题类别详情
            加装电梯 区住建局                        10 在用 │ 加装电梯
            噪声扰民 区生态环境局                     5 在用 │ 默认承办单位  区住建局
            物业管理 和平街道办事处                  10 在用 │ 办理时限（工作日）  10
            其他                                     10 在用 │
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
                                                             │
                                                             │

             → 下一类  a 添加  Enter/e 修改  d 停用/恢复  ? 帮助  / 筛选  q 退出
            """)
    }

    func testSettings() {
        desk.press(.left, .left, .left, .left)
        assertScreen(desk.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              代表  三官一员  承办单位  问题类别  本站设置  积分规则  操作员  审计日志
            项目           设置                              │ 说明
            名称           和平街道代表联络站                │ 联络站的名称，显示在标题行和
            类型           代表联络站                        │ 公示上。
            地址           和平街道12号                      │
            电话                                             │
            接待选民日     每月 15 日，前后一样近时提前      │
            主题活动日     没有                              │
            区号           未设                              │
            年度要求·全国  进站 2 天，走访 10 户             │
            年度要求·省    进站 2 天，走访 10 户             │
            年度要求·市    进站 2 天，走访 10 户             │
            年度要求·县区  进站 2 天，走访 10 户，联系 5 人  │
            年度要求·乡镇  进站 2 天，走访 10 户，联系 3 人  │
            自动锁定       10 分钟无操作后                   │
            退回时限       交办后 7 个工作日内可退回         │
            满意率要求     满意率低于 80%（测评不少于 5 次~  │
            单人免登录     否                                │
                                                             │
                                                             │

             → 下一类  Enter/e 修改  ? 帮助  / 筛选  q 退出  Tab 切换窗格
            """)
    }

    func testEditingADeputy() {
        desk.press(.enter)
        assertScreen(desk.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             修改代表：李红                                  │ 说明
            >姓名*     李红                                  │ 同名同电话的是同一位代表；同
             性别      （未选）                              │ 名的两位请填各自的电话。
             级别*     乡镇                     打字筛选     │ 任期结束的代表在列表里按 d 停
             界别      教育                                  │ 用，记录都保留。
             选区      第二选区                              │ 批量导入：liaison-desk import
             代表小组  第一小组                              │ deputies 文件（CSV，UTF-8 或
             联系电话  13900001111              手机或带区~  │ GB18030）
             工作单位                                        │
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

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    func testADuplicateIsSaidBesideTheName() {
        desk.press(.character("a"))
        desk.type("李红")
        desk.press(.tab, .tab)
        desk.type("乡镇")
        desk.press(.tab, .tab, .tab, .tab)
        desk.type("139 0000 1111")
        desk.press(.control("s"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             添加代表                                        │ 说明
            >姓名*     李红                     已有同名同~  │ 同名同电话的是同一位代表；同
             性别      （未选）                              │ 名的两位请填各自的电话。
             级别*     乡镇                     打字筛选     │ 任期结束的代表在列表里按 d 停
             界别                                            │ 用，记录都保留。
             选区                                            │ 批量导入：liaison-desk import
             代表小组                                        │ deputies 文件（CSV，UTF-8 或
             联系电话  139 0000 1111            手机或带区~  │ GB18030）
             工作单位                                        │
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
            未保存：姓名 已有同名同电话的代表 李红
             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    func testTheSettingsForm() {
        desk.press(.left, .left, .left, .left, .down, .down, .down, .down, .down, .enter)
        assertScreen(desk.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             本站设置  下面还有 10 项                        │ 说明
             名称*         和平街道代表联络站                │ 每月的主题活动日，规则同接待
             类型*         代表联络站                        │ 日：不是工作日时改到最近的工
             地址          和平街道12号                      │ 作日。在议程页按 T 把三个月内
             电话                               带区号       │ 的排上。空着表示没有。
             接待选民日    15                   每月几号，~  │
             前后一样近时* 提前                 接待日遇休~  │
            >主题活动日                         每月几号，~  │
             区号                               空着用本站~  │
             全国代表进站* 2                    天/年        │
             全国代表走访* 10                   户/年        │
             全国代表联系* 0                    人，每月联系 │
             省代表进站*   2                    天/年        │
             省代表走访*   10                   户/年        │
             省代表联系*   0                    人，每月联系 │
             市代表进站*   2                    天/年        │
             市代表走访*   10                   户/年        │
             市代表联系*   0                    人，每月联系 │
             县区代表进站* 2                    天/年        │
             县区代表走访* 10                   户/年        │

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    func testDeactivatingAsksFirst() {
        desk.press(.character("d"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                    2026-11-16 星期一 接待选民日  管理员老王
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              代表 3  三官一员  承办单位  问题类别  本站设置  积分规则  操作员  审计日志
            姓名   级别 界别   选区         电话        状态 │ 代表详情
            李红   乡镇 教育   第二选区     13900001111 在用 │ 李红
            王建国 全国 企业   第一选区     13900001111 在用 │ 性别  —
            张乾林 县区 社区   第三选区     13900001111 在用 │ 级别  乡镇
                                                             │ 界别  教育
                          ────────────────────────────────────────────────────
                            停用代表 李红吗？                                  组
                            停用后不再出现在接待、责任代表和值班的名单里；     01111
                            以往的记录都保留，可随时按 d 恢复。

                            y：停用    n/Esc 或 Enter：不停用

                          ────────────────────────────────────────────────────
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             y 停用  n 不停用  Esc 不停用  Enter 不停用
            """)
    }

    func testAFreshStationsAdministrationSaysWhatToDoNext() throws {
        assertScreen(DeskController(store: try freshStation(), session: DeskFixture.administrator, start: .admin).screen(), """
             新建联络站                            2026-11-16 星期一 接待选民日  管理员老王
              1 接待   2 代表   3 议程   4 督办   5 统计   6 管理
              代表 0  三官一员  承办单位  问题类别  本站设置  积分规则  操作员  审计日志
            姓名   级别 界别   选区                电话 状态 │ 代表详情
              还没有代表：用 liaison-desk import deputies 文 │
              件 导入，或在管理页按 a 添加                   │
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
                                                             │
                                                             │
                                                             │
                                                             │

             → 下一类  a 添加  Enter/e 修改  d 停用/恢复  ? 帮助  / 筛选  q 退出
            """)
    }

    func testAFreshStationsDeputiesSayWhatToDoNext() throws {
        assertScreen(DeskController(store: try freshStation(), session: DeskFixture.administrator, start: .deputies).screen(), """
             新建联络站                            2026-11-16 星期一 接待选民日  管理员老王
              1 接待   2 代表   3 议程   4 督办   5 统计   6 管理
              名单  积分申请  积分排名  未达要求  值班表  联系群众                 ←/→ 切换
            姓名^  级别 界别     选区          小组     积分 │ 代表详情
              还没有代表：用 liaison-desk import deputies 文 │
              件 导入，或在管理页按 a 添加                   │
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
                                                             │
                                                             │
                                                             │
                                                             │

             → 下一类  s 排序  F 条件筛选  ? 帮助  / 筛选  q 退出  Tab 切换窗格
            """)
    }
}
