import LiaisonCore

/// The option lists the reception forms offer, built once from the store's lists.
enum ChoiceLists {
    static func deputies(_ deputies: [ReceivingDeputy]) -> [ChoiceOption] {
        deputies.map { deputy in
            ChoiceOption(value: "\(deputy.deputyID)", label: deputy.name,
                         note: (deputy.onDuty ? "今日值班 " : "") + "在接待 \(deputy.inHand) 人", initials: deputy.initials)
        }
    }

    static func categories(_ categories: [CategoryEntry]) -> [ChoiceOption] {
        categories.map { ChoiceOption(value: "\($0.id)", label: $0.name) }
    }

    static func directory(_ entries: [DirectoryEntry]) -> [ChoiceOption] {
        entries.map { ChoiceOption(value: "\($0.id)", label: $0.name, note: ($0.onDuty ? "今日值班 " : "") + $0.note) }
    }

    static func labelled<T: Labelled>(_ cases: [T]) -> [ChoiceOption] {
        cases.map { ChoiceOption(value: $0.rawValue, label: $0.label) }
    }
}

extension DutySeat {
    /// 陈静  律师 和平律师事务所, 张乾林  代表 接待: a seat as the duty lists show it.
    var line: String { "\(name)  " + (legalOfficerRole.map { "\($0.label) \(organization)" } ?? "代表 \(role.label)") }
}

extension QueueEntry {
    /// 第 3 号 王秀英: how the desk calls a resident in messages and titles.
    var caller: String { "第 \(visit.queueNumber) 号 \(residentName)" }
}

extension Form {
    /// A choice field's value as a row id.
    func id(_ key: String) -> Int64? { choice(key).flatMap { Int64($0) } }
}
