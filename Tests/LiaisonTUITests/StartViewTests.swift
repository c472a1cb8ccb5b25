import XCTest
import LiaisonCore
@testable import LiaisonTUI

final class StartViewTests: XCTestCase {
    func overview(today: String, reception: Bool = false, knowsYear: Bool = true) -> StationOverview {
        StationOverview(today: Day(iso: today)!, isWorkingDay: true, isReceptionDay: reception, holidayName: nil,
                        calendarKnowsYear: knowsYear, nextReceptionDay: Day(iso: "2026-12-15"), visitsToday: 6, waiting: 3,
                        openCases: 55, overdue: 24)
    }

    func testSnapshotAt80x24() {
        let grid = GridScreen(rows: 24, columns: 80)
        StartView(stationName: "和平里街道人大代表联络站", overview: overview(today: "2026-11-16", reception: true)).render(on: grid)
        XCTAssertEqual(grid.text(row: 0), " 和平里街道人大代表联络站                          2026-11-16 星期一 接待选民日")
        XCTAssertEqual(grid.text(row: 2), "  今日来访 6 人，等候 3 人")
        XCTAssertEqual(grid.text(row: 3), "  未办结诉求 55 件，其中逾期 24 件")
        XCTAssertEqual(grid.role(row: 3, column: 2), .overdue)
        XCTAssertEqual(grid.text(row: 4), "  下一个接待选民日：2026-12-15 星期二")
        XCTAssertEqual(grid.text(row: 23), " q 退出")
        for row in 0..<24 { XCTAssertEqual(grid.rowWidth(row), 80) }
    }

    func testLongStationNameIsClippedBesideTheDate() {
        let grid = GridScreen(rows: 24, columns: 41)
        StartView(stationName: "北京市东城区和平里街道人大代表联络站第一分站", overview: overview(today: "2027-01-04", knowsYear: false))
            .render(on: grid)
        XCTAssertTrue(grid.text(row: 0).contains("2027-01-04 星期一"))
        XCTAssertEqual(grid.rowWidth(0), 41)
    }
}
