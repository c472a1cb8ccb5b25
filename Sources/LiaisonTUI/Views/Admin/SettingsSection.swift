import LiaisonCore

/// 本站设置 on the administration screen: each setting a row with its value, what it does beside it,
/// and one form for them all, opened at the row chosen.
final class SettingsSection: AdminSection {
    private let store: LiaisonStore
    private var settings: StationSettings?
    let title = "本站设置"
    let directoryList: DirectoryList? = nil

    init(store: LiaisonStore) {
        self.store = store
    }

    private(set) lazy var rows = ListDetail(columns: [TableColumn("项目", width: 14), TableColumn("设置", width: 10, flexible: true)],
                                            detailTitle: "说明", emptyText: "") { [unowned self] id in
        id.map { [DetailLine(SettingsForm.explanation(of: $0, areaCodeFromPhone: PhoneNumber.areaCode(of: store.station.phone)),
                             role: .muted)] } ?? []
    }

    func reload() throws {
        let settings = try store.settings()
        self.settings = settings
        rows.setEntries(SettingsForm.lines(settings).map { key, label, value in
            .row(key, [label, value], search: [label, value])
        })
    }

    let hasMoreToLoad = false
    func loadMore() throws {}

    /// One form for all the settings, opened at a row: nothing to add or deactivate.
    func offers(_ action: Action) -> Bool { ![.addEntry, .toggleActive].contains(action) }

    func editor(for id: String?, session: Session) throws -> FormSpec? {
        guard let id, let settings else { return nil }
        return SettingsForm(store: store, settings: settings, focus: id, session: session)
    }

    func toggle(id: String, session: Session) throws -> Reaction {
        .say("本站设置不能停用；按 \(KeyTable.key(of: .editEntry, on: .admin)) 修改", .warning)
    }
}
