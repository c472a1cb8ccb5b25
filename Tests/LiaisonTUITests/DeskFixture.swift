import Foundation
import XCTest
import LiaisonCore
@testable import LiaisonTUI

/// A small station built by the test itself, so every figure on a snapshot comes from here: Monday
/// 2026-11-16 at 10:30, a reception day; three deputies, a lawyer on duty, three departments, four
/// residents in today's queue and a case in every group of the board.
final class DeskFixture {
    static let now = LocalTime(day: Day(iso: "2026-11-16")!, hour: 10, minute: 30)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-fixture-\(UUID().uuidString)")
    let clock = ManualClock(DeskFixture.now)
    let store: LiaisonStore
    let clerk = Session(name: "前台小李", role: .clerk)
    /// The supervising office, which moves cases on along the board.
    let supervisor = Session(name: "督办老周", role: .supervisor)
    /// Who keeps the lists and settings (the administration screen's tests sit as them).
    static let administrator = Session(name: "管理员老王", role: .admin)
    let deputies: [String: Int64]
    let departments: [String: Int64]
    let categories: [String: Int64]

    init() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = try Database(path: directory.appendingPathComponent("station.sqlite").path, mode: .create)
        store = try LiaisonStore.initialize(database: database, clock: clock,
                                            station: StationDraft(name: "和平街道代表联络站", address: "和平街道12号"))
        var deputies: [String: Int64] = [:]
        for (name, level, sector, constituency, group) in [
            ("张乾林", DeputyLevel.county, "社区", "第三选区", "第一小组"), ("王建国", .national, "企业", "第一选区", "第二小组"),
            ("李红", .township, "教育", "第二选区", "第一小组"),
        ] {
            deputies[name] = try store.createDeputy(DeputyDraft(name: name, level: level, sector: sector, constituency: constituency,
                                                                group: group, phone: "13900001111"), session: .system)
        }
        self.deputies = deputies
        let lawyer = try store.createLegalOfficer(LegalOfficerDraft(name: "陈静", role: .lawyer, organization: "和平律师事务所"), session: .system)
        var departments: [String: Int64] = [:]
        for (name, kind) in [("区住建局", DepartmentKind.bureau), ("区生态环境局", .bureau), ("和平街道办事处", .street)] {
            departments[name] = try store.createDepartment(DepartmentDraft(name: name, kind: kind), session: .system)
        }
        self.departments = departments
        var categories: [String: Int64] = [:]
        for (name, department, days) in [("加装电梯", "区住建局", 10), ("噪声扰民", "区生态环境局", 5), ("物业管理", "和平街道办事处", 10)] {
            categories[name] = try store.createCategory(CategoryDraft(name: name, defaultDepartmentID: departments[department], dueWorkingDays: days), session: .system)
        }
        self.categories = categories
        let today = DeskFixture.now.day
        try store.addToRoster(day: today, deputyID: deputies["张乾林"], session: .system)
        try store.addToRoster(day: today, deputyID: deputies["李红"], session: .system)
        try store.addToRoster(day: today, legalOfficerID: lawyer, role: .legalAdvice, session: .system)
        let meeting = try store.createMeeting(MeetingDraft(kind: .tripartite, title: "3号楼加装电梯三方共议",
                                                          startsAt: LocalTime(day: today.adding(days: 4), hour: 14, minute: 30),
                                                          place: "社区议事厅"), session: .system)
        try store.addAgendaItem(meetingID: meeting, title: "加装电梯费用分摊", session: .system)
        try store.invite(.deputy(deputies["张乾林"]!), to: meeting, session: .system)
        try store.invite(.department(departments["区住建局"]!, attendee: "刘科长"), to: meeting, session: .system)

        // Cases opened on earlier days, one for each group of the board.
        try openCase(on: "2026-10-19", resident: ("赵大爷", "13800000001"), category: "噪声扰民", title: "广场舞音响太吵影响休息",
                     dispatchDays: 5)
        try openCase(on: "2026-11-12", resident: ("钱阿姨", "13800000002"), category: "加装电梯", title: "3号楼加装电梯施工占道",
                     dispatchDays: 3)
        try openCase(on: "2026-11-13", resident: ("孙先生", "13800000003"), category: "物业管理", title: "物业费上涨未公示",
                     dispatchDays: 20)
        let replied = try openCase(on: "2026-11-02", resident: ("周女士", "13800000004"), category: "物业管理",
                                   title: "地下车库漏水", dispatchDays: 10)
        clock.set(LocalTime(day: Day(iso: "2026-11-10")!, hour: 15, minute: 0))
        try store.recordReply(caseID: replied, text: "已安排维修，本周内完成", session: supervisor)
        try openCase(on: "2026-11-16", resident: ("吴师傅", "13800000005"), category: "加装电梯", title: "电梯加装后采光受影响",
                     dispatchDays: nil)

        // Today's queue.
        clock.set(LocalTime(day: today, hour: 9, minute: 5))
        let first = try walkIn("郑秀英", "13600000001", category: "噪声扰民", problem: "楼下饭店油烟和噪声扰民")
        clock.set(LocalTime(day: today, hour: 9, minute: 20))
        try store.handToDeputy(visitID: first.id, deputyID: deputies["张乾林"]!, session: .system)
        clock.set(LocalTime(day: today, hour: 9, minute: 35))
        try store.answerOnSpot(visitID: first.id, answer: "已联系城管，下周联合执法", deputyID: nil, session: clerk)
        clock.set(LocalTime(day: today, hour: 9, minute: 40))
        let second = try walkIn("冯建华", "13600000002", category: "物业管理", problem: "小区门禁坏了一个月没人修")
        clock.set(LocalTime(day: today, hour: 10, minute: 0))
        try store.handToDeputy(visitID: second.id, deputyID: deputies["李红"]!, session: .system)
        clock.set(LocalTime(day: today, hour: 9, minute: 55))
        _ = try walkIn("陈玉兰", "13600000003", category: "加装电梯", problem: "加装电梯要一楼同意，一楼不肯签字")
        clock.set(LocalTime(day: today, hour: 10, minute: 12))
        _ = try walkIn("楚天明", "13600000004", category: nil, problem: "咨询退休手续")
        clock.set(DeskFixture.now)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    @discardableResult
    func walkIn(_ name: String, _ phone: String, category: String?, problem: String) throws -> Visit {
        try store.registerVisit(VisitDraft(resident: ResidentDraft(name: name, phone: phone), categoryID: category.flatMap { categories[$0] },
                                           problem: problem), session: .system)
    }

    @discardableResult
    func openCase(on day: String, resident: (String, String), category: String, title: String, dispatchDays: Int?) throws -> Int64 {
        clock.set(LocalTime(day: Day(iso: day)!, hour: 9, minute: 30))
        let residentID = try store.findOrCreateResident(ResidentDraft(name: resident.0, phone: resident.1), session: .system).id
        let record = try store.openCase(CaseDraft(title: title, categoryID: categories[category], tier: .immediate,
                                                  responsibleDeputyID: deputies["张乾林"]), residentID: residentID, session: clerk)
        if let dispatchDays {
            clock.set(LocalTime(day: Day(iso: day)!, hour: 10, minute: 0))
            let department = try XCTUnwrap(store.categories().first { $0.id == categories[category] }?.defaultDepartmentID)
            try store.dispatch(caseID: record.id, departmentID: department, due: .workingDays(dispatchDays), session: supervisor)
        }
        return record.id
    }

    func controller(start: DeskScreenID = .reception) -> DeskController {
        DeskController(store: store, session: clerk, start: start)
    }
}

/// A directory for a test's own files, removed with it.
final class TemporaryFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-tui-\(UUID().uuidString)")

    init() { try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// A test of the administration screen: the fixture, and a desk on 管理 with its administrator at the
/// keyboard; `freshStation` is a station just made by `init`, with nothing but its categories.
class AdminTestCase: XCTestCase {
    var fixture: DeskFixture!
    var desk: DeskController!
    let folder = TemporaryFolder()

    override func setUpWithError() throws {
        fixture = try DeskFixture()
        desk = DeskController(store: fixture.store, session: DeskFixture.administrator, start: .admin)
    }

    override func tearDown() {
        desk = nil
        fixture = nil
    }

    func freshStation() throws -> LiaisonStore {
        try LiaisonStore.initialize(database: Database(path: folder.path("new.sqlite"), mode: .create), clock: ManualClock(DeskFixture.now),
                                    station: StationDraft(name: "新建联络站"), categories: LiaisonStore.defaultCategories())
    }
}

/// A test with a fresh fixture and a desk on its reception screen.
class DeskTestCase: XCTestCase {
    var fixture: DeskFixture!
    var desk: DeskController!

    override func setUpWithError() throws {
        fixture = try DeskFixture()
        desk = fixture.controller()
    }

    override func tearDown() {
        desk = nil
        fixture = nil
    }
}

/// Drives a controller key by key and draws it on an in-memory grid.
extension DeskController {
    @discardableResult
    func press(_ keys: Key...) -> Outcome {
        var outcome = Outcome.keepGoing
        for key in keys { outcome = handle(key) }
        return outcome
    }

    func type(_ text: String) { for character in text { _ = handle(.character(character)) } }

    func screen(rows: Int = 24, columns: Int = 80) -> GridScreen {
        let grid = GridScreen(rows: rows, columns: columns)
        show(on: grid)
        return grid
    }
}

/// Compares the whole frame with the literal in the test, row by row, so a failure shows which row
/// differs and the test reads as the spec of the screen. Every row must also be exactly the screen's width.
func assertScreen(_ grid: GridScreen, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    let actual = grid.text.components(separatedBy: "\n")
    let wanted = expected.components(separatedBy: "\n").map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    XCTAssertEqual(actual.count, wanted.count, "rows", file: file, line: line)
    for (index, (got, want)) in zip(actual, wanted).enumerated() where got != want {
        XCTFail("row \(index):\n  got:  «\(got)»\n  want: «\(want)»\nwhole screen:\n\(grid.text)", file: file, line: line)
        return
    }
    for row in 0..<grid.rows where grid.rowWidth(row) != grid.columns {
        XCTFail("row \(row) is \(grid.rowWidth(row)) columns wide, not \(grid.columns)", file: file, line: line)
    }
}

/// The roles along a row as letters, where colour carries meaning: s selected, o overdue, d due soon,
/// m muted, w warning, h header, t title, a active tab, k hint key, i input, n normal, b tab, c hint.
func roles(_ grid: GridScreen, row: Int) -> String {
    let letters: [TextRole: Character] = [.selected: "s", .overdue: "o", .dueSoon: "d", .muted: "m", .warning: "w", .header: "h",
                                          .title: "t", .activeTab: "a", .hintKey: "k", .input: "i", .normal: "n", .tab: "b", .hint: "c"]
    return String(grid.roles(row: row).map { letters[$0] ?? "?" })
}
