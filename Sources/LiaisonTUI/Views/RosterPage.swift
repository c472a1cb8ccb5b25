import LiaisonCore

/// 代表: every deputy attached to the station, with the selected deputy's cases and duty record.
final class RosterPage: DeskPage {
    enum Sort: CaseIterable {
        case pinyin, level
        var column: Int { self == .pinyin ? 0 : 1 }
        var label: String { self == .pinyin ? "按拼音" : "按级别" }
    }

    let id = DeskScreenID.roster
    private var deputies: [Deputy] = []
    private var filter = RowFilter()
    private(set) var sort = Sort.pinyin

    let columns = [
        TableColumn("姓名", width: 6), TableColumn("级别", width: 4), TableColumn("界别", width: 8),
        TableColumn("选区", width: 10, flexible: true), TableColumn("小组", width: 8),
    ]
    let detailTitle = "代表详情"
    var sortColumn: Int? { sort.column }

    var rows: [TableRow] {
        filter.shown.map { index in
            let deputy = deputies[index]
            return TableRow([deputy.name, deputy.level.label, deputy.sector, deputy.constituency, deputy.group],
                            role: deputy.active ? .normal : .muted)
        }
    }

    func reload(from store: LiaisonStore) throws {
        deputies = try store.deputies()
        order()
    }

    /// Switches between pinyin and level order; returns the message for the message line.
    func cycleSort() -> String {
        sort = sort == .pinyin ? .level : .pinyin
        order()
        return "代表名单已\(sort.label)排序"
    }

    private func order() {
        let levels = DeputyLevel.allCases
        if sort == .level {
            // Stable: within a level, the pinyin order the store returned.
            deputies = deputies.enumerated().sorted {
                (levels.firstIndex(of: $0.element.level)!, $0.offset) < (levels.firstIndex(of: $1.element.level)!, $1.offset)
            }.map(\.element)
        } else {
            deputies.sort { $0.namePinyin < $1.namePinyin }
        }
        filter.setKeys(deputies.map { RowFilter.searchKey([$0.name, $0.sector, $0.constituency, $0.group, $0.level.label], initials: [$0.nameInitials]) })
    }

    func applyFilter(_ query: String) { filter.apply(query) }

    func detail(at row: Int, from store: LiaisonStore, width: Int) throws -> [DetailLine] {
        guard filter.shown.indices.contains(row) else { return [] }
        let profile = try store.deputyProfile(deputies[filter.shown[row]])
        let deputy = profile.deputy
        var lines: [DetailLine] = [
            .heading("\(deputy.name)  \(deputy.level.label)人大代表"),
            DetailLine("界别 \(deputy.sector)"),
            DetailLine("选区 \(deputy.constituency)"),
            DetailLine("小组 \(deputy.group)  电话 \(deputy.phone)"),
            DetailLine(""),
            .heading("诉求"),
            DetailLine("未办结 \(profile.openCases) 件，逾期 \(profile.overdueCases) 件", role: profile.overdueCases > 0 ? .overdue : .normal),
            DetailLine(""),
            .heading("\(store.today.year) 年履职"),
            DetailLine("进站接待 \(profile.receptionsThisYear) 次（不少于 2 次）", role: profile.receptionsThisYear >= 2 ? .normal : .dueSoon),
            DetailLine("走访选民 \(profile.householdVisitsThisYear) 户（不少于 10 户）",
                       role: profile.householdVisitsThisYear >= 10 ? .normal : .dueSoon),
            DetailLine("履职积分 \(profile.pointsThisYear) 分"),
        ]
        if !profile.recentDuty.isEmpty {
            lines.append(DetailLine(""))
            lines.append(.heading("履职登记"))
            for entry in profile.recentDuty {
                lines.append(DetailLine("\(entry.day.iso.dropFirst(5)) \(entry.kind.label) +\(entry.points) \(entry.note)"))
            }
        }
        return lines
    }
}
