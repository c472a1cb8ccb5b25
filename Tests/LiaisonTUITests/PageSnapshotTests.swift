import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// Every page, form and dialog as a whole 80×24 frame, drawn from `DeskFixture`: each test reads as the
/// spec of its screen.
final class PageSnapshotTests: XCTestCase {
    var fixture: DeskFixture!

    override func setUpWithError() throws { fixture = try DeskFixture() }
    override func tearDown() { fixture = nil }

    func testReceptionQueue() {
        let grid = fixture.controller().screen()
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
                                                                 │ 电话 136****0001  来访
                                                                 │ 到达 09:05  接待 09:20
                                                                 │ 状态 当场答复  代表 张乾
                                                                 │ 林
                                                                 │ 类别 噪声扰民
                                                                 │
                                                                 │ 反映问题

             a 登记  c 叫号  o 当场答复  v 转诉求  ? 帮助  / 筛选  q 退出  Tab 切换窗格
            """)
        XCTAssertEqual(roles(grid, row: 3).prefix(52), Substring(String(repeating: "s", count: 52)), "the first visit is selected")
        XCTAssertEqual(grid.role(row: 5, column: 1), .dueSoon, "waiting 35 minutes")
        XCTAssertEqual(grid.role(row: 2, column: 1), .header)
    }

    func testReceptionQueueAt120ColumnsShowsNamesAndHeadersWhole() {
        assertScreen(fixture.controller().screen(rows: 30, columns: 120), """
             和平街道代表联络站                                                              2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             号 居民   电话        类别      等候 状态     接待代表                         │ 今日值班与来访详情
              1 郑秀英 136****0001 噪声扰民  15分 当场答复 张乾林                           │ 今日接待
              2 冯建华 136****0002 物业管理  20分 接待中   李红                             │ 登记 4  等候 2  接待中 1
              3 陈玉兰 136****0003 加装电梯  35分 等候                                      │ 当场答复 1  立案 0
              4 楚天明 136****0004           18分 等候                                      │ 转介 0  过号 0  离开 0
                                                                                            │ 平均等候 17 分钟
                                                                                            │
                                                                                            │ 今日值班
                                                                                            │ 张乾林  代表 接待
                                                                                            │ 李红  代表 接待
                                                                                            │ 陈静  律师 和平律师事务所
                                                                                            │
                                                                                            │ 第 1 号  郑秀英
                                                                                            │ 电话 136****0001  来访
                                                                                            │ 到达 09:05  接待 09:20
                                                                                            │ 状态 当场答复  代表 张乾林
                                                                                            │ 类别 噪声扰民
                                                                                            │
                                                                                            │ 反映问题
                                                                                            │ 楼下饭店油烟和噪声扰民
                                                                                            │
                                                                                            │
                                                                                            │
                                                                                            │
                                                                                            │
                                                                                            │

             a 登记  c 叫号  o 当场答复  v 转诉求  ? 帮助  / 筛选  q 退出  Tab 切换窗格  Enter 查看
            """)
    }

    /// 姓氏笔画, as official rosters print: 王 (4 strokes), then 李 and 张 (7 each; 李 begins with 一, 张 with 乛).
    func testDeputiesInStrokeOrder() {
        let desk = fixture.controller(start: .deputies)
        desk.press(.character("s"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              名单  积分申请  积分排名  未达要求  值班表  联系群众 2               ←/→ 切换
            姓名^  级别 界别     选区          小组     积分 │ 代表详情
            王建国 全国 企业     第一选区      第二小组    0 │ 李红  乡镇人大代表
            李红   乡镇 教育     第二选区      第一小组    5 │ 界别 教育
            张乾林 县区 社区     第三选区      第一小组    5 │ 选区 第二选区
                                                             │ 小组 第一小组  电话
                                                             │ 13900001111
                                                             │
                                                             │ 诉求
                                                             │ 未办结 0 件，逾期 0 件
                                                             │
                                                             │ 2026 年履职  积分 5
                                                             │ 进站接待 1/2 天，接待群众 1
                                                             │ 人
                                                             │ 走访选民 0/10 户
                                                             │
                                                             │ 履职登记
                                                             │ 11-16 进站接待 接待第 2 号 冯
                                                             │ 建华
                                                             │
            代表名单已按姓氏笔画排序
             → 下一类  s 排序  F 条件筛选  l 登记履职  o 打开其诉求  ? 帮助  / 筛选
            """)
    }

    /// 积分排名: ties share a rank; the detail says what the points are made of.
    func testPointsRanking() throws {
        let store = fixture.store
        for (name, kind) in [("王建国", DutyKind.inspection), ("王建国", .meeting), ("李红", .inspection)] {
            let entry = try store.addDutyEntry(DutyEntryDraft(deputyID: try XCTUnwrap(fixture.deputies[name]), day: store.today, kind: kind),
                                               session: .system)
            try store.decideDutyEntry(id: entry, approve: true, session: fixture.supervisor)
        }
        let desk = fixture.controller(start: .deputies)
        desk.press(.right, .right)
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              名单  积分申请  积分排名  未达要求  值班表  联系群众 2               ←/→ 切换
            名次 姓名   级别 积分 进站 走访 界别             │ 积分构成
            2026 年履职积分排名（3 位）                      │ 第 1 名  李红  8 分
               1 李红   乡镇    8  1天  0户 教育             │   进站接待 1 天：5 分
               2 王建国 全国    5  0天  0户 企业             │   视察调研 1 次：3 分
               2 张乾林 县区    5  1天  0户 社区             │
                                                             │ 积分相同的名次相同；只计已认
                                                             │ 定的登记。
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

             → 下一类  E 导出CSV  ? 帮助  / 筛选  q 退出  Tab 切换窗格  Enter 查看
            """)
    }

    /// 积分申请, 未达要求 and 联系群众 as a supervisor sees them: an application waiting, the deputies short of
    /// their quota, those behind with their residents this month.
    func testApplicationsShortfallAndContacts() throws {
        let store = fixture.store
        try store.addDutyEntry(DutyEntryDraft(deputyID: try XCTUnwrap(fixture.deputies["李红"]), day: store.today, kind: .householdVisit,
                                              households: 4, note: "走访和平里小区"), session: .system)
        try store.assignResident(ResidentDraft(name: "王秀英", phone: "13812345678"), to: try XCTUnwrap(fixture.deputies["张乾林"]),
                                 session: fixture.supervisor)
        let desk = DeskController(store: store, session: fixture.supervisor, start: .deputies)
        desk.press(.right)
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  督办老周
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              名单  积分申请 1  积分排名  未达要求  值班表  联系群众 2             ←/→ 切换
            日期  代表   履职          说明                  │ 申请
            11-16 李红   走访选民 4 户 走访和平里小区        │ 李红  走访选民 4 户
                                                             │ 日期 2026-11-16 星期一
                                                             │ 说明 走访和平里小区
                                                             │
                                                             │ 积分规则：每次 2 分
                                                             │ 2026 年已认定 0 次，认定后加
                                                             │ 2 分（现 5 分）
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

             → 下一类  y 认定积分申请  x 不予认定  ? 帮助  / 筛选  q 退出  Tab 切换窗格
            """)
        desk.press(.right, .right)
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  督办老周
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              名单  积分申请 1  积分排名  未达要求  值班表  联系群众 2             ←/→ 切换
            姓名   级别   进站   走访 差额                   │ 年度要求
            2026 年未达年度要求（3 位）                      │ 王建国  全国人大代表
            王建国 全国  0/2天 0/10户 进站差 2 天、走访差 1~ │ 进站接待 0 天，要求不少于 2
            李红   乡镇  1/2天 0/10户 进站差 1 天、走访差 1~ │ 天
            张乾林 县区  1/2天 0/10户 进站差 1 天、走访差 1~ │ 走访选民 0 户，要求不少于 10
                                                             │ 户
                                                             │ 进站差 2 天、走访差 10 户
                                                             │
                                                             │ 年度要求按本站设置中这一级代
                                                             │ 表的要求；只计已认定的登记。
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             → 下一类  E 导出CSV  ? 帮助  / 筛选  q 退出  Tab 切换窗格  Enter 查看
            """)
        desk.press(.right, .right)
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  督办老周
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              名单  积分申请 1  积分排名  未达要求  值班表  联系群众 2             ←/→ 切换
            姓名   级别   本月 情况                          │ 联系名单
            11 月未联系到位（2）                             │ 李红  乡镇人大代表
            李红   乡镇    0/0 少分配 3 人                   │ 每月应联系 3 人，已分配 0
            张乾林 县区    0/1 本月未联系 1 人、少分配 4 人  │ 人，本月已联系 0 人
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

             → 下一类  u 分配联系群众  ? 帮助  / 筛选  q 退出  Tab 切换窗格  Enter 查看
            """)
    }

    /// 值班表: the month's reception days, one moved and one added, who sits on each, and the year's warnings.
    func testDutyRosterMonth() throws {
        let store = fixture.store
        try store.changeReceptionDay(Day(iso: "2026-11-27")!, note: "年底加开", session: fixture.supervisor)
        try store.addToRoster(day: Day(iso: "2026-11-27")!, deputyID: try XCTUnwrap(fixture.deputies["王建国"]), role: .lead,
                              session: fixture.supervisor)
        try store.createDeputy(DeputyDraft(name: "周永刚", level: .county), session: .system)
        let desk = DeskController(store: store, session: fixture.supervisor, start: .deputies)
        desk.press(.left, .left)
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  督办老周
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              名单  积分申请  积分排名  未达要求  值班表  联系群众 3               ←/→ 切换
            值班     身份          单位/界别                 │ 接待日
            2026 年 11 月值班表（< > 换月）                  │ 张乾林
            11-16 星期一  规定日  今天                       │ 张乾林（县区人大代表，社区）
            张乾林   县区代表 接待 社区                      │ 2026-11-16 星期一
            李红     乡镇代表 接待 教育                      │ 2026 年进站接待 1 天
            陈静     律师          和平律师事务所            │
            11-27 星期五  增加  公告未写                     │
            王建国   全国代表 带班 企业                      │
            提醒（1）                                        │
            2026 年没有排进站接待的代表 1 位：周永刚         │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             → 下一类  < 上个月  > 下个月  a 排班  P 写公告  d 移出值班表  ? 帮助
            """)
    }

    /// D on a day the station added offers to add or move another (first, the harmless Enter) or to undo it.
    func testUndoingAnAddedReceptionDayIsOffered() throws {
        try fixture.store.changeReceptionDay(Day(iso: "2026-11-30")!, note: "月底加开", session: fixture.supervisor)
        let desk = DeskController(store: fixture.store, session: fixture.supervisor, start: .deputies)
        desk.press(.left, .left)
        desk.page.list?.select(id: "day-2026-11-30")
        desk.press(.character("D"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  督办老周
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              名单  积分申请  积分排名  未达要求  值班表  联系群众 2               ←/→ 切换
            值班                身份          单位/界别      │ 接待日
            2026 年 11 月值班表（< > 换月）                  │ 2026-11-30 星期一
            11-16 星期一    ────────────────────────────────────────────────
            张乾林            2026-11-30 增加
            李红                                                              一员 0 位
            陈静              >                                              3 张贴公告（提
            11-30 星期一       增加或调整其他接待日                           当天起标题栏提
            （未排，按 a 排    取消增加的这一天
            提醒（1）
            2026 年没有排进


                              输入姓名或拼音首字母筛选

                            ────────────────────────────────────────────────
                                                             │
                                                             │
                                                             │
                                                             │

             Enter 选定  Down 下一个  Up 上一个  Esc 清除输入/返回
            """)
    }

    /// F: the township deputies short of this year's quota, the conditions on the message line.
    func testDeputiesFilteredByLevelAndQuota() {
        let desk = fixture.controller(start: .deputies)
        desk.press(.character("F"))
        desk.type("乡镇")
        desk.press(.enter, .tab, .tab, .tab)
        desk.type("未达")
        desk.press(.enter, .control("s"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              名单  积分申请  积分排名  未达要求  值班表  联系群众 2               ←/→ 切换
            姓名^  级别 界别     选区          小组     积分 │ 代表详情
            李红   乡镇 教育     第二选区      第一小组    5 │ 李红  乡镇人大代表
                                                             │ 界别 教育
                                                             │ 选区 第二选区
                                                             │ 小组 第一小组  电话
                                                             │ 13900001111
                                                             │
                                                             │ 诉求
                                                             │ 未办结 0 件，逾期 0 件
                                                             │
                                                             │ 2026 年履职  积分 5
                                                             │ 进站接待 1/2 天，接待群众 1
                                                             │ 人
                                                             │ 走访选民 0/10 户
                                                             │
                                                             │ 履职登记
                                                             │ 11-16 进站接待 接待第 2 号 冯
                                                             │ 建华
                                                             │
            筛选：乡镇、未达年度要求（c 清除）
             → 下一类  s 排序  F 条件筛选  l 登记履职  o 打开其诉求  ? 帮助  / 筛选
            """)
        desk.press(.character("c"))
        XCTAssertEqual(desk.page.list?.shownRowCount, 3, "c shows every deputy again")
        desk.press(.character("F"))
        desk.type("全国")
        desk.press(.enter, .tab, .tab)
        desk.type("第一小组")
        desk.press(.enter, .control("s"))
        XCTAssertTrue(desk.screen().text.contains("没有符合条件的代表"), "none match: not 还没有代表")
    }

    func testDeputies() {
        assertScreen(fixture.controller(start: .deputies).screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
              名单  积分申请  积分排名  未达要求  值班表  联系群众 2               ←/→ 切换
            姓名^  级别 界别     选区          小组     积分 │ 代表详情
            李红   乡镇 教育     第二选区      第一小组    5 │ 李红  乡镇人大代表
            王建国 全国 企业     第一选区      第二小组    0 │ 界别 教育
            张乾林 县区 社区     第三选区      第一小组    5 │ 选区 第二选区
                                                             │ 小组 第一小组  电话
                                                             │ 13900001111
                                                             │
                                                             │ 诉求
                                                             │ 未办结 0 件，逾期 0 件
                                                             │
                                                             │ 2026 年履职  积分 5
                                                             │ 进站接待 1/2 天，接待群众 1
                                                             │ 人
                                                             │ 走访选民 0/10 户
                                                             │
                                                             │ 履职登记
                                                             │ 11-16 进站接待 接待第 2 号 冯
                                                             │ 建华
                                                             │

             → 下一类  s 排序  F 条件筛选  l 登记履职  o 打开其诉求  ? 帮助  / 筛选
            """)
    }

    func testAgenda() {
        assertScreen(fixture.controller(start: .agenda).screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            日期       时间  类型 名称              阶段     │ 议程详情
            2026 年 10 月                                    │ 接待选民日
            10-15 周四 09:00 接待 接待选民日        未排班   │ 2026-11-16 星期一 上午 9:00—
            2026 年 11 月                                    │ 11:30
            11-16 周一 09:00 接待 接待选民日        今天     │ 地点 和平街道12号
            11-20 周五 14:30 共议 3号楼加装电梯三~  协商前   │
            2026 年 12 月                                    │ 值班
            12-15 周二 09:00 接待 接待选民日        未排班   │ 张乾林（县区人大代表，社区）
            2027 年 1 月                                     │ 李红（乡镇人大代表，教育）
            01-15 周五 09:00 接待 接待选民日        未排班   │ 陈静（律师，和平律师事务所）
            2027 年 2 月                                     │
            02-15 周一 09:00 接待 接待选民日        未排班   │
            2027 年 3 月                                     │
            03-15 周一 09:00 接待 接待选民日        未排班   │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             a 新建会议  v 月历/列表  < 上个月  > 下个月  ? 帮助  / 筛选  q 退出
            """)
    }

    func testBoard() {
        let grid = fixture.controller(start: .board).screen()
        assertScreen(grid, """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            编号       诉求       承办单位 期限       状态   │ 诉求详情
            逾期（1）                                        │ 2026-0001  已交办  第1轮
            2026-0001  广场舞音~  区生态~  逾15工作日 已交办 │ 广场舞音响太吵影响休息
            三个工作日内到期（1）                            │ 群众 赵大爷 138****0001
            2026-0002  3号楼加装~ 区住建局 11-17      已交办 │ 代表 张乾林
            待交办（1）                                      │ 类别 噪声扰民  分级 小事即时
            2026-0005  电梯加装~           待交办     已研判 │ 办
            办理中（1）                                      │ 承办 区生态环境局
            2026-0003  物业费上~  和平街~  12-11      已交办 │ 期限 2026-10-26  逾期 15 个工
            待反馈（1）                                      │ 作日（21 天）
            2026-0004  地下车库~  和平街~  11-16      已答复 │ 督办 0 次  延期 0 次  调整单
                                                             │ 位 0 次
                                                             │ 第 1 轮
                                                             │   2026-10-19 交办区生态环境
                                                             │   局，限 2026-10-26
                                                             │ 时间线
                                                             │ 10-19 09:30 登记 前台小李
                                                             │   广场舞音响太吵影响休息
                                                             │ 10-19 10:00 交办 督办老周
                                                             │   交办区生态环境局，限 5 个工

             n 下一件逾期  / 搜索全部诉求  F 条件筛选  ? 帮助  q 退出  Tab 切换窗格
            """)
        XCTAssertEqual(grid.role(row: 3, column: 0), .overdue, "the overdue heading")
        XCTAssertEqual(grid.role(row: 4, column: 0), .selected, "the first case, not the heading, is selected")
        XCTAssertEqual(grid.role(row: 6, column: 0), .dueSoon)
        XCTAssertEqual(grid.role(row: 5, column: 0), .header)
    }

    func testTooSmall() {
        assertScreen(fixture.controller().screen(rows: 20, columns: 60), """








                                    终端窗口太小
                               当前 60×20，至少 80×24
                                     请放大窗口









            """)
    }

    func testAnIntegrityProblemTakesTheTitleLine() {
        let desk = fixture.controller()
        desk.integrityChecked(.problem("*** in database main *** Page 42: btreeInitPage() returns error code 11"))
        let grid = desk.screen()
        assertScreen(grid, """
             数据库检查发现问题（*** in database main *** Page 42: btreeInitPage() returns e
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
                                                                 │ 电话 136****0001  来访
                                                                 │ 到达 09:05  接待 09:20
                                                                 │ 状态 当场答复  代表 张乾
                                                                 │ 林
                                                                 │ 类别 噪声扰民
                                                                 │
                                                                 │ 反映问题

             a 登记  c 叫号  o 当场答复  v 转诉求  ? 帮助  / 筛选  q 退出  Tab 切换窗格
            """)
        XCTAssertEqual(grid.role(row: 0, column: 1), .warning)
    }
}
