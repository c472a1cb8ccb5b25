import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// Every form of the desk as a whole 80×24 frame, drawn from `DeskFixture`.
final class FormSnapshotTests: DeskTestCase {
    func testRegistration() {
        desk.press(.character("a"))
        let grid = desk.screen()
        assertScreen(grid, """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             登记来访                                            │ 已登记的居民
            >姓名*                            可打拼音首字母查找 │ 输入电话号码或姓名（也可
             电话*                            不愿留电话填 无    │ 打姓名的拼音首字母）时，
             身份证号                         选填               │ 这里列出已登记的居民；选
             社区/小区                                           │ 中后自动填好。
             住址                                                │ 一家人可以共用一个电话：
             来访方式    来访                                    │ 同名同电话是同一个人。
             问题类别    （未选）             打字筛选           │
             反映问题*                                           │
                                                                 │
                                                                 │
                                                                 │
             要求见代表  （未选）             选填               │
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
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             登记来访                                            │ 已登记的居民
            >姓名*       1380000              可打拼音首字母查找 │ 赵大爷  138****0001
             电话*                            不愿留电话填 无    │   来访0次 在办1件
             身份证号                         选填               │ 钱阿姨  138****0002
             社区/小区                                           │   来访0次 在办1件
             住址                                                │ 孙先生  138****0003
             来访方式    来访                                    │   来访0次 在办1件
             问题类别    （未选）             打字筛选           │ 周女士  138****0004
             反映问题*                                           │   来访0次 在办1件
                                                                 │ 吴师傅  138****0005
                                                                 │   来访0次 在办1件
                                                                 │
             要求见代表  （未选）             选填               │ Enter 选定，Down 下一个，
                                                                 │ Up 上一个
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    /// A returning resident is carried by id: the form shows their number masked, never the stored one.
    func testRegistrationWithAReturningResidentChosen() {
        desk.press(.character("a"))
        desk.type("zxy")
        desk.press(.enter)
        let grid = desk.screen()
        XCTAssertFalse(grid.text.contains("13600000001"))
        assertScreen(grid, """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             登记来访                                            │ 以往来访与在办诉求
             姓名*       郑秀英               可打拼音首字母查找 │ 郑秀英
             电话*       136****0001          不愿留电话填 无    │ 电话 136****0001
             身份证号                         选填               │ 身份证 未登记
             社区/小区                                           │
             住址                                                │
             来访方式    来访                                    │ 在办诉求 0 件
             问题类别    （未选）             打字筛选           │
            >反映问题*                                           │ 以往来访 1 次
                                                                 │ 2026-11-16 当场答复 楼下
                                                                 │ 饭店油烟和噪声扰民
                                                                 │
             要求见代表  （未选）             选填               │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
        // The masked number touched goes as a whole, never left as literal stars to be saved; a key
        // typed over it stays.
        desk.press(.backTab, .backTab, .backTab, .backTab, .backTab, .backTab, .backspace)
        XCTAssertEqual((desk.layers.last as? FormLayer)?.form.text("phone"), "")
        desk.press(.escape, .character("y"), .character("a"))
        desk.type("zxy")
        desk.press(.enter, .backTab, .backTab, .backTab, .backTab, .backTab, .backTab)
        desk.type("139")
        XCTAssertEqual((desk.layers.last as? FormLayer)?.form.text("phone"), "139")
        desk.press(.escape)
        desk.press(.character("y"))
        desk.press(.character("a"))
        desk.type("zxy")
        desk.press(.enter)
        let residents = try? fixture.store.database.scalarInt("SELECT count(*) FROM residents")
        desk.type("油烟又来了")
        desk.press(.control("s"))
        let visit = try? fixture.store.queue(on: DeskFixture.now.day).last
        XCTAssertEqual(try visit.flatMap { try fixture.store.resident(id: $0.residentID) }?.phone, "13600000001", "saved under the resident chosen")
        XCTAssertEqual(try? fixture.store.database.scalarInt("SELECT count(*) FROM residents"), residents)
    }

    func testAnswerOnTheSpot() {
        desk.press(.character("j"), .character("j"), .character("o"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
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
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             第 3 号 陈玉兰：转为诉求                            │ 来访内容
            >诉求标题*   加装电梯要一楼同意，                    │ 陈玉兰  136****0003
             问题类别*   加装电梯                                │ 来访  到达 09:55  加装电
             分级*       小事即时办                              │ 梯
             责任代表*   张乾林                                  │
             交办单位    区住建局             空则稍后交办       │ 反映问题
             时限工作日  10                   1–365              │ 加装电梯要一楼同意，一楼
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
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             第 3 号 陈玉兰：转介                                │ 来访内容
            >转介给*   陈静                   三官一员或单位     │ 陈玉兰  136****0003
             说明                                                │ 来访  到达 09:55  加装电
             接待代表  （未选）               选填               │ 梯
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
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             登记来访                                            │ 已登记的居民
             姓名*       欧阳娜娜             可打拼音首字母查找 │ 输入电话号码或姓名（也可
            >电话*       1381234              手机号应为 11 位~  │ 打姓名的拼音首字母）时，
             身份证号                         选填               │ 这里列出已登记的居民；选
             社区/小区                                           │ 中后自动填好。
             住址                                                │ 一家人可以共用一个电话：
             来访方式    来访                                    │ 同名同电话是同一个人。
             问题类别    （未选）             打字筛选           │
             反映问题*                                           │
             必填                                                │
                                                                 │
                                                                 │
             要求见代表  （未选）             选填               │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
                                                                 │
            未保存：电话 手机号应为 11 位，这里是 7 位
             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
        XCTAssertEqual(grid.role(row: 4, column: 37), .warning)
    }

    /// 登记履职 with a household count of 0: said beside the field, the form kept as typed.
    func testADutyEntryWithNoHouseholds() {
        let desk = fixture.controller(start: .deputies)
        desk.press(.character("l"))
        desk.type("走访选民")
        desk.press(.enter, .tab, .tab)
        desk.type("0")
        desk.press(.control("s"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             李红：登记履职                                  │ 积分规则
             履职类型* 走访选民                              │ 登记后为积分申请，督办人员认
             日期*     2026-11-16                            │ 定后才计入积分和年度要求。进
            >走访户数  0                        应为 1 到 5~ │ 站接待由接待台自动登记。
             说明                               如 走访幸福~ │
                                                             │ 走访选民：每次 2 分
                                                             │ 走访企业：每次 2 分
                                                             │ 学习培训：每次 1 分
                                                             │ 视察调研：每次 3 分
                                                             │ 参加会议：每次 2 分
                                                             │ 提出建议：每次 3 分
                                                             │ 向选民述职：每次 5 分
                                                             │ 其他：每次 1 分
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
            未保存：走访户数 应为 1 到 500 户
             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    /// 接待公告: the time and place, the notice as it will be printed beside them.
    func testTheNoticeForm() throws {
        let desk = DeskController(store: fixture.store, session: fixture.supervisor, start: .deputies)
        desk.press(.left, .left, .character("P"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  督办老周
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             2026-11-16 接待公告                             │ 公告预览
            >接待时间* 上午 9:00—11:30                       │ 和平街道代表联络站
             接待地点* 和平街道12号                          │ 接待选民公告
                                                             │
                                                             │     为密切人大代表同人民群众
                                                             │ 的联系，倾听群众意见和建议，
                                                             │ 和平街道代表联络站定于下列时
                                                             │ 间开展代表接待选民活动，欢迎
                                                             │ 辖区群众前来反映情况、提出意
                                                             │ 见建议。
                                                             │
                                                             │ 接待时间：2026年11月16日（星
                                                             │ 期一）上午 9:00—11:30
                                                             │ 接待地点：和平街道12号
                                                             │
                                                             │ 接待代表：
                                                             │     张乾林（县区人大代表，社
                                                             │ 区）
                                                             │     李红（乡镇人大代表，教
                                                             │ 育）

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }
}
