import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// The agenda's screens at 80×24, from the fixture: the list, a meeting's detail, the month calendar in
/// the month of the Spring Festival holiday and its make-up days, and the forms.
final class AgendaSnapshotTests: XCTestCase {
    var fixture: DeskFixture!

    override func setUpWithError() throws { fixture = try DeskFixture() }

    func testMeetingDetail() {
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("j"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            日期       时间  类型 名称              阶段     │ 议程详情
            2026 年 10 月                                    │ 3号楼加装电梯三方共议
            10-15 周四 09:00 接待 接待选民日        未排班   │ 三方共议 · 协商前
            2026 年 11 月                                    │ 2026-11-20 星期五 14:30
            11-16 周一 09:00 接待 接待选民日        今天     │ 地点 社区议事厅
            11-20 周五 14:30 共议 3号楼加装电梯三~  协商前   │ 协商前：还缺邀请群众、会前公
            2026 年 12 月                                    │ 告
            12-15 周二 09:00 接待 接待选民日        未排班   │
            2027 年 1 月                                     │ 议题（1）
            01-15 周五 09:00 接待 接待选民日        未排班   │ 1. 加装电梯费用分摊
            2027 年 2 月                                     │
            02-15 周一 09:00 接待 接待选民日        未排班   │ 参加（邀请 2）
            2027 年 3 月                                     │ 代表：张乾林
            03-15 周一 09:00 接待 接待选民日        未排班   │ 单位：区住建局（刘科长）
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             a 新建会议  i 邀请参加  t 添加议题  P 写公示  e 修改/改期  ? 帮助
            """)
    }

    func testMonthWithTheSpringFestival() {
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("v"))
        for _ in 0..<9 { desk.press(.character("<")) }
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            2026 年 2 月                                     │ 当天安排
              一     二     三     四     五     六     日   │ 2026-02-16 星期一
                                                        1    │ 春节 放假
                                                             │
              2      3      4      5      6      7      8    │ 这一天没有安排
                                                             │
              9     10     11     12     13     14 接  15 休 │ Enter 在列表中查看，a 在这天
                                                             │ 新建会议
             16 休  17 休  18 休  19 休  20 休  21 休  22 休 │
                                                             │
             23 休  24     25     26     27     28 班        │
                                                             │
            接 接待日  休 放假  班 调休上班  [ ] 今天        │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             a 新建会议  v 月历/列表  ← 前一天  → 后一天  < 上个月  > 下个月  ? 帮助
            """)
        // Back two days from the 16th: the make-up Saturday.
        desk.press(.left, .left)
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            2026 年 2 月                                     │ 当天安排
              一     二     三     四     五     六     日   │ 2026-02-14 星期六
                                                        1    │ 春节调休 调休上班
                                                             │
              2      3      4      5      6      7      8    │ 09:00 接待 接待选民日
                                                             │       接待选民日 · 未排班
              9     10     11     12     13     14 接  15 休 │
                                                             │ Enter 在列表中查看，a 在这天
             16 休  17 休  18 休  19 休  20 休  21 休  22 休 │ 新建会议
                                                             │
             23 休  24     25     26     27     28 班        │
                                                             │
            接 接待日  休 放假  班 调休上班  [ ] 今天        │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             a 新建会议  v 月历/列表  ← 前一天  → 后一天  < 上个月  > 下个月  ? 帮助
            """)
    }

    func testThisMonthWithTodayAndAMeeting() {
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("v"), .right, .right, .right, .right)
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            2026 年 11 月                                    │ 当天安排
              一     二     三     四     五     六     日   │ 2026-11-20 星期五
                                                        1    │ 工作日
                                                             │
              2      3      4      5      6      7      8    │ 14:30 共议 3号楼加装电梯三方
                                                             │ 共议
              9     10     11     12     13     14     15    │       三方共议 · 协商前
                                                             │
            [16]接  17     18     19     20     21     22    │ Enter 在列表中查看，a 在这天
                                         共议                │ 新建会议
             23     24     25     26     27     28     29    │
                                                             │
             30                                              │
                                                             │
            接 接待日  休 放假  班 调休上班  [ ] 今天        │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             a 新建会议  v 月历/列表  ← 前一天  → 后一天  < 上个月  > 下个月  ? 帮助
            """)
    }

    func testAYearTheCalendarDoesNotKnowSaysSo() {
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("v"), .character(">"), .character(">"))
        XCTAssertEqual(desk.screen().text(row: 2).prefix { $0 != "│" }.trimmingCharacters(in: .whitespaces),
                       "2027 年 1 月（未导入 2027 年节假日，只按周末算）")
        desk.press(.enter)
        let list = desk.screen()
        XCTAssertTrue(list.text(row: 2).hasPrefix("日期"), "Enter goes to the list")
        XCTAssertEqual(list.text(row: 22).trimmingCharacters(in: .whitespaces), "2027-01-16 这一天没有安排")
    }

    func testNewMeetingForm() {
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("a"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             新建会议                                        │ 当天安排
            >会议类型* （未选）                              │ 填好日期后，这里列出当天已有
             会议名称*                          如 3号楼加~  │ 的安排。
             日期*                                           │
             开始时间*                          如 14:30     │
             结束时间                           可空         │
             地点                               如 社区议事~ │
             组织单位                           如 和平社区~ │
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

    func testInvitePicker() {
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("j"), .character("i"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            日期       时间  类型 名称              阶段     │ 议程详情
            2026 年 10 月                                    │ 3号楼加装电梯三方共议
            10-15 周四 09:00 接待 接待选民日        未排班   │ 三方共议 · 协商前
            2026 年 11 月   ────────────────────────────────────────────────  五 14:30
            11-16 周一 09:0   邀请参加「3号楼加装电梯三方共议」
            11-20 周五 14:3   代表、单位、诉求人；名单外的群众选第一项       请群众、会前公
            2026 年 12 月
            12-15 周二 09:0   >
            2027 年 1 月       名单外的群众…  填写姓名和身份
            01-15 周五 09:0    王建国  代表 全国                              分摊
            2027 年 2 月       李红  代表 乡镇
            02-15 周一 09:0    张乾林  代表 县区
            2027 年 3 月       区住建局  单位 政府部门
            03-15 周一 09:0    区生态环境局  单位 政府部门                   （刘科长）
                              输入姓名或拼音首字母筛选

                            ────────────────────────────────────────────────
                                                             │
                                                             │
                                                             │

             Enter 选定  Down 下一个  Up 上一个  Esc 清除输入/返回
            """)
    }

    func testCloseOutForm() {
        fixture.clock.set(LocalTime(day: Day(iso: "2026-11-20")!, hour: 16, minute: 10))
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("c"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                 2026-11-20 星期五 工作日 非接待日  前台小李
              1 接待   2 代表   3 议程   4 督办(逾期2)   5 统计   6 管理
             结束会议：3号楼加装电梯三方共议                 │ 会议
            >会议纪要*                                       │ 3号楼加装电梯三方共议
                                                             │ 2026-11-20 14:30 社区议事厅
                                                             │
             张乾林*             （未选）       出席或缺席   │ 议题 1 项，参加 2 人
             区住建局（刘科长）* （未选）       出席或缺席   │ 纪要、每人出席与否、每项议题
             议题1讨论                          各方意见     │ 的结果都填好才能结束；出席的
             议题1结果*                                      │ 代表记一次会议履职。
             议题1办理                          商定的事，~  │
             承办单位            （未选）       有办理事项~  │
             时限                               个工作日     │
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

    func testCancelForm() {
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("j"), .character("x"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             取消会议                                        │ 会议
            >取消理由*                          如 承办单位~ │ 3号楼加装电梯三方共议
                                                             │ 2026-11-20 14:30 社区议事厅
                                                             │
                                                             │ 取消后仍留在议程里，标为已取
                                                             │ 消；已写公告的，请另行通知参
                                                             │ 加人。
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

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    func testInvitingADepartmentAsksWhoAttends() {
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("j"), .character("i"))
        desk.type("环境")
        desk.press(.enter)
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             邀请 区生态环境局                               │ 邀请单位
            >出席人*                            如 刘科长    │ 3号楼加装电梯三方共议
                                                             │ 2026-11-20 14:30
                                                             │
                                                             │ 写明出席人，公告和结果公示里
                                                             │ 写全名。
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

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    func testInvitingAResidentAsksTheirGroupAndConsent() {
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("j"), .character("i"))
        desk.type("qt")
        desk.press(.enter)
        desk.type("王大妈")
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             邀请群众                                        │ 邀请群众
            >姓名*       王大妈                              │ 3号楼加装电梯三方共议
             身份*       （未选）               居民代表、~  │ 2026-11-20 14:30
             公示写全名* 否（写成 王某）                     │
                                                             │ 公示里群众只写姓氏加「某」，
                                                             │ 本人同意的才写全名。
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

             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
    }

    func testAgendaItemFormOffersOpenCases() {
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("j"), .character("t"), .tab, .down)
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
             添加议题                                        │ 议题
             议题                               如 加装电梯~ │ 3号楼加装电梯三方共议
            >诉求      >                        可空；输入~  │ 1. 加装电梯费用分摊
             或填编号   2026-0005 电梯加装后采~ 较早的诉求~  │
             并入议题   2026-0003 物业费上涨未~ 空着为新议题 │ 选诉求时议题可空着，用诉求的
                        2026-0002 3号楼加装电~               │ 标题；同一问题的几件诉求选
                        2026-0004 地下车库漏水~              │ 「并入」同一议题。
                        2026-0001 广场舞音响太~              │
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

    func testRemovePicker() {
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("j"), .character("d"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                      2026-11-16 星期一 接待选民日  前台小李
              1 接待(等候2)   2 代表   3 议程   4 督办(逾期1)   5 统计   6 管理
            日期       时间  类型 名称              阶段     │ 议程详情
            2026 年 10 月                                    │ 3号楼加装电梯三方共议
            10-15 周四 09:00 接待 接待选民日        未排班   │ 三方共议 · 协商前
            2026 年 11 月   ────────────────────────────────────────────────  五 14:30
            11-16 周一 09:0   从「3号楼加装电梯三方共议」移除
            11-20 周五 14:3   选一位参加人或一项议题                         请群众、会前公
            2026 年 12 月
            12-15 周二 09:0   >
            2027 年 1 月       张乾林  代表
            01-15 周五 09:0    区住建局（刘科长）  单位                       分摊
            2027 年 2 月       1. 加装电梯费用分摊  议题
            02-15 周一 09:0
            2027 年 3 月
            03-15 周一 09:0                                                  （刘科长）
                              输入姓名或拼音首字母筛选

                            ────────────────────────────────────────────────
                                                             │
                                                             │
                                                             │

             Enter 选定  Down 下一个  Up 上一个  Esc 清除输入/返回
            """)
    }

    func testAnActionWithoutADepartmentIsRefusedBesideIt() {
        fixture.clock.set(LocalTime(day: Day(iso: "2026-11-20")!, hour: 16, minute: 10))
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("c"))
        desk.type("同意加装")
        desk.press(.tab, .down, .enter, .tab, .down, .enter, .tab, .tab)
        desk.type("按楼层分摊")
        desk.press(.tab)
        desk.type("出具分摊方案")
        desk.press(.control("s"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                 2026-11-20 星期五 工作日 非接待日  前台小李
              1 接待   2 代表   3 议程   4 督办(逾期2)   5 统计   6 管理
             结束会议：3号楼加装电梯三方共议                 │ 会议
             会议纪要*           同意加装                    │ 3号楼加装电梯三方共议
                                                             │ 2026-11-20 14:30 社区议事厅
                                                             │
             张乾林*             出席           出席或缺席   │ 议题1：加装电梯费用分摊
             区住建局（刘科长）* 出席           出席或缺席   │
             议题1讨论                          各方意见     │ 商定了办理事项的：关联诉求中
             议题1结果*          按楼层分摊                  │ 待交办、在办或不满意的，按决
             议题1办理           出具分摊方案   商定的事，~  │ 议交给承办单位；都不能接的
            >承办单位            （未选）       须选承办单位 │ （或没有关联诉求），新开一件
             时限                               须写时限     │ 跟进诉求并交办。
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
            未保存：承办单位 须选承办单位
             Tab 下一项  Shift-Tab 上一项  Ctrl-S 保存  Esc 取消  F1 帮助
            """)
        XCTAssertEqual(try fixture.store.meeting(id: 1).status, .planned, "nothing saved")
    }

    func testClosingAsksFirstAndThenCreditsTheDeputy() throws {
        fixture.clock.set(LocalTime(day: Day(iso: "2026-11-20")!, hour: 16, minute: 10))
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("c"))
        desk.type("同意加装")
        desk.press(.tab, .down, .enter, .tab, .down, .down, .enter, .tab, .tab)
        desk.type("下次会议再议")
        desk.press(.control("s"))
        assertScreen(desk.screen(), """
             和平街道代表联络站                 2026-11-20 星期五 工作日 非接待日  前台小李
              1 接待   2 代表   3 议程   4 督办(逾期2)   5 统计   6 管理
             结束会议：3号楼加装电梯三方共议                 │ 会议
             会议纪要*           同意加装                    │ 3号楼加装电梯三方共议
                                                             │ 2026-11-20 14:30 社区议事厅
                                                             │
             张乾林*             出席           出席或缺席   │ 议题1：加装电梯费用分摊
             区住建局（刘科长 ────────────────────────────────────────────
             议题1讨论          结束「3号楼加装电梯三方共议」吗？          项的：关联诉求中
            >议题1结果*         出席 1 人，缺席 1 人                       或不满意的，按决
             议题1办理          没有商定办理事项                           位；都不能接的
             承办单位           结束后不能再改                             诉求），新开一件
             时限                                                          办。
                                y：结束会议    n/Esc 或 Enter：再看看

                              ────────────────────────────────────────────
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │
                                                             │

             y 结束会议  n 再看看  Esc 再看看  Enter 再看看
            """)
        desk.press(.character("y"))
        XCTAssertEqual(desk.screen().text(row: 22).trimmingCharacters(in: .whitespaces), "「3号楼加装电梯三方共议」已结束：按 P 写结果公示")
        let meeting = try XCTUnwrap(fixture.store.meetings(from: Day(iso: "2026-11-20")!, to: Day(iso: "2026-11-21")!).first)
        XCTAssertEqual(meeting.status, .held)
        XCTAssertEqual(try fixture.store.participants(meetingID: meeting.id).map(\.attended), [true, false])
        XCTAssertEqual(try fixture.store.dutyLog(deputyID: fixture.deputies["张乾林"]!).first?.kind, .meeting)
    }

    func testACloseOutClashingWithAnotherTerminalKeepsWhatWasTyped() throws {
        fixture.clock.set(LocalTime(day: Day(iso: "2026-11-20")!, hour: 16, minute: 10))
        let desk = fixture.controller(start: .agenda)
        desk.press(.character("c"))
        desk.type("同意加装，费用按楼层分摊")
        // Meanwhile another terminal invites a resident.
        try fixture.store.invite(.resident(id: nil, name: "钱阿姨", group: .concerned, namePublic: false), to: 1, session: fixture.clerk)
        desk.press(.tab, .down, .enter, .tab, .down, .enter, .tab, .tab)
        desk.type("下次再议")
        desk.press(.control("s"), .character("y"))
        let screen = desk.screen()
        XCTAssertEqual(screen.text(row: 22).trimmingCharacters(in: .whitespaces), "刚在另一终端改过：表单已按最新的重排，填的都还在，核对后再按 Ctrl-S")
        XCTAssertTrue(screen.text(row: 3).contains("同意加装，费用按楼层分摊"), "the minutes are kept")
        XCTAssertTrue(screen.text.contains("钱阿姨（诉求人）*"), "the new invitee has a field:\n\(screen.text)")
        XCTAssertEqual(try fixture.store.meeting(id: 1).status, .planned)
    }
}
