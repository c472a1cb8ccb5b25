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
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             号 居民   电话        类别      等候 状态     接待~ │ 今日值班与来访详情
              1 郑秀英 136****0001 噪声扰民  15分 当场答复 张乾林│ 今日接待
              2 冯建华 136****0002 物业管理  20分 接待中   李红  │ 登记 4  等候 2  接待中 1
              3 陈玉兰 136****0003 加装电梯  35分 等候           │ 当场答复 1  立案 0
              4 楚天明 136****0004           18分 等候           │ 转介 0  离开 0
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
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             号 居民   电话        类别      等候 状态     接待代表                         │ 今日值班与来访详情
              1 郑秀英 136****0001 噪声扰民  15分 当场答复 张乾林                           │ 今日接待
              2 冯建华 136****0002 物业管理  20分 接待中   李红                             │ 登记 4  等候 2  接待中 1
              3 陈玉兰 136****0003 加装电梯  35分 等候                                      │ 当场答复 1  立案 0
              4 楚天明 136****0004           18分 等候                                      │ 转介 0  离开 0
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

    func testDeputies() {
        assertScreen(fixture.controller(start: .deputies).screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
            姓名^  级别 界别     选区                小组    │ 代表详情
            李红   乡镇 教育     第二选区            第一小组│ 李红  乡镇人大代表
            王建国 全国 企业     第一选区            第二小组│ 界别 教育
            张乾林 区   社区     第三选区            第一小组│ 选区 第二选区
                                                             │ 小组 第一小组  电话
                                                             │ 13900001111
                                                             │
                                                             │ 诉求
                                                             │ 未办结 0 件，逾期 0 件
                                                             │
                                                             │ 2026 年履职
                                                             │ 进站接待 1 次（不少于 2 次）
                                                             │ 走访选民 0 户（不少于 10 户）
                                                             │ 履职积分 5 分
                                                             │
                                                             │ 履职登记
                                                             │ 11-16 进站接待 +5 接待第 2 号
                                                             │  冯建华
                                                             │
                                                             │

             s 排序  ? 帮助  / 筛选  q 退出  Tab 切换窗格  Enter 查看
            """)
    }

    func testAgenda() {
        assertScreen(fixture.controller(start: .agenda).screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
            日期       时间  类型         名称         状态  │ 议程详情
            11-16 周一 09:00 接待选民日   接待选民日~  今天  │ 接待选民日（值班 3 人）
            11-20 周五 14:30 三方共议     3号楼加装电~ 待召开│ 2026-11-16 星期一 09:00
            12-15 周二 09:00 接待选民日   接待选民日~  待召开│ 地点 和平街道12号
            01-15 周五 09:00 接待选民日   接待选民日~  待召开│
                                                             │ 值班
                                                             │ 张乾林  接待
                                                             │ 李红  接待
                                                             │ 陈静  律师 和平律师事务所
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

             ? 帮助  / 筛选  q 退出  Tab 切换窗格  Enter 查看
            """)
    }

    func testBoard() {
        let grid = fixture.controller(start: .board).screen()
        assertScreen(grid, """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
            编号       诉求       承办单位   期限      状态  │ 诉求时间线
            逾期（1）                                        │ 2026-0001  已交办  第1轮
            2026-0001  广场舞音~  区生态环~  逾期21天  已交办│ 广场舞音响太吵影响休息
            三个工作日内到期（1）                            │ 承办 区生态环境局  限
            2026-0002  3号楼加装~ 区住建局   11-17     已交办│ 2026-10-26
            办理中（2）                                      │ 代表 张乾林  群众 赵大爷
            2026-0003  物业费上~  和平街道~  12-11     已交办│
            2026-0005  电梯加装~             待交办    已研判│ 10-19 09:30 登记 前台小李
            待反馈测评（1）                                  │   广场舞音响太吵影响休息
            2026-0004  地下车库~  和平街道~  11-16     已答复│ 10-19 10:00 交办 前台小李
                                                             │   交办区生态环境局，限 5 个工
                                                             │   作日（2026-10-26 前）办结
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             n 下一件逾期  ? 帮助  / 筛选  q 退出  Tab 切换窗格  Enter 查看
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
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             号 居民   电话        类别      等候 状态     接待~ │ 今日值班与来访详情
              1 郑秀英 136****0001 噪声扰民  15分 当场答复 张乾林│ 今日接待
              2 冯建华 136****0002 物业管理  20分 接待中   李红  │ 登记 4  等候 2  接待中 1
              3 陈玉兰 136****0003 加装电梯  35分 等候           │ 当场答复 1  立案 0
              4 楚天明 136****0004           18分 等候           │ 转介 0  离开 0
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

final class FormSnapshotTests: DeskTestCase {
    func testRegistration() {
        desk.press(.character("a"))
        let grid = desk.screen()
        assertScreen(grid, """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             登记来访                                            │ 已登记的居民
            >姓名*                             可打拼音首字母查找│ 输入电话号码或姓名（也可
             电话*                             不愿留电话填 无   │ 打拼音首字母，如 zql）
             身份证号                          选填              │ 时，这里列出已登记的居
             社区/小区                                           │ 民；
             住址                                                │ 选中后自动填好，同一电话
             来访方式    来访                                    │ 不会重复建档。
             问题类别    （未选）              打字筛选          │
             反映问题*                                           │
                                                                 │
                                                                 │
                                                                 │
             要求见代表  （未选）              选填              │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
        XCTAssertEqual(grid.cursor?.row, 3)
        XCTAssertEqual(grid.cursor?.column, 13)
    }

    func testRegistrationWithAReturningResidentsPhoneTyped() {
        desk.press(.character("a"))
        desk.type("1380000")
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             登记来访                                            │ 已登记的居民
            >姓名*       1380000               可打拼音首字母查找│ 赵大爷  138****0001
             电话*                             不愿留电话填 无   │   来访0次 在办1件
             身份证号                          选填              │ 钱阿姨  138****0002
             社区/小区                                           │   来访0次 在办1件
             住址                                                │ 孙先生  138****0003
             来访方式    来访                                    │   来访0次 在办1件
             问题类别    （未选）              打字筛选          │ 周女士  138****0004
             反映问题*                                           │   来访0次 在办1件
                                                                 │ 吴师傅  138****0005
                                                                 │   来访0次 在办1件
                                                                 │
             要求见代表  （未选）              选填              │ Up/Down 选择，Enter 选定
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

    func testAnswerOnTheSpot() {
        desk.press(.character("j"), .character("j"), .character("o"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             第 3 号 陈玉兰：当场答复                            │ 来访内容
            >答复内容*                                           │ 陈玉兰  136****0003
                                                                 │ 来访  到达 09:55  加装电
                                                                 │ 梯
                                                                 │
                                                                 │ 反映问题
             答复代表* 张乾林                                    │ 加装电梯要一楼同意，一楼
                                                                 │ 不肯签字
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

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    func testTurnIntoACase() {
        desk.press(.character("j"), .character("j"), .character("v"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             第 3 号 陈玉兰：转为诉求                            │ 来访内容
            >诉求标题*   加装电梯要一楼同意，                    │ 陈玉兰  136****0003
             问题类别*   加装电梯                                │ 来访  到达 09:55  加装电
             分级*       小事即时办                              │ 梯
             责任代表*   张乾林                                  │
             交办单位    区住建局              空则稍后交办      │ 反映问题
             时限工作日  10                    1-365             │ 加装电梯要一楼同意，一楼
                                                                 │ 不肯签字
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

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    func testRefer() {
        desk.press(.character("j"), .character("j"), .character("r"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             第 3 号 陈玉兰：转介                                │ 来访内容
            >转介给*   陈静                    三官一员或单位    │ 陈玉兰  136****0003
             说明                                                │ 来访  到达 09:55  加装电
             接待代表  （未选）                选填              │ 梯
                                                                 │
                                                                 │ 反映问题
                                                                 │ 加装电梯要一楼同意，一楼
                                                                 │ 不肯签字
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

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    func testAFailedSaveSaysWhyBesideTheFields() {
        desk.press(.character("a"))
        desk.type("欧阳娜娜")
        desk.press(.tab)
        desk.type("1381234")
        desk.press(.control("s"))
        let grid = desk.screen()
        assertScreen(grid, """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             登记来访                                            │ 已登记的居民
             姓名*       欧阳娜娜              可打拼音首字母查找│ 输入电话号码或姓名（也可
            >电话*       1381234               手机11位或带区号  │ 打拼音首字母，如 zql）
             身份证号                          选填              │ 时，这里列出已登记的居
             社区/小区                                           │ 民；
             住址                                                │ 选中后自动填好，同一电话
             来访方式    来访                                    │ 不会重复建档。
             问题类别    （未选）              打字筛选          │
             反映问题*                                           │
             必填                                                │
                                                                 │
                                                                 │
             要求见代表  （未选）              选填              │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
            未保存：电话 手机11位或带区号
             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
        XCTAssertEqual(grid.role(row: 4, column: 37), .warning)
    }
}

final class DialogSnapshotTests: DeskTestCase {
    func testQuit() {
        desk.press(.character("q"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             号 居民   电话        类别      等候 状态     接待~ │ 今日值班与来访详情
              1 郑秀英 136****0001 噪声扰民  15分 当场答复 张乾林│ 今日接待
              2 冯建华 136****0002 物业管理  20分 接待中   李红  │ 登记 4  等候 2  接待中 1
              3 陈玉兰 136****0003 加装电梯  35分 等候           │ 当场答复 1  立案 0
              4 楚天明 136****0004           18分 等候           │ 转介 0  离开 0
                                                                 │ 平均等候 17 分钟
                                                                 │
                              ────────────────────────────────────────────
                                确定退出工作台吗？                         代表 接待
                                                                           表 接待
                                y：退出    n/Esc 或 Enter：留在工作台      师 和平律师事务所

                              ────────────────────────────────────────────  郑秀英
                                                                 │ 电话 136****0001  来访
                                                                 │ 到达 09:05  接待 09:20
                                                                 │ 状态 当场答复  代表 张乾
                                                                 │ 林
                                                                 │ 类别 噪声扰民
                                                                 │
                                                                 │ 反映问题

             y 退出  n/Esc 留在工作台  Enter 留在工作台
            """)
    }

    func testDiscardWhatWasTyped() {
        desk.press(.character("a"))
        desk.type("王")
        desk.press(.escape)
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             登记来访                                            │ 已登记的居民
            >姓名*       王                    可打拼音首字母查找│ 输入电话号码或姓名（也可
             电话*                             不愿留电话填 无   │ 打拼音首字母，如 zql）
             身份证号                          选填              │ 时，这里列出已登记的居
             社区/小区                                           │ 民；
             住址                                                │ 选中后自动填好，同一电话
             来访方式    来访 ──────────────────────────────────────────── 建档。
             问题类别    （未   放弃已填写的内容吗？
             反映问题*          表单里填写的内容将不会保存。

                                y：放弃    n/Esc 或 Enter：继续填写

             要求见代表  （未 ────────────────────────────────────────────
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │

             y 放弃  n/Esc 继续填写  Enter 继续填写
            """)
    }

    func testJoinTheResidentsOpenCase() throws {
        // 钱阿姨 has 2026-0002 open on 加装电梯 and comes back about the same thing.
        try fixture.walkIn("钱阿姨", "13800000002", category: "加装电梯", problem: "施工还在占道，老人出门不便")
        desk.refresh()
        desk.press(.character("G"), .character("v"), .control("s"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候3)   2 代表   3 议程   4 督办(逾期1)
             第 5 号 钱阿姨：转为诉求                            │ 来访内容
            >诉求标题*   施工还在占道，老人出                    │ 钱阿姨  138****0002
             问题类别*   加装电梯                                │ 来访  到达 10:30  加装电
             分级*       小事即时办                              │ 梯
             责任代表*   张乾林                                  │
             交办单位    区住建局              空则稍后交办      │ 反映问题
             时限工作日  ───────────────────────────────────────────────────── ，老人出门不
                           并入该居民在办的同类诉求吗？
                           2026-0002 已交办 3号楼加装电梯施工占道

                           y 或 Enter：并入 2026-0002    n/Esc：另立新诉求

                         ─────────────────────────────────────────────────────
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │

             y 并入 2026-0002  n/Esc 另立新诉求  Enter 并入 2026-0002
            """)
    }

    func testMarkSomeoneWhoLeft() {
        desk.press(.character("j"), .character("j"), .character("l"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             号 居民   电话        类别      等候 状态     接待~ │ 今日值班与来访详情
              1 郑秀英 136****0001 噪声扰民  15分 当场答复 张乾林│ 今日接待
              2 冯建华 136****0002 物业管理  20分 接待中   李红  │ 登记 4  等候 2  接待中 1
              3 陈玉兰 136****0003 加装电梯  35分 等候           │ 当场答复 1  立案 0
              4 楚天明 136****0004           18分 等候           │ 转介 0  离开 0
                                                                 │ 平均等候 17 分钟
                                                                 │
                              ────────────────────────────────────────────
                                第 3 号 陈玉兰 没等到接待就离开了吗？      代表 接待
                                                                           表 接待
                                y：记为离开    n/Esc 或 Enter：取消        师 和平律师事务所

                              ────────────────────────────────────────────  陈玉兰
                                                                 │ 电话 136****0003  来访
                                                                 │ 到达 09:55
                                                                 │ 状态 等候
                                                                 │ 类别 加装电梯
                                                                 │
                                                                 │ 反映问题
                                                                 │ 加装电梯要一楼同意，一楼

             y 记为离开  n/Esc 取消  Enter 取消
            """)
    }

    func testHandToADeputy() {
        desk.press(.character("c"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             号 居民   电话        类别      等候 状态     接待~ │ 今日值班与来访详情
              1 郑秀英 136****0001 噪声扰民  15分 当场答复 张乾林│ 今日接待
              2 冯建华 136****0002 物业管理  20分 接待中   李红  │ 登记 4  等候 2  接待中 1
              3 陈玉兰 136* ────────────────────────────────────────────────   立案 0
              4 楚天明 136*   第 3 号 陈玉兰 交给哪位代表接待                开 0
                              反映：加装电梯要一楼同意，一楼不肯签字         7 分钟

                              >
                               张乾林  今日值班 在接待 0 人                  表 接待
                               李红  今日值班 在接待 1 人                     接待
                               王建国  在接待 0 人                            和平律师事务所

                                                                              玉兰
                                                                             **0003  来访
                              输入姓名或拼音首字母筛选

                            ────────────────────────────────────────────────  梯
                                                                 │
                                                                 │ 反映问题
                                                                 │ 加装电梯要一楼同意，一楼

             Enter 选定  Down 下一个  Up 上一个  Esc 清除输入/返回
            """)
    }

    func testHelpOnAPage() {
        desk.press(.character("?"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             号 居民   电话        类别      等候 状态     接待~ │ 今日值班与来访详情
              1 郑秀英 136****0001 噪声扰民  15分 当场答复 张乾林│ 今日接待
             ──────────────────────────────────────────────────────────────────────────────
               帮助：接待（任意键关闭帮助）
               【接待页面】            j/Down         下移     q/Ctrl-C       退出
               a              登记     k/Up           上移     【任何时候】
               c              叫号     PgDn/Ctrl-F    下一页   Ctrl-L  重绘
               h              交代表   PgUp/Ctrl-B    上一页   Ctrl-Z  挂起到后台
               o              当场答复 g/Home         到首行   【命令（按 : 后输入）】
               v              转诉求   G/End          到末行   :q :quit :退出  退出（~
               r              转介     Tab/Shift-Tab  切换窗格 :help :h :帮助  帮助
               l              已离开   Enter          查看     :refresh :刷新  刷新
               1              接待     Esc            返回     :1 :接待        接待
               2              代表     /              筛选     :2 :代表        代表
               3              议程     :              命令     :3 :议程        议程
               4              督办     ?/F1           帮助     :4 :督办        督办

             ──────────────────────────────────────────────────────────────────────────────
                                                                 │
                                                                 │ 反映问题

             任意键 关闭帮助
            """)
    }

    func testHelpInAForm() {
        desk.press(.character("a"), .function(1))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             登记来访                                            │ 已登记的居民
            >姓名*                             可打拼音首字母查找│ 输入电话号码或姓名（也可
             电话*                             不愿留电话填 无   │ 打拼音首字母，如 zql）
             ──────────────────────────────────────────────────────────────────────────────
               帮助：登记来访（任意键关闭帮助）
               【表单】                             End/Ctrl-E     到行尾
               Tab/Enter/Down  下一项               Backspace      删除前一字
               Shift-Tab/Up    上一项               Delete/Ctrl-D  删除后一字
               Ctrl-S/F2       保存                 Ctrl-U         删到行首
               Esc             取消                 Ctrl-K         删到行尾
               F1              帮助                 Ctrl-W         删除前一词
               【输入文字】                         【任何时候】
               Left/Ctrl-B    左移一字              Ctrl-L  重绘
               Right/Ctrl-F   右移一字              Ctrl-Z  挂起到后台
               Home/Ctrl-A    到行首

             ──────────────────────────────────────────────────────────────────────────────
                                                                 │
                                                                 │
                                                                 │

             任意键 关闭帮助
            """)
    }

    func testFilterPrompt() {
        desk.press(.character("/"))
        desk.type("cy")
        let grid = desk.screen()
        assertScreen(grid, """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             号 居民   电话        类别      等候 状态     接待~ │ 今日值班与来访详情
              3 陈玉兰 136****0003 加装电梯  35分 等候           │ 今日接待
                                                                 │ 登记 4  等候 2  接待中 1
                                                                 │ 当场答复 1  立案 0
                                                                 │ 转介 0  离开 0
                                                                 │ 平均等候 17 分钟
                                                                 │
                                                                 │ 今日值班
                                                                 │ 张乾林  代表 接待
                                                                 │ 李红  代表 接待
                                                                 │ 陈静  律师 和平律师事务所
                                                                 │
                                                                 │ 第 3 号  陈玉兰
                                                                 │ 电话 136****0003  来访
                                                                 │ 到达 09:55
                                                                 │ 状态 等候
                                                                 │ 类别 加装电梯
                                                                 │
                                                                 │ 反映问题
                                                                 │ 加装电梯要一楼同意，一楼
            筛选 /cy
             Enter 确定  Esc 取消
            """)
        XCTAssertEqual(grid.cursor?.row, 22)
        XCTAssertEqual(grid.cursor?.column, "筛选 /cy".displayWidth)
    }

    func testCommandLine() {
        desk.press(.character(":"))
        desk.type("督办")
        let grid = desk.screen()
        assertScreen(grid, """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)
             号 居民   电话        类别      等候 状态     接待~ │ 今日值班与来访详情
              1 郑秀英 136****0001 噪声扰民  15分 当场答复 张乾林│ 今日接待
              2 冯建华 136****0002 物业管理  20分 接待中   李红  │ 登记 4  等候 2  接待中 1
              3 陈玉兰 136****0003 加装电梯  35分 等候           │ 当场答复 1  立案 0
              4 楚天明 136****0004           18分 等候           │ 转介 0  离开 0
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
            :督办
             Enter 确定  Esc 取消
            """)
        XCTAssertEqual(grid.cursor?.column, ":督办".displayWidth)
    }
}
