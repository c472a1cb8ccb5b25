import Foundation
import XCTest
@testable import LiaisonCore

/// The lists an administrator keeps, the station's settings, and a new station as `init` makes it.
final class StationDirectoryTests: XCTestCase {
    func testANewStationHasTheDefaultCategoriesWithOtherLast() throws {
        let directory = TemporaryDirectory()
        let store = try LiaisonStore.initialize(database: Database(path: directory.path("new.sqlite"), mode: .create),
                                                station: StationDraft(name: "新站", kind: .point, receptionRule: nil),
                                                categories: LiaisonStore.defaultCategories())
        let names = try store.categories().map(\.name)
        XCTAssertEqual(names.count, 13)
        XCTAssertEqual(names.first, "供暖")
        XCTAssertEqual(names.last, CatchAllCategory.name)
        XCTAssertEqual(try store.categories().first { $0.name == "噪声扰民" }?.dueWorkingDays, 5)
        XCTAssertEqual(store.station.kind, .point)
        XCTAssertNil(store.station.receptionRule)
        // A category added later still comes before 其他.
        try store.createCategory(CategoryDraft(name: "消防安全"), session: .system)
        XCTAssertEqual(try store.categories().suffix(2).map(\.name), ["消防安全", "其他"])
    }

    func testOtherAlwaysExistsAndCannotBeRenamedOrDeactivated() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        // Every file has it, a file made before it existed included (migration 4).
        let other = try XCTUnwrap(store.categoryRecords().first { $0.draft.name == CatchAllCategory.name })
        XCTAssertThrowsError(try store.setActive(.categories, id: other.id, false, session: .system)) {
            XCTAssertEqual(userMessage(for: $0), "「其他」类别总要有，不能停用")
        }
        var renamed = other.draft
        renamed.name = "杂项"
        XCTAssertThrowsError(try store.updateCategory(id: other.id, renamed, session: .system)) {
            XCTAssertEqual($0 as? InvalidField, InvalidField("name", "「其他」类别总要有，不能改名"))
        }
        var longer = other.draft
        longer.dueWorkingDays = 15
        try store.updateCategory(id: other.id, longer, session: .system)
        XCTAssertEqual(try store.categories().last?.dueWorkingDays, 15, "its time limit may change")
    }

    func testADeputyIsEditedAndDeactivatedNeverDeleted() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        var draft = DeputyDraft(name: " 曾庆华 ", level: .city, gender: .male, sector: "教育", phone: "139 1111 2222")
        let id = try store.createDeputy(draft, session: .system)
        let stored = try XCTUnwrap(store.deputyRecords().first { $0.id == id })
        XCTAssertEqual(stored.draft.name, "曾庆华", "trimmed")
        XCTAssertEqual(stored.draft.phone, "13911112222", "stored as a phone")
        XCTAssertEqual(try store.deputies().first { $0.id == id }?.nameInitials, "zqh cqh", "found by either reading")
        draft.level = .provincial
        draft.name = "曾庆华"
        try store.updateDeputy(id: id, draft, session: .system)
        XCTAssertEqual(try store.deputyRecords().first { $0.id == id }?.draft.level, .provincial)
        try store.setActive(.deputies, id: id, false, session: .system)
        XCTAssertFalse(try store.deputies().contains { $0.id == id }, "gone from the lists the desk offers")
        XCTAssertEqual(try store.deputyRecords().last?.id, id, "kept, listed after the active ones")
        try store.setActive(.deputies, id: id, true, session: .system)
        XCTAssertTrue(try store.deputies().contains { $0.id == id })
    }

    func testDuplicatesAreRefusedBesideTheName() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try store.createDeputy(DeputyDraft(name: "王伟", level: .county, phone: "13800000001"), session: .system)
        // Two people of one name are told apart by their phones.
        let other = try store.createDeputy(DeputyDraft(name: "王伟", level: .township, phone: "13800000002"), session: .system)
        XCTAssertThrowsError(try store.createDeputy(DeputyDraft(name: "王伟", level: .city, phone: "138-0000-0001"), session: .system)) {
            XCTAssertEqual($0 as? InvalidField, InvalidField("name", "已有同名同电话的代表 王伟"))
        }
        XCTAssertThrowsError(try store.updateDeputy(id: other, DeputyDraft(name: "王伟", level: .city, phone: "13800000001"),
                                                    session: .system)) { XCTAssertEqual(($0 as? InvalidField)?.field, "name") }
        try store.createDeputy(DeputyDraft(name: "李娜", level: .county), session: .system)
        XCTAssertThrowsError(try store.createDeputy(DeputyDraft(name: "李娜", level: .county), session: .system)) {
            XCTAssertEqual(userMessage(for: $0), "已有同名同电话的代表 李娜（都没有电话，请填电话以区分）")
        }
        XCTAssertThrowsError(try store.createDepartment(DepartmentDraft(name: " 区住建局", kind: .bureau), session: .system)) {
            XCTAssertEqual($0 as? InvalidField, InvalidField("name", "已有承办单位「区住建局」"))
        }
        XCTAssertThrowsError(try store.createCategory(CategoryDraft(name: "加装电梯"), session: .system)) {
            XCTAssertEqual($0 as? InvalidField, InvalidField("name", "已有类别「加装电梯」"))
        }
        try store.createLegalOfficer(LegalOfficerDraft(name: "周敏", role: .judge, phone: "010-84210000"), session: .system)
        XCTAssertThrowsError(try store.createLegalOfficer(LegalOfficerDraft(name: "周敏", role: .lawyer, phone: "01084210000"),
                                                          session: .system)) {
            XCTAssertEqual($0 as? InvalidField, InvalidField("name", "已有同名同电话的律师 周敏"))
        }
    }

    func testBadValuesNameTheirField() throws {
        let store = try StoreFixture().store
        let refusals: [(() throws -> Void, InvalidField)] = [
            ({ try store.createDeputy(DeputyDraft(name: "  ", level: .city), session: .system) }, InvalidField("name", "必填")),
            ({ try store.createDeputy(DeputyDraft(name: "张三", level: .city, phone: "1381234"), session: .system) },
             InvalidField("phone", "电话号码不对：手机号应为 11 位，这里是 7 位")),
            ({ try store.createDeputy(DeputyDraft(name: String(repeating: "长", count: 21), level: .city), session: .system) },
             InvalidField("name", "太长（最多 20 个字）")),
            ({ try store.createCategory(CategoryDraft(name: "消防", dueWorkingDays: 0), session: .system) },
             InvalidField("days", "应为 1 到 365 个工作日")),
            ({ try store.createCategory(CategoryDraft(name: "消防", defaultDepartmentID: 999), session: .system) },
             InvalidField("department", "没有这个承办单位")),
            ({ try store.createDepartment(DepartmentDraft(name: "区水务局", kind: .bureau, phone: "12"), session: .system) },
             InvalidField("phone", "电话号码不对：手机号应为 11 位，这里是 2 位")),
        ]
        for (attempt, expected) in refusals {
            XCTAssertThrowsError(try attempt()) { XCTAssertEqual($0 as? InvalidField, expected) }
        }
        XCTAssertThrowsError(try store.createDeputy(DeputyDraft(name: "张三", level: .city), session: Session(name: "小李", role: .clerk))) {
            XCTAssertEqual(userMessage(for: $0), "工作人员不能维护名录和设置：须由管理员操作")
        }
    }

    func testSettingsAreSavedCheckedAndAudited() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        var settings = try store.settings()
        XCTAssertEqual(settings.quotas[.county], AnnualQuota(receptionDays: 2, householdVisits: 10, contacts: 5))
        XCTAssertEqual(settings.quotas[.township]?.contacts, 3)
        XCTAssertEqual(settings.quotas[.city]?.contacts, 0)
        XCTAssertEqual(settings.idleLockMinutes, StationSettings.defaultIdleLockMinutes)
        XCTAssertEqual(settings.receptionDay, 15)
        settings.name = "和平里街道人大代表联络站"
        settings.receptionDay = 20
        settings.tie = .later
        settings.areaCode = "0571"
        settings.quotas[.township] = AnnualQuota(receptionDays: 4, householdVisits: 12)
        settings.idleLockMinutes = 5
        try store.updateSettings(settings, session: .system)
        XCTAssertEqual(try store.settings(), settings)
        XCTAssertEqual(store.station.name, "和平里街道人大代表联络站", "the store sees the new name at once")
        XCTAssertEqual(store.station.receptionRule, ReceptionDayRule(dayOfMonth: 20, tie: .later))
        XCTAssertEqual(try store.annualQuota(for: .township), AnnualQuota(receptionDays: 4, householdVisits: 12))
        XCTAssertEqual(try store.annualQuota(for: .county), AnnualQuota.standard(for: .county))
        XCTAssertEqual(store.areaCode, "0571")
        XCTAssertEqual(try store.database.scalarString("SELECT detail FROM audit_log WHERE action = 'settings.update'"),
                       "名称、接待日、区号、年度要求、自动锁定")

        var bad = settings
        bad.receptionDay = 32
        XCTAssertThrowsError(try store.updateSettings(bad, session: .system)) {
            XCTAssertEqual($0 as? InvalidField, InvalidField("receptionDay", "应为 1 到 31 号"))
        }
        bad = settings
        bad.quotas[.city] = AnnualQuota(receptionDays: -1, householdVisits: 10)
        XCTAssertThrowsError(try store.updateSettings(bad, session: .system)) {
            XCTAssertEqual(($0 as? InvalidField)?.field, "quota.city.reception")
        }
        bad = settings
        bad.idleLockMinutes = 0
        XCTAssertThrowsError(try store.updateSettings(bad, session: .system)) {
            XCTAssertEqual(($0 as? InvalidField)?.field, "idleLockMinutes")
        }
        XCTAssertEqual(try store.settings(), settings, "nothing of a refused save was written")
        // No fixed reception day, and no area code of its own: a local number takes the station phone's.
        settings.receptionDay = nil
        settings.areaCode = ""
        settings.phone = "0571-87001234"
        try store.updateSettings(settings, session: .system)
        XCTAssertNil(store.station.receptionRule)
        XCTAssertEqual(store.areaCode, "0571")
    }

    func testTwoTerminalsDoNotUndoEachOthersSettings() throws {
        let fixture = try StoreFixture()
        let first = fixture.store
        let second = try LiaisonStore(database: Database(path: first.database.path), clock: fixture.clock)
        // Both open the settings form.
        let seenByFirst = try first.settings(), seenBySecond = try second.settings()
        var renamed = seenByFirst
        renamed.name = "甲站"
        try first.updateSettings(renamed, expected: seenByFirst, session: .system)
        var stricter = seenBySecond
        stricter.quotas[.national] = AnnualQuota(receptionDays: 5, householdVisits: 10)
        XCTAssertThrowsError(try second.updateSettings(stricter, expected: seenBySecond, session: .system)) {
            XCTAssertEqual($0 as? DomainError, .changedOnAnotherTerminal("本站设置"))
        }
        XCTAssertEqual(try second.settings().name, "甲站", "the other terminal's change stands")
        // Opened again, the second terminal's change goes in over the first's, and the log says what changed.
        var again = try second.settings()
        again.quotas[.national] = AnnualQuota(receptionDays: 5, householdVisits: 10)
        try second.updateSettings(again, expected: try second.settings(), session: .system)
        XCTAssertEqual(try first.settings().name, "甲站")
        XCTAssertEqual(try first.annualQuota(for: .national).receptionDays, 5)
        XCTAssertEqual(try first.database.fetchAll("SELECT detail FROM audit_log WHERE action = 'settings.update' ORDER BY id") { $0.string(0) },
                       ["名称", "年度要求"])
    }

    func testTwoTerminalsDoNotUndoEachOthersRowEdits() throws {
        let fixture = try StoreFixture()
        let first = fixture.store
        let second = try LiaisonStore(database: Database(path: first.database.path), clock: fixture.clock)
        let opened = try XCTUnwrap(first.rows(of: .deputies).first)
        var phone = opened.cells
        phone["phone"] = "13900002222"
        try first.saveRow(.deputies, id: opened.id, cells: phone, expected: opened, session: .system)
        var workplace = opened.cells
        workplace["workplace"] = "和平里医院"
        XCTAssertThrowsError(try second.saveRow(.deputies, id: opened.id, cells: workplace, expected: opened, session: .system)) {
            XCTAssertEqual(userMessage(for: $0), "代表 张乾林刚在另一终端改过：按 Esc 关闭，重新打开再改")
        }
        XCTAssertEqual(try first.rows(of: .deputies).first?.cells["phone"], "13900002222", "the first change stands")
        let reopened = try XCTUnwrap(first.rows(of: .deputies).first)
        try second.setActive(.deputies, id: opened.id, false, session: .system)
        XCTAssertThrowsError(try first.saveRow(.deputies, id: opened.id, cells: reopened.cells, expected: reopened, session: .system),
                             "deactivated meanwhile is a change too")
    }

    func testEditsOfTheListsAreAuditedAndAnImportOnceForItsFile() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let id = try store.saveRow(.departments, id: nil, cells: ["name": "区水务局", "kind": "政府部门"], session: .system)
        try store.saveRow(.departments, id: id, cells: ["contact": "水务科"], session: .system)
        try store.setActive(.departments, id: id, false, session: .system)
        try store.setActive(.departments, id: id, true, session: .system)
        _ = try store.importSheet(.departments, bytes: Array("名称\n区城管委\n区园林局\n".utf8), fileName: "d.csv", session: .system)
        XCTAssertEqual(try store.database.fetchAll("SELECT action, subject FROM audit_log WHERE action LIKE 'departments.%' OR action LIKE 'import%' ORDER BY id") {
            "\($0.string(0)) \($0.string(1))"
        }, ["departments.create 区住建局", "departments.create 区水务局", "departments.update 区水务局", "departments.deactivate 区水务局", "departments.restore 区水务局",
            "import.departments d.csv"])
        XCTAssertEqual(try store.database.scalarString("SELECT detail FROM audit_log WHERE action = 'departments.update'"), "联系人 （空） → 水务科",
                       "an edit at the desk says what it changed")
    }

    func testADeactivatedDeputyOrDepartmentGetsNoWork() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try store.setActive(.departments, id: fixture.departmentID, false, session: .system)
        let record = try fixture.openedCase()
        XCTAssertThrowsError(try store.dispatch(caseID: record.id, departmentID: fixture.departmentID, due: .workingDays(10), session: fixture.supervisor)) {
            XCTAssertEqual(userMessage(for: $0), "承办单位 区住建局 已停用，请另选")
        }
        try store.setActive(.deputies, id: fixture.deputyID, false, session: .system)
        let visit = try fixture.walkIn(phone: "13800000009")
        XCTAssertThrowsError(try store.handToDeputy(visitID: visit.id, deputyID: fixture.deputyID, session: fixture.clerk)) {
            XCTAssertEqual(userMessage(for: $0), "代表 张乾林 已停用，请另选")
        }
        XCTAssertThrowsError(try fixture.openedCase(problem: "另一件事"), "nor is a case put in a deactivated deputy's hands")
    }

    func testEveryFieldIsOneLineAndANameHasNoPadding() throws {
        let store = try StoreFixture().store
        let id = try store.createDeputy(DeputyDraft(name: "王　五", level: .city, workplace: "和平里医院\n内科主任"), session: .system)
        let stored = try XCTUnwrap(store.deputyRecords(.one(id)).first)
        XCTAssertEqual(stored.draft.name, "王五", "the full-width space a roster pads two-character names with")
        XCTAssertEqual(stored.draft.workplace, "和平里医院 内科主任")
        XCTAssertEqual(stored.initials, "ww")
        XCTAssertThrowsError(try store.createDeputy(DeputyDraft(name: "王 五", level: .city), session: .system), "the same person")
    }

    func testAStationNameIsCheckedAsTheSettingsCheckIt() {
        let directory = TemporaryDirectory()
        XCTAssertThrowsError(try LiaisonStore.initialize(database: Database(path: directory.path("a.sqlite"), mode: .create),
                                                         station: StationDraft(name: String(repeating: "长", count: 41)))) {
            XCTAssertEqual(userMessage(for: $0), "联络站名称太长（最多 40 个字）")
        }
    }

    func testLegalOfficersAndDepartmentsAreListedInTheStationsOrderNotByTheirCodes() throws {
        let store = try StoreFixture().store
        for (name, role) in [("孙律师", LegalOfficerRole.lawyer), ("李警官", .police), ("赵检察官", .prosecutor), ("钱法官", .judge)] {
            try store.createLegalOfficer(LegalOfficerDraft(name: name, role: role, organization: ""), session: .system)
        }
        XCTAssertEqual(try store.legalOfficerRecords().map(\.draft.role.label), ["法官", "检察官", "警官", "律师"])
        try store.createDepartment(DepartmentDraft(name: "区法院", kind: .court), session: .system)
        try store.createDepartment(DepartmentDraft(name: "某物业", kind: .other), session: .system)
        try store.createDepartment(DepartmentDraft(name: "区供电公司", kind: .utility), session: .system)
        XCTAssertEqual(try store.departmentRecords().map(\.draft.kind.label), ["政府部门", "法院", "公用事业单位", "其他"])
    }

    func testAnAreaCodeTypedInFullWidthDigitsIsSaved() throws {
        let store = try StoreFixture().store
        var settings = try store.settings()
        settings.areaCode = "０１０"
        try store.updateSettings(settings, session: .system)
        XCTAssertEqual(try store.settings().areaCode, "010")
    }
}
