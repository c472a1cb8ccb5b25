import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// What the administration screen does, read back from the store.
final class AdminPageTests: AdminTestCase {
    private var message: String { desk.screen().text(row: 22) }

    func testADeputyTypedInIsSavedSelectedAndOfferedAtTheDesk() throws {
        desk.press(.character("a"))
        desk.type("曾庆华")
        desk.press(.tab)
        desk.type("男")
        desk.press(.enter, .tab)
        desk.type("市")
        desk.press(.enter, .tab)
        desk.type("医疗卫生")
        desk.press(.tab, .tab, .tab)
        desk.type("139-1234-5678")
        desk.press(.control("s"))
        XCTAssertEqual(message, "已保存代表：曾庆华")
        let stored = try XCTUnwrap(fixture.store.deputyRecords().first { $0.draft.name == "曾庆华" })
        XCTAssertEqual(stored.draft, DeputyDraft(name: "曾庆华", level: .city, gender: .male, sector: "医疗卫生", phone: "13912345678"))
        XCTAssertEqual(desk.page.list?.selectedID, String(stored.id), "the new row is selected")
        XCTAssertTrue(desk.screen().text(row: 2).contains("代表 4"), "the count follows")
        // The reception desk offers the new deputy at once.
        desk.press(.character("1"), .character("c"))
        XCTAssertTrue(desk.screen().text.contains("曾庆华"), desk.screen().text)
    }

    func testABadValueStaysInTheFormBesideItsField() throws {
        desk.press(.character("a"))
        desk.type("周新")
        desk.press(.tab, .tab)
        desk.type("区")
        desk.press(.enter, .tab, .tab, .tab, .tab)
        desk.type("1234")
        desk.press(.control("s"))
        XCTAssertEqual(message, "未保存：联系电话 电话号码不对：手机号应为 11 位，这里是 4 位")
        let layer = try XCTUnwrap(desk.layers.last as? FormLayer)
        XCTAssertEqual(layer.form.focusedKey, "phone")
        XCTAssertEqual(layer.form.text("name"), "周新", "what was typed is kept")
        XCTAssertFalse(try fixture.store.deputyRecords().contains { $0.draft.name == "周新" })
    }

    func testDeactivatingAsksAndRestoringDoesNot() throws {
        let id = try XCTUnwrap(desk.page.list?.selectedID)
        desk.press(.character("d"), .enter)
        XCTAssertTrue(try fixture.store.deputyRecords().first { String($0.id) == id }?.active ?? false, "Enter keeps the deputy")
        desk.press(.character("d"), .character("y"))
        XCTAssertEqual(message, "已停用代表 李红")
        XCTAssertFalse(try fixture.store.deputyRecords().first { String($0.id) == id }?.active ?? true)
        XCTAssertEqual(desk.page.list?.selectedID, id, "the row stays selected, now at the end")
        XCTAssertTrue(desk.screen().text.contains("李红   乡镇 教育   第二选区     13900001111 停用"), desk.screen().text)
        desk.press(.character("d"))
        XCTAssertEqual(message, "已恢复代表 李红")
        XCTAssertTrue(try fixture.store.deputyRecords().first { String($0.id) == id }?.active ?? false)
    }

    func testOtherCannotBeDeactivatedAndIsNotAskedAbout() throws {
        desk.press(.right, .right, .right, .character("G"))
        XCTAssertFalse(desk.screen().text(row: 23).contains("停用"), "d is not offered on 其他")
        desk.press(.character("d"))
        XCTAssertEqual(message, "「其他」类别总要有，不能停用")
        XCTAssertTrue(desk.layers.isEmpty, "no question first")
        desk.press(.enter)
        let form = try XCTUnwrap(desk.layers.last as? FormLayer).form
        XCTAssertEqual(form.fields.map(\.key), ["name", "department", "days"], "其他 always comes last: its form has no order to set")
    }

    func testDeactivatingADepartmentSaysWhichCategoriesSendCasesToIt() throws {
        desk.press(.right, .right, .character("d"))
        let question = try XCTUnwrap(desk.layers.last as? QuestionLayer)
        XCTAssertEqual(question.question.details.first, "它是 加装电梯 的默认承办单位，请改这些类别。")
    }

    func testACategorysDefaultsAreWhatANewCaseGets() throws {
        desk.press(.right, .right, .right, .enter)
        let layer = try XCTUnwrap(desk.layers.last as? FormLayer)
        XCTAssertEqual(layer.form.text("name"), "加装电梯")
        desk.press(.tab)
        desk.type("hpjd")
        desk.press(.enter, .tab, .control("u"))
        desk.type("7")
        desk.press(.control("s"))
        XCTAssertEqual(message, "已保存问题类别：加装电梯")
        let category = try XCTUnwrap(fixture.store.categories().first { $0.name == "加装电梯" })
        XCTAssertEqual(category.defaultDepartmentID, fixture.departments["和平街道办事处"])
        XCTAssertEqual(category.dueWorkingDays, 7)
    }

    func testSettingsAreSavedAndTheTitleFollows() throws {
        desk.press(.left, .left, .left, .left, .enter)
        desk.press(.control("u"))
        desk.type("和平街道人大代表联络站")
        desk.press(.control("s"))
        XCTAssertEqual(message, "已保存本站设置")
        XCTAssertTrue(desk.screen().text(row: 0).contains("和平街道人大代表联络站"), desk.screen().text(row: 0))
        XCTAssertEqual(try fixture.store.settings().name, "和平街道人大代表联络站")
        // A number that is not one stays in the form, beside its field.
        desk.press(.down, .down, .down, .down, .down, .down, .down, .enter)
        desk.press(.control("u"))
        desk.type("两")
        desk.press(.control("s"))
        XCTAssertEqual(message, "未保存：全国代表进站 应为整数")
        desk.press(.control("u"))
        desk.type("400")
        desk.press(.control("s"))
        XCTAssertEqual(message, "未保存：全国代表进站 应为 0 到 366 天")
        desk.press(.control("u"))
        desk.type("３")
        desk.press(.control("s"))
        XCTAssertEqual(try fixture.store.annualQuota(for: .national).receptionDays, 3, "full-width digits as an IME types them")
    }

    func testAClerkMayLookButNotChange() throws {
        let clerkDesk = fixture.controller(start: .admin)
        for key in ["a", "e", "d"] {
            clerkDesk.press(.character(Character(key)))
            XCTAssertEqual(clerkDesk.screen().text(row: 22), "工作人员不能维护名录和设置：须由管理员操作", "refused before a form opens: \(key)")
            XCTAssertTrue(clerkDesk.layers.isEmpty)
        }
        // The hint bar offers only what the clerk may do; help lists the rest dimmed, saying who may.
        let grid = clerkDesk.screen()
        XCTAssertFalse(grid.text(row: 23).contains("添加"))
        XCTAssertTrue(grid.text(row: 23).hasPrefix(" → 下一类  ? 帮助"), grid.text(row: 23))
        clerkDesk.press(.character("?"))
        let help = clerkDesk.screen()
        let row = try XCTUnwrap((0..<24).first { help.text(row: $0).contains("添加（管理员）") })
        let column = help.text(row: row).range(of: "添加（管理员）").map { help.text(row: row)[..<$0.lowerBound].displayWidth }!
        XCTAssertEqual(Array(roles(help, row: row))[column], "m", "dimmed")
        let move = try XCTUnwrap((0..<24).first { help.text(row: $0).contains("下一类") })
        let moveColumn = help.text(row: move).range(of: "下一类").map { help.text(row: move)[..<$0.lowerBound].displayWidth }!
        XCTAssertNotEqual(Array(roles(help, row: move))[moveColumn], "m", "what the clerk may do is not dimmed")
    }

    func testEachSectionKeepsItsOwnSelectionAndFilter() throws {
        desk.press(.down)
        let deputy = desk.page.list?.selectedID
        desk.press(.right, .right, .character("/"))
        desk.type("街道")
        desk.press(.enter)
        XCTAssertEqual(desk.page.list?.shownRowCount, 1)
        desk.press(.left, .left)
        XCTAssertEqual(desk.page.list?.selectedID, deputy)
        desk.press(.right, .right)
        XCTAssertEqual(desk.page.list?.query, "街道")
    }

    func testAFreshStationIsToldHowToAddDeputiesBeforeAVisitCanBeAnswered() throws {
        let store = try freshStation()
        try store.registerVisit(VisitDraft(resident: ResidentDraft(name: "王五", phone: "13800001111"), problem: "路灯坏了"),
                                session: DeskFixture.administrator)
        let fresh = DeskController(store: store, session: DeskFixture.administrator)
        let guidance = "还没有代表：用 liaison-desk import deputies 文件 导入，或在管理页按 a 添加"
        for key in ["c", "o", "v"] {
            fresh.press(.character(Character(key)))
            XCTAssertEqual(fresh.screen().text(row: 22), guidance, key)
            XCTAssertTrue(fresh.layers.isEmpty, "\(key) opens nothing that cannot be filled in")
        }
        // Referring names no deputy, so its form opens.
        fresh.press(.character("r"))
        XCTAssertTrue(fresh.layers.last is FormLayer)
    }

    func testAFormSavedAfterAnotherTerminalChangedTheRowKeepsWhatWasTyped() throws {
        desk.press(.enter)
        desk.press(.tab, .tab, .tab)
        desk.type("（新）")
        // Meanwhile, at the other terminal.
        let other = try LiaisonStore(database: Database(path: fixture.store.database.path), clock: fixture.clock)
        let li = try XCTUnwrap(other.rows(of: .deputies).first { $0.name == "李红" })
        var cells = li.cells
        cells["phone"] = "13900002222"
        try other.saveRow(.deputies, id: li.id, cells: cells, session: DeskFixture.administrator)
        desk.press(.control("s"))
        XCTAssertEqual(message, "保存失败：代表 李红刚在另一终端改过：按 Esc 关闭，重新打开再改（已填的都还在）")
        let layer = try XCTUnwrap(desk.layers.last as? FormLayer)
        XCTAssertEqual(layer.form.text("sector"), "教育（新）")
        XCTAssertEqual(try fixture.store.rows(of: .deputies).first { $0.name == "李红" }?.cells["phone"], "13900002222")
    }

    func testADeputiesScreenWithEveryDeputyDeactivatedSaysHowToBringThemBack() throws {
        for id in fixture.deputies.values { try fixture.store.setActive(.deputies, id: id, false, session: DeskFixture.administrator) }
        let deputies = DeskController(store: fixture.store, session: DeskFixture.administrator, start: .deputies)
        XCTAssertTrue(deputies.screen(columns: 120).text.contains("代表都已停用：在管理页选中后按 d 恢复，或导入新的名单"))
    }
}
