import Foundation

/// One row of the audit log as the administration screen lists it.
public struct AuditEntry: Hashable, Sendable {
    public let id: Int64
    public let at: LocalTime
    /// Who did it, as they were called then (命令行 for the shell, 未登录 for a failed sign-in).
    public let actor: String
    public let action: String
    public let subject: String
    public let detail: String

    /// The action as the station says it (添加操作员, 导入代表名单); a code it does not know, as it is.
    public var actionLabel: String { AuditEntry.label(of: action) }

    static func label(of action: String) -> String {
        let fixed = ["backup": "备份", "calendar.import": "导入节假日", "settings.update": "修改本站设置",
                     "operator.create": "添加操作员", "operator.update": "改操作员角色", "operator.passwd": "改 PIN",
                     "operator.disable": "停用操作员", "operator.restore": "恢复操作员", "signin.failed": "登录失败",
                     "signin.locked": "登录锁定", "resident.anonymize": "匿名化居民",
                     "chase.export": "导出督办单", "points.update": "修改积分规则", "duty.export": "导出履职报表",
                     "roster.day": "调整接待日", "roster.seat": "排班", "roster.notice": "写接待公告",
                     "contacts.assign": "分配联系群众", "contacts.end": "结束联系群众",
                     "meeting.create": "新建会议", "meeting.update": "修改会议", "meeting.reschedule": "会议改期", "meeting.prepare": "筹备会议", "meeting.cancel": "取消会议",
                     "meeting.close": "结束会议", "meeting.notice": "公示会议", "statistics.explanation": "写满意率说明通知",
                     "ledger.export": "导出登记簿"]
        if let label = fixed[action] { return label }
        let parts = action.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return action }
        if parts[0] == "reveal" { return "查看" + (ResidentField(rawValue: parts[1])?.label ?? parts[1]) }
        if let list = DirectoryList(rawValue: parts[1]), ["import", "export"].contains(parts[0]) {
            return (parts[0] == "import" ? "导入" : "导出") + list.label + "名单"
        }
        let verbs = ["create": "添加", "update": "修改", "deactivate": "停用", "restore": "恢复"]
        if let list = DirectoryList(rawValue: parts[0]), let verb = verbs[parts[1]] { return verb + list.label }
        return action
    }
}

extension LiaisonStore {
    /// The audit log, newest first; at most `limit` rows. Only an admin reads it.
    public func auditLog(limit: Int? = nil, session: Session) throws -> [AuditEntry] {
        try session.require(.keepRecords)
        return try database.fetchAll("SELECT id, at, actor, action, subject, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT ?",
                                     [limit ?? -1]) {
            AuditEntry(id: $0.int64(0), at: try $0.localTime(1), actor: $0.string(2), action: $0.string(3), subject: $0.string(4),
                       detail: $0.string(5))
        }
    }
}
