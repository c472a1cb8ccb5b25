import LiaisonCore

/// Adds or edits one row of a list. Its fields are the list's columns (a category's position too);
/// the store reads them as it reads a sheet's cells, so a refused value is said beside its field.
final class DirectoryForm: FormSpec {
    private let list: DirectoryList
    private let row: DirectoryRow?
    private let store: LiaisonStore
    private let session: Session

    init(list: DirectoryList, row: DirectoryRow?, store: LiaisonStore, session: Session) throws {
        self.list = list
        self.row = row
        self.store = store
        self.session = session
    }

    /// Shorter labels where a sheet's header is long, and what to say beside a field.
    private static let labels = ["days": "时限工作日", "department": "默认单位", "constituency": "选区", "workplace": "工作单位"]
    private static let hints = ["phone": "手机或带区号的固话", "days": TimeLimit.hint, "position": "小的在前", "level": "打字筛选",
                                "role": "打字筛选", "kind": "空着按名称判断", "department": "选填"]
    private static let limits = ["name": 40, "phone": 20, "days": 3, "position": 3, "workplace": 100, "organization": 100]

    func makeForm() throws -> Form {
        var columns = list.columns.map { ($0.field, $0.header, $0.required) }
        // 其他 always comes last: its order is not the station's to set.
        if list == .categories && row?.name != CatchAllCategory.name { columns.append(("position", "顺序", false)) }
        let fields = try columns.map { field, header, required -> FormField in
            let value = row?.cells[field] ?? ""
            let label = DirectoryForm.labels[field] ?? header
            let hint = DirectoryForm.hints[field] ?? ""
            if var choices = try store.choices(for: field, in: list) {
                // A stored value no longer offered (a department since deactivated) stays chosen.
                if !value.isEmpty && !choices.contains(value) { choices.append(value) }
                let options = choices.map { ChoiceOption(value: $0, label: $0) }
                return FormField(field, label, .choice(ChoiceField(options: options, selectedValue: value.isEmpty ? nil : value)),
                                 required: required, hint: hint)
            }
            // A stored value longer than the field allows is shown whole, never cut; the store says if it is too long.
            let limit = max(DirectoryForm.limits[field] ?? 60, value.count)
            return FormField(field, label, .text(TextField(text: value, limit: limit)), required: required, hint: hint)
        }
        return Form(title: row.map { "修改\(list.label)：\($0.name)" } ?? "添加\(list.label)", fields: fields)
    }

    var sideTitle: String { "说明" }

    func validate(_ form: inout Form) {}

    func save(_ form: Form) throws -> SaveStep {
        var cells: [String: String] = [:]
        for field in form.fields { cells[field.key] = form.choice(field.key) ?? form.text(field.key) }
        let id = try store.saveRow(list, id: row?.id, cells: cells, expected: row, session: session)
        return .done("已保存\(list.label)：\(form.text("name"))", select: String(id))
    }

    func sideLines(form: Form) -> [DetailLine] {
        var lines: [String] = []
        switch list {
        case .deputies: lines = ["同名同电话的是同一位代表；同名的两位请填各自的电话。", "任期结束的代表在列表里按 d 停用，记录都保留。"]
        case .legalOfficers: lines = ["三官一员：法官、检察官、警官、律师，在接待日到站提供法律咨询。"]
        case .departments: lines = ["承办单位名称不能重复。", "类型空着时按名称判断（区住建委为政府部门）。"]
        case .categories:
            lines = ["新诉求选了这个类别时，默认交给这个单位，按这个时限办理。", "顺序小的排在前面；「其他」总在最后。"]
        }
        lines.append("批量导入：liaison-desk import \(list.rawValue) 文件（CSV，UTF-8 或 GB18030）")
        return lines.map { DetailLine($0, role: .muted) }
    }
}
