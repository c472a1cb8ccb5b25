import Foundation
import XCTest
@testable import LiaisonCore

/// A scratch directory removed after the test.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit {
        // Read-only files made by a test must not stop the clean-up.
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }
}

func day(_ text: String) -> Day { Day(iso: text)! }

/// A store on a new file with a small directory of people and departments, at a fixed time.
final class StoreFixture {
    let directory = TemporaryDirectory()
    let clock: ManualClock
    let store: LiaisonStore
    let clerk = Session(name: "前台小李", role: .clerk)
    /// The supervising office, which moves cases on along the board.
    let supervisor = Session(name: "督办老周", role: .supervisor)
    let deputyID: Int64
    let departmentID: Int64
    let categoryID: Int64

    init(now: LocalTime = LocalTime(day: day("2026-11-16"), hour: 9, minute: 0)) throws {
        clock = ManualClock(now)
        let database = try Database(path: directory.path("station.sqlite"), mode: .create)
        store = try LiaisonStore.initialize(database: database, clock: clock, station: StationDraft(name: "和平街道代表联络站"))
        deputyID = try store.createDeputy(DeputyDraft(name: "张乾林", level: .county, sector: "社区", constituency: "第三选区"), session: .system)
        departmentID = try store.createDepartment(DepartmentDraft(name: "区住建局", kind: .bureau), session: .system)
        categoryID = try store.createCategory(CategoryDraft(name: "加装电梯", defaultDepartmentID: departmentID, dueWorkingDays: 10), session: .system)
    }

    func walkIn(_ name: String = "王秀英", phone: String? = "13812345678", problem: String = "3号楼加装电梯施工噪声扰民") throws -> Visit {
        try store.registerVisit(VisitDraft(resident: ResidentDraft(name: name, phone: phone, phoneRefused: phone == nil),
                                           categoryID: categoryID, problem: problem), session: .system)
    }

    func openedCase(problem: String = "小区路灯损坏三个月无人修") throws -> CaseRecord {
        let visit = try walkIn(problem: problem)
        return try store.openCase(fromVisit: visit.id, CaseDraft(title: "", tier: .immediate, responsibleDeputyID: deputyID),
                                  session: clerk)
    }
}
