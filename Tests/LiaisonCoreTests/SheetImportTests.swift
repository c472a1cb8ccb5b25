import Foundation
import XCTest
@testable import LiaisonCore

/// Importing and exporting the station's lists as the sheets stations keep: every parser rule and
/// every refusal, all or nothing, re-imports that change nothing, and exports that read back exactly.
final class SheetImportTests: XCTestCase {
    private var fixture: StoreFixture!
    private var store: LiaisonStore { fixture.store }

    override func setUpWithError() throws {
        fixture = try StoreFixture()
    }

    private static let roster = """
        姓名,性别,级别,界别,选区,代表小组,联系电话,工作单位
        王建国,男,全国,企业,东城区代表团,第一小组,139 1000 0001,北京和平里建设集团有限公司
        李秀兰,女,市人大代表,教育,第五选区,第二小组,１３９１００００００２,和平里第一小学
        赵志刚,,区,"社区","第三选区","第一小组",010-8421 1234,"和平里街道办事处,社区建设科"
        钱丽,女,乡镇,,,,13910000004,
        """

    @discardableResult
    private func importing(_ list: DirectoryList, _ text: String, dryRun: Bool = false) throws -> ImportReport {
        try store.importSheet(list, bytes: Array(text.utf8), fileName: "名单.csv", dryRun: dryRun, session: .system)
    }

    /// Every list and the audit log, to see that a refused import wrote nothing anywhere.
    private var everything: String? {
        try? store.database.scalarString("""
            SELECT (SELECT group_concat(name || phone || level || workplace || active, '|') FROM deputies) || '#' ||
                   (SELECT coalesce(group_concat(name || role || phone || active, '|'), '') FROM legal_officers) || '#' ||
                   (SELECT group_concat(name || kind || contact || active, '|') FROM departments) || '#' ||
                   (SELECT group_concat(name || coalesce(default_department_id, '') || default_due_working_days || active, '|')
                    FROM categories) || '#' || (SELECT count(*) FROM audit_log)
            """)
    }

    private func refusal(_ list: DirectoryList, _ text: String, line: UInt = #line) -> String? {
        let before = everything
        XCTAssertNotNil(before, line: line)
        do {
            try importing(list, text)
            XCTFail("imported", line: line)
            return nil
        } catch {
            XCTAssertEqual(everything, before, "nothing written", line: line)
            return userMessage(for: error)
        }
    }

    func testARosterIsImportedWithLevelsGendersAndPhonesAsTheDeskStoresThem() throws {
        let report = try importing(.deputies, SheetImportTests.roster)
        XCTAssertEqual(report.summary, "新增 4 位，修改 0 位，未变 0 位")
        XCTAssertEqual(report.added.map(\.line), [2, 3, 4, 5])
        XCTAssertEqual(report.notInFile, 1, "the fixture's 张乾林 is not in the file and is left alone")
        let stored = Dictionary(uniqueKeysWithValues: try store.deputyRecords().map { ($0.draft.name, $0.draft) })
        XCTAssertEqual(stored["王建国"], DeputyDraft(name: "王建国", level: .national, gender: .male, sector: "企业", constituency: "东城区代表团",
                                                     group: "第一小组", phone: "13910000001", workplace: "北京和平里建设集团有限公司"))
        XCTAssertEqual(stored["李秀兰"]?.level, .city)
        XCTAssertEqual(stored["李秀兰"]?.phone, "13910000002", "full-width digits")
        XCTAssertEqual(stored["赵志刚"]?.gender, .unknown)
        XCTAssertEqual(stored["赵志刚"]?.phone, "010-84211234")
        XCTAssertEqual(stored["赵志刚"]?.workplace, "和平里街道办事处,社区建设科", "a quoted comma")
        XCTAssertEqual(stored["钱丽"]?.level, .township)
        XCTAssertEqual(try store.deputies().first { $0.name == "钱丽" }?.nameInitials, "ql", "searchable by initials")
        XCTAssertEqual(try store.database.scalarString("SELECT detail FROM audit_log WHERE action = 'import.deputies'"),
                       "新增 4 位，修改 0 位，未变 0 位；编码 UTF-8")
    }

    func testLevelsAreReadInTheFormsRostersWrite() {
        let forms: [(String, DeputyLevel?)] = [
            ("全国", .national), ("全国人大代表", .national), ("全国人民代表大会代表", .national), ("省", .provincial),
            ("省级", .provincial), ("浙江省人大代表", .provincial), ("市", .city), ("市人大代表", .city), ("县", .county),
            ("区", .county), ("县级", .county), ("区人大代表", .county), ("东城区人大代表", .county), ("乡镇", .township),
            ("镇人大代表", .township), ("乡", .township), ("处级", nil), ("", nil), ("科长", nil),
        ]
        for (text, level) in forms { XCTAssertEqual(DeputyLevel(written: text), level, text) }
        XCTAssertEqual(Gender(written: "女性"), .female)
        XCTAssertNil(Gender(written: "未知"))
        XCTAssertEqual(LegalOfficerRole(written: "民警"), .police)
        XCTAssertEqual(DepartmentKind(written: "公用事业单位"), .utility)
        XCTAssertEqual(DepartmentKind.guess(fromName: "区住建委"), .bureau)
        XCTAssertEqual(DepartmentKind.guess(fromName: "东城区人民法院"), .court)
        XCTAssertEqual(DepartmentKind.guess(fromName: "供电公司"), .utility)
        XCTAssertEqual(DepartmentKind.guess(fromName: "和平里街道办事处"), .street)
    }

    func testColumnsComeInAnyOrderUnderTheirOtherNamesAndUnknownOnesAreNamed() throws {
        let report = try importing(.deputies, """
            序号,手机,代表姓名,备注,级别
            1,13910000009,孙海,换届新任,区
            """)
        XCTAssertEqual(report.ignoredColumns, ["序号", "备注"])
        let sun = try XCTUnwrap(store.deputyRecords().first { $0.draft.name == "孙海" })
        XCTAssertEqual(sun.draft.phone, "13910000009")
        XCTAssertEqual(sun.draft.level, .county)
    }

    func testATitleAboveTheHeaderIsPassedOver() throws {
        // As Excel saves a sheet with a merged title row and a date line above the header.
        let report = try importing(.deputies, "和平里街道人大代表名单,,,\n制表日期：2026年11月,,,\n姓名,级别,联系电话,备注\n孙海,区,13910000009,\n")
        XCTAssertEqual(report.added, [ImportReport.Line(line: 4, name: "孙海", changes: [])])
        XCTAssertEqual(report.ignoredColumns, ["备注"], "the title rows are not columns")
    }

    func testReimportingTheSameFileChangesNothingAndAChangedOneIsListed() throws {
        try importing(.deputies, SheetImportTests.roster)
        let again = try importing(.deputies, SheetImportTests.roster)
        XCTAssertEqual(again.summary, "新增 0 位，修改 0 位，未变 4 位")
        let changed = SheetImportTests.roster.replacingOccurrences(of: "钱丽,女,乡镇,,,,13910000004,", with: "钱丽,女,区,,,,13910000004,和平里医院")
        let report = try importing(.deputies, changed)
        XCTAssertEqual(report.changed, [ImportReport.Line(line: 5, name: "钱丽", changes: ["级别 乡镇 → 县区", "工作单位 （空） → 和平里医院"])])
        XCTAssertEqual(try store.deputyRecords().first { $0.draft.name == "钱丽" }?.draft.level, .county)
        // A deputy deactivated at the end of a term and named again comes back.
        let qian = try XCTUnwrap(store.deputyRecords().first { $0.draft.name == "钱丽" })
        try store.setActive(.deputies, id: qian.id, false, session: .system)
        XCTAssertEqual(try importing(.deputies, changed).changed.first?.changes, ["恢复在用"])
        XCTAssertTrue(try store.deputyRecords().first { $0.id == qian.id }?.active ?? false)
        // Columns the file lacks are left as stored.
        try importing(.deputies, "姓名,级别,联系电话\n钱丽,区,13910000004\n")
        XCTAssertEqual(try store.deputyRecords().first { $0.id == qian.id }?.draft.workplace, "和平里医院")
    }

    func testADryRunSaysWhatWouldHappenAndWritesNothing() throws {
        let report = try importing(.deputies, SheetImportTests.roster, dryRun: true)
        XCTAssertTrue(report.dryRun)
        XCTAssertEqual(report.added.map(\.name), ["王建国", "李秀兰", "赵志刚", "钱丽"])
        XCTAssertEqual(try store.deputies().count, 1)
        XCTAssertNil(try store.database.scalarString("SELECT action FROM audit_log WHERE action LIKE 'import%'"))
    }

    func testTheFirstBadRowRefusesTheWholeFileSayingWhereAndWhy() throws {
        let header = "姓名,性别,级别,界别,选区,代表小组,联系电话,工作单位\n"
        let good = "王建国,男,全国,企业,东城区代表团,第一小组,13910000001,\n"
        let cases: [(String, String)] = [
            (header + good + "李四,男,处级,,,,13910000002,\n", "第 3 行「级别」：不认识的级别「处级」（应为 全国、省、市、县区（县或区）、乡镇）"),
            (header + good + "李四,男,,,,,13910000002,\n", "第 3 行「级别」：必填（全国、省、市、县区（县或区）、乡镇）"),
            (header + good + "李四,男性别,区,,,,13910000002,\n", "第 3 行「性别」：不认识的性别「男性别」（应为 男 或 女）"),
            (header + good + "李四,男,区,,,,1391000,\n", "第 3 行「联系电话」：电话号码不对：手机号应为 11 位，这里是 7 位"),
            (header + good + ",男,区,,,,13910000003,\n", "第 3 行「姓名」：必填"),
            (header + good + "李四,男,区,,,13910000002,\n", "第 3 行：有 7 列，表头有 8 列（单元格里的逗号要用引号括起来）"),
            (header + good + "王建国,男,市,,,,139 1000 0001,\n", "第 3 行：与第 2 行重复（同名同电话：王建国）"),
            ("性别,级别\n男,区\n", "第 1 行：表头缺少「姓名」（第一行应是表头，如 姓名,性别,级别,界别,选区,代表小组,联系电话,工作单位）"),
            ("姓名,级别,姓名\n张三,区,张三\n", "第 1 行：表头有两列「姓名」"),
            ("姓名\t级别\n张三\t区\n", "第 1 行：各列用制表符分隔，不是逗号分隔的 CSV：请另存为 CSV（逗号分隔）"),
            (header, "只有表头，没有要导入的行"),
            ("", "文件是空的"),
            (header + "\"王建国,男,全国\n", "第 2 行：引号没有配对（从这一行开始的引号到文件末尾都没有结束）"),
        ]
        for (text, message) in cases { XCTAssertEqual(refusal(.deputies, text), message) }
        XCTAssertEqual(try store.deputies().map(\.name), ["张乾林"])
        XCTAssertNil(try store.database.scalarString("SELECT action FROM audit_log WHERE action LIKE 'import%'"))
    }

    func testDepartmentsCategoriesAndLegalOfficers() throws {
        let departments = try importing(.departments, """
            名称,类型,联系人,电话
            区城管委,,市容科 王科长,010-84000001
            东城区人民法院,法院,立案庭,
            热力公司,公用事业单位,客服部,
            区住建局,,城建科,
            """)
        XCTAssertEqual(departments.summary, "新增 3 个，修改 1 个，未变 0 个")
        XCTAssertEqual(departments.changed.first?.changes, ["联系人 （空） → 城建科"])
        let kinds = Dictionary(uniqueKeysWithValues: try store.departmentRecords().map { ($0.draft.name, $0.draft.kind) })
        XCTAssertEqual(kinds["区城管委"], .bureau, "a blank type is what the name shows")
        XCTAssertEqual(kinds["东城区人民法院"], .court)
        XCTAssertEqual(refusal(.departments, "名称,类型\n区水务局,水务\n"),
                       "第 2 行「类型」：不认识的类型「水务」（应为 政府部门、法院、检察院、监委、街道、社区、公用事业单位、其他，或空着按名称判断）")

        let categories = try importing(.categories, """
            名称,默认承办单位,办理时限（工作日）
            市容环境,区城管委,10天
            加装电梯,区住建局,15
            供暖,热力公司,５
            """)
        XCTAssertEqual(categories.summary, "新增 2 个，修改 1 个，未变 0 个")
        let stored = Dictionary(uniqueKeysWithValues: try store.categories().map { ($0.name, $0) })
        XCTAssertEqual(stored["市容环境"]?.dueWorkingDays, 10)
        XCTAssertEqual(stored["供暖"]?.dueWorkingDays, 5)
        XCTAssertEqual(stored["加装电梯"]?.dueWorkingDays, 15)
        XCTAssertEqual(try store.categories().last?.name, CatchAllCategory.name, "imported ones come before 其他")
        XCTAssertEqual(refusal(.categories, "名称,默认承办单位\n消防,区消防支队\n"),
                       "第 2 行「默认承办单位」：没有承办单位「区消防支队」（先导入或添加这个承办单位）")
        XCTAssertEqual(refusal(.categories, "名称,办理时限\n消防,十天\n"), "第 2 行「办理时限」：「十天」不是工作日天数（应为整数，如 10）")
        XCTAssertEqual(refusal(.categories, "名称,办理时限\n消防,0\n"), "第 2 行「办理时限」：应为 1 到 365 个工作日")

        let officers = try importing(.legalOfficers, """
            姓名,身份,单位,电话
            周敏,法官,东城区人民法院,
            吴刚,民警,和平里派出所,13700000001
            """)
        XCTAssertEqual(officers.summary, "新增 2 位，修改 0 位，未变 0 位")
        XCTAssertEqual(try store.legalOfficerRecords().map(\.draft.role), [.judge, .police])
        XCTAssertEqual(refusal(.legalOfficers, "姓名,身份\n郑律,律所\n"), "第 2 行「身份」：不认识的身份「律所」（应为 法官、检察官、警官、律师）")
    }

    func testGB18030AndAByteOrderMarkImportTheSame() throws {
        let gb = try store.importSheet(.deputies, bytes: SheetTextTests.gb18030(SheetImportTests.roster), fileName: "roster.csv",
                                       session: .system)
        XCTAssertEqual(gb.encoding, .gb18030)
        XCTAssertEqual(gb.added.count, 4)
        let marked = try store.importSheet(.deputies, bytes: SheetText.byteOrderMark + Array(SheetImportTests.roster.utf8),
                                           fileName: "roster.csv", session: .system)
        XCTAssertEqual(marked.encoding, .utf8WithBOM)
        XCTAssertEqual(marked.summary, "新增 0 位，修改 0 位，未变 4 位", "the same rows, whatever the encoding")
    }

    func testAnExportReadsBackExactlyIntoAnotherStation() throws {
        try importing(.deputies, SheetImportTests.roster)
        try importing(.legalOfficers, "姓名,身份,单位,电话\n周敏,法官,东城区人民法院,\n")
        var exported: [DirectoryList: [UInt8]] = [:]
        for list in DirectoryList.allCases {
            try store.exportSheet(list, fileName: "\(list.rawValue).csv", session: .system) { exported[list] = $0 }
        }
        let deputies = try XCTUnwrap(exported[.deputies])
        XCTAssertEqual(Array(deputies.prefix(3)), SheetText.byteOrderMark, "Excel opens it in Chinese")
        let text = String(decoding: deputies.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("姓名,性别,级别,界别,选区,代表小组,联系电话,工作单位\r\n"), text)
        XCTAssertTrue(text.contains("赵志刚,,县区,社区,第三选区,第一小组,010-84211234,\"和平里街道办事处,社区建设科\"\r\n"), text)
        XCTAssertEqual(try store.database.scalarString("SELECT detail FROM audit_log WHERE action = 'export.deputies'"), "5 位代表")

        // Into a new station, departments before the categories that name them.
        let other = TemporaryDirectory()
        let second = try LiaisonStore.initialize(database: Database(path: other.path("b.sqlite"), mode: .create),
                                                 station: StationDraft(name: "乙站"))
        for list in [DirectoryList.departments, .categories, .legalOfficers, .deputies] {
            let bytes = try XCTUnwrap(exported[list])
            _ = try second.importSheet(list, bytes: bytes, fileName: "x.csv", session: .system)
            var again: [UInt8] = []
            try second.exportSheet(list, fileName: "y.csv", session: .system) { again = $0 }
            XCTAssertEqual(String(decoding: again, as: UTF8.self), String(decoding: bytes, as: UTF8.self), list.label)
            // And the same file once more changes nothing.
            let report = try second.importSheet(list, bytes: bytes, fileName: "x.csv", session: .system)
            XCTAssertTrue(report.added.isEmpty && report.changed.isEmpty, list.label)
        }
    }

    func testOnlyAnAdministratorImportsOrExports() {
        let clerk = Session(name: "小李", role: .clerk)
        XCTAssertThrowsError(try store.importSheet(.deputies, bytes: Array(SheetImportTests.roster.utf8), fileName: "a.csv", session: clerk))
        XCTAssertThrowsError(try store.exportSheet(.deputies, fileName: "a.csv", session: clerk) { _ in XCTFail("delivered") })
    }

    func testAFailedDeliveryLeavesNoAuditOfTheExport() throws {
        struct DiskFull: Error {}
        XCTAssertThrowsError(try store.exportSheet(.deputies, fileName: "a.csv", session: .system) { _ in throw DiskFull() })
        XCTAssertNil(try store.database.scalarString("SELECT action FROM audit_log WHERE action LIKE 'export%'"))
    }

    func testAFailureWhileWritingUndoesTheRowsBeforeIt() throws {
        // A row the checks let through but the database refuses (as a full disk would), after two good ones.
        try store.database.execute("""
            CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON deputies WHEN NEW.name = '孙海'
            BEGIN SELECT RAISE(ABORT, 'disk full'); END
            """)
        XCTAssertEqual(refusal(.deputies, "姓名,级别\n王一,区\n李二,区\n孙海,区\n")?.hasPrefix("第 4 行："), true)
        XCTAssertEqual(try store.deputies().map(\.name), ["张乾林"], "the first two rows were taken back")
    }

    func testSameNameWithAnotherPhoneIsAddedAndPointedOut() throws {
        try importing(.deputies, SheetImportTests.roster)
        let report = try importing(.deputies, "姓名,级别,联系电话\n王建国,全国,13910009999\n", dryRun: true)
        XCTAssertEqual(report.added.map(\.name), ["王建国"])
        XCTAssertEqual(report.sameName, [ImportReport.Line(line: 2, name: "王建国", changes: ["13910000001"])])
    }

    func testTheLevelsTheRefusalOffersAreRead() {
        for text in ["县（区）", "县(区)", "县（区）人大代表", "县级市人大代表", "区级"] { XCTAssertEqual(DeputyLevel(written: text), .county, text) }
    }

    func testTwoNamesForTheSameColumnTakeThePreferredOne() throws {
        let report = try importing(.deputies, "姓名,级别,电话,手机\n孙海,区,010-84210000,13910000009\n")
        XCTAssertEqual(report.ignoredColumns, ["电话（用了「手机」）"])
        XCTAssertEqual(try store.deputyRecords().first { $0.draft.name == "孙海" }?.draft.phone, "13910000009")
    }

    func testADepartmentsHotlinesAndExtensionsAreItsPhonesAndReadBack() throws {
        try importing(.departments, """
            名称,类型,联系人,电话
            区供电公司,公用事业单位,,95598
            区政务服务中心,政府部门,,12345
            区燃气集团,公用事业单位,,400-810-8888
            区住建局二科,政府部门,,010-64012345转801
            区水务局,政府部门,,010-64012346-802
            """)
        let phones = try store.rows(of: .departments, .all).map { "\($0.name) \($0.cells["phone"] ?? "")" }
        XCTAssertEqual(Set(phones), ["区住建局 ", "区供电公司 95598", "区政务服务中心 12345", "区燃气集团 400-810-8888",
                                     "区住建局二科 010-64012345转801", "区水务局 010-64012346转802"])
        var exported = [UInt8]()
        try store.exportSheet(.departments, fileName: "d.csv", session: .system) { exported = $0 }
        XCTAssertEqual(try store.importSheet(.departments, bytes: exported, fileName: "d.csv", session: .system).summary,
                       "新增 0 个，修改 0 个，未变 6 个", "an office's numbers read back as they were written")
        // A resident's or a deputy's phone is still a person's: a hotline is no deputy's number.
        XCTAssertNotNil(refusal(.deputies, "姓名,级别,联系电话\n孙海,区,12345\n"))
    }

    func testARefusalNamesTheColumnAsTheFileHeadsItAndACommitteeIsABureau() throws {
        XCTAssertEqual(refusal(.deputies, "姓名,级别,手机\n孙海,区,1391000\n"), "第 2 行「手机」：电话号码不对：手机号应为 11 位，这里是 7 位")
        try importing(.departments, "名称\n东城区城市管理委员会\n和平里居委会\n")
        XCTAssertEqual(Set(try store.departmentRecords().map { "\($0.draft.name) \($0.draft.kind.label)" }),
                       ["区住建局 政府部门", "东城区城市管理委员会 政府部门", "和平里居委会 社区"])
    }

    func testALongChangedValueShowsItsStart() throws {
        try importing(.deputies, SheetImportTests.roster)
        let longer = SheetImportTests.roster.replacingOccurrences(of: "钱丽,女,乡镇,,,,13910000004,", with: "钱丽,女,乡镇,,,,13910000004,北京市东城区和平里街道社区卫生服务中心")
        XCTAssertEqual(try importing(.deputies, longer).changed.first?.changes, ["工作单位 （空） → 北京市东城区和平里街道社区卫…"],
                       "not only the column's name")
    }

    func testAMobileExportedForExcelReadsBack() throws {
        try importing(.deputies, "姓名,级别,联系电话\n孙海,区,=\"13910000009\"\n")
        XCTAssertEqual(try store.deputyRecords().first { $0.draft.name == "孙海" }?.draft.phone, "13910000009")
        var exported = ""
        try store.exportSheet(.deputies, fileName: "a.csv", session: .system) { exported = String(decoding: $0, as: UTF8.self) }
        XCTAssertTrue(exported.contains("孙海,,县区,,,,\"=\"\"13910000009\"\"\",\r\n"), exported)
    }

    func testAnExportIsWrittenWithNothingLockedAndAuditedOnlyOncePublished() throws {
        let other = try Database(path: store.database.path)
        try store.exportSheet(.deputies, fileName: "slow.csv", session: .system, write: { _ in
            // A reader as slow as a pager: another terminal still saves meanwhile.
            try other.write { try other.execute("INSERT INTO settings(key, value) VALUES ('export_test', '1')") }
        })
        struct LinkFailed: Error {}
        XCTAssertThrowsError(try store.exportSheet(.deputies, fileName: "usb.csv", session: .system, write: { _ in },
                                                   publish: { throw LinkFailed() }))
        XCTAssertEqual(try store.database.fetchAll("SELECT subject FROM audit_log WHERE action = 'export.deputies'") { $0.string(0) },
                       ["slow.csv"])
    }
}
