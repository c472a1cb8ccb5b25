import Foundation

/// A meeting as the agenda form gives it: when, where, what and who organises it.
public struct MeetingDraft: Sendable {
    public var kind: MeetingKind
    public var title: String
    public var startsAt: LocalTime
    public var endsAt: LocalTime?
    public var place: String
    public var organiser: String

    public static let titleLimit = 40

    public init(kind: MeetingKind, title: String, startsAt: LocalTime, endsAt: LocalTime? = nil, place: String = "",
                organiser: String = "") {
        self.kind = kind
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.organiser = organiser
    }

    /// Trimmed and checked; a refusal names its field (`title`, `end`).
    func checked() throws -> MeetingDraft {
        var draft = self
        draft.title = try DraftCheck.text(title, field: "title", limit: MeetingDraft.titleLimit)
        guard !draft.title.isEmpty else { throw InvalidField("title", "会议名称不能为空") }
        draft.place = try DraftCheck.text(place, field: "place", limit: 60)
        draft.organiser = try DraftCheck.text(organiser, field: "organiser", limit: 30)
        if let end = endsAt {
            guard end.day == startsAt.day else { throw InvalidField("end", "结束时间须在同一天") }
            guard end > startsAt else { throw InvalidField("end", "结束时间须晚于开始时间 \(startsAt.clockText)") }
        }
        return draft
    }
}

public struct Meeting: Hashable, Sendable {
    public let id: Int64
    public let kind: MeetingKind
    public let title: String
    public let startsAt: LocalTime
    public let endsAt: LocalTime?
    public let place: String
    public let organiser: String
    public let status: MeetingStatus
    public let minutes: String
    /// What an older desk kept as the meeting's one result; the items carry their own now.
    public let resolution: String
    public let cancelReason: String
    public let announcedAt: LocalTime?
    public let resultPublishedAt: LocalTime?
    public let version: Int

    static let columns = """
        id, kind, title, starts_at, ends_at, place, organiser, status, minutes, resolution, cancel_reason, announced_at,
        result_published_at, version
        """

    init(row: Statement) throws {
        id = row.int64(0)
        kind = try row.value(1)
        title = row.string(2)
        startsAt = try row.localTime(3)
        endsAt = try row.optionalLocalTime(4)
        place = row.string(5)
        organiser = row.string(6)
        status = try row.value(7)
        minutes = row.string(8)
        resolution = row.string(9)
        cancelReason = row.string(10)
        announcedAt = try row.optionalLocalTime(11)
        resultPublishedAt = try row.optionalLocalTime(12)
        version = row.int(13)
    }

    public var day: Day { startsAt.day }
    /// 14:30—16:00, or 14:30 when no end is set.
    public var timeText: String { startsAt.clockText + (endsAt.map { "—" + $0.clockText } ?? "") }

    /// The 331 phase: before until it starts, during from its start until it is closed as held, after once
    /// held; a cancelled meeting has none.
    public func phase(now: LocalTime) -> MeetingPhase? {
        switch status {
        case .cancelled: nil
        case .held: .after
        case .planned: startsAt <= now ? .during : .before
        }
    }

    public func isUnclosed(today: Day) -> Bool { UnclosedMeeting.includes(status: status, day: day, on: today) }

    /// Where it stands, as the agenda says it: 逾期未结, its 331 phase, or 已取消.
    public func stateLabel(now: LocalTime) -> String {
        isUnclosed(today: now.day) ? "逾期未结" : phase(now: now)?.label ?? status.label
    }

    /// Why it cannot be closed as held yet: it has not begun, or it has no item or no one invited.
    public func closeRefusal(now: LocalTime, items: Int, participants: Int) -> String? {
        if day > now.day { return "会议在 \(day.iso)，到日子才能结束" }
        if startsAt > now { return "会议 \(startsAt.clockText) 开始，开始后才能结束" }
        if items == 0 { return "会议没有议题，不能结束：先按 t 添加议题" }
        if participants == 0 { return "会议没有参加人，不能结束：先按 i 邀请" }
        return nil
    }

    /// When it ends, for clashes: its end, else two hours after its start.
    var endForClashes: LocalTime { endsAt ?? startsAt.adding(seconds: 2 * 3600) }
}

/// Who a participant is.
public enum ParticipantKind: String, Labelled {
    case deputy, department, resident
    public var label: String {
        switch self {
        case .deputy: "代表"
        case .department: "单位"
        case .resident: "群众"
        }
    }
}

/// The groups residents come to a meeting as (居民代表, 物业, 商户, 企业, and those whose problem it is).
public enum ResidentGroup: String, Labelled {
    case concerned, representative, property, merchant, enterprise
    public var label: String {
        switch self {
        case .concerned: "诉求人"
        case .representative: "居民代表"
        case .property: "物业"
        case .merchant: "商户"
        case .enterprise: "企业"
        }
    }
}

/// Whom to invite: a deputy of the roster, a department with who attends for it, or a resident from the
/// residents table or typed in, with their group; a resident is named in full on the notices only when
/// they agreed.
public enum ParticipantDraft: Sendable {
    case deputy(Int64)
    case department(Int64, attendee: String)
    case resident(id: Int64?, name: String, group: ResidentGroup, namePublic: Bool)
}

public struct MeetingParticipant: Hashable, Sendable {
    public let id: Int64
    public let kind: ParticipantKind
    public let deputyID: Int64?
    /// The deputy's or the resident's name, or the department's.
    public let name: String
    /// Who attends for a department; a resident's group.
    public let role: String
    public let namePublic: Bool
    /// Nil until the close-out records it.
    public let attended: Bool?

    /// How the public notices name them: a resident as surname + 某 unless they agreed otherwise.
    public var publicName: String {
        let shown = kind == .resident && !namePublic ? AnonymousName.of(name) : name
        return role.isEmpty ? shown : "\(shown)（\(role)）"
    }
    /// How the desk names them.
    public var line: String { role.isEmpty ? name : "\(name)（\(role)）" }
}

/// A case linked to an agenda item, or the one its resolution opened.
public struct LinkedCase: Hashable, Sendable {
    public let id: Int64
    public let code: String
    public let title: String
    public let status: CaseStatus
    public let dueDate: Day?
    public let tier: Tier?

    static let columns = "c.id, c.code, c.title, c.status, c.due_date, c.tier"

    /// From `first` on, the columns above.
    init(row: Statement, from first: Int32) throws {
        id = row.int64(first)
        code = row.string(first + 1)
        title = row.string(first + 2)
        status = try row.value(first + 3)
        dueDate = try row.optionalDay(first + 4)
        tier = try row.optionalValue(first + 5)
    }
}

/// 议题: one item of a meeting's agenda, with the cases it takes up and, once discussed, its result.
public struct AgendaItem: Hashable, Sendable {
    public let id: Int64
    public let position: Int
    public let title: String
    public let cases: [LinkedCase]
    public let notes: String
    public let resolution: String
    /// The agreed action; empty when the result needs none.
    public let action: String
    public let departmentID: Int64?
    public let departmentName: String
    public let workingDays: Int?
    public let followUp: LinkedCase?
}

/// Where a meeting stands in the 331 method and what it lacks to move on.
public struct MeetingProgress: Hashable, Sendable {
    public let phase: MeetingPhase?
    public let missing: [String]
    public let unclosed: Bool
}

public struct MeetingDetail: Hashable, Sendable {
    public let meeting: Meeting
    public let participants: [MeetingParticipant]
    public let items: [AgendaItem]
    public let progress: MeetingProgress
    /// Deputies booked elsewhere at the same time, or on reception duty then.
    public let clashes: [String]
}

extension LiaisonStore {
    static let meetingSelect = "SELECT \(Meeting.columns) FROM meetings"

    public func meeting(id: Int64) throws -> Meeting {
        guard let meeting = try database.fetchOne(LiaisonStore.meetingSelect + " WHERE id = ? AND station_id = ?", [id, station.id],
                                                  Meeting.init(row:)) else { throw DomainError.notFound("这个会议") }
        return meeting
    }

    @discardableResult
    public func createMeeting(_ draft: MeetingDraft, session: Session) throws -> Int64 {
        try session.require(.planMeetings)
        let draft = try draft.checked()
        return try database.write {
            try database.execute("""
                INSERT INTO meetings(station_id, kind, title, starts_at, ends_at, place, organiser) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [station.id, draft.kind, draft.title, draft.startsAt, draft.endsAt, draft.place, draft.organiser])
            let id = database.lastInsertedRowID
            try audit("meeting.create", subject: draft.title, detail: "\(draft.startsAt.day.iso) \(draft.startsAt.clockText)", session: session)
            return id
        }
    }

    /// Edits a planned meeting; a new day, time or place is a reschedule. The notice already posted no
    /// longer says what it should and must be written again (true when that happened).
    @discardableResult
    public func updateMeeting(id: Int64, _ draft: MeetingDraft, expectedVersion: Int, session: Session) throws -> Bool {
        try session.require(.planMeetings)
        let draft = try draft.checked()
        return try database.write {
            let old = try plannedMeeting(id, expectedVersion: expectedVersion)
            let moved = old.startsAt != draft.startsAt || old.endsAt != draft.endsAt || old.place != draft.place
            let renamed = old.title != draft.title || old.kind != draft.kind || old.organiser != draft.organiser
            guard moved || renamed else { return false }
            try database.execute("UPDATE meetings SET kind = ?, title = ?, starts_at = ?, ends_at = ?, place = ?, organiser = ? WHERE id = ?",
                                 [draft.kind, draft.title, draft.startsAt, draft.endsAt, draft.place, draft.organiser, id])
            let detail = moved ? "\(old.day.iso) \(old.timeText) \(old.place) → \(draft.startsAt.day.iso) \(draft.startsAt.clockText) \(draft.place)"
                : "\(old.kind.label)「\(old.title)」→ \(draft.kind.label)「\(draft.title)」"
            try audit(moved ? "meeting.reschedule" : "meeting.update", subject: draft.title, detail: detail, session: session)
            return try changed(id)
        }
    }

    public func cancelMeeting(id: Int64, reason: String, expectedVersion: Int, session: Session) throws {
        try session.require(.planMeetings)
        let reason = try DraftCheck.text(reason, field: "reason", limit: 100)
        guard !reason.isEmpty else { throw InvalidField("reason", "取消会议须写明理由") }
        try database.write {
            let meeting = try plannedMeeting(id, expectedVersion: expectedVersion)
            try database.execute("UPDATE meetings SET status = 'cancelled', cancel_reason = ?, version = version + 1 WHERE id = ?",
                                 [reason, id])
            try audit("meeting.cancel", subject: meeting.title, detail: reason, session: session)
        }
    }

    /// After any change to what the announcement says (time, place, title, items, invitees): the version
    /// moves on and a notice already written must be written again; true when one was.
    @discardableResult
    func changed(_ id: Int64) throws -> Bool {
        let announced = try database.scalarInt("SELECT announced_at IS NOT NULL FROM meetings WHERE id = ?", [id]) == 1
        try database.execute("UPDATE meetings SET version = version + 1, announced_at = NULL WHERE id = ?", [id])
        return announced
    }

    /// The meeting inside a write, refused when it is no longer planned or another terminal changed it.
    func plannedMeeting(_ id: Int64, expectedVersion: Int? = nil) throws -> Meeting {
        let meeting = try meeting(id: id)
        if let expectedVersion, meeting.version != expectedVersion { throw DomainError.changedOnAnotherTerminal("这个会议") }
        guard meeting.status == .planned else { throw DomainError.invalid("会议\(meeting.status.label)，不能再改") }
        return meeting
    }

    /// Invites someone; the clashes this brings for a deputy come back as warnings.
    @discardableResult
    public func invite(_ draft: ParticipantDraft, to meetingID: Int64, session: Session) throws -> [String] {
        try session.require(.planMeetings)
        return try database.write {
            let meeting = try plannedMeeting(meetingID)
            switch draft {
            case .deputy(let id):
                let name = try requireInUse(.deputies, id: id)
                try refuseTwice("deputy_id = ?", [id], meetingID: meetingID, name: name)
                try database.execute("INSERT INTO meeting_participants(meeting_id, deputy_id) VALUES (?, ?)", [meetingID, id])
            case .department(let id, let attendee):
                let name = try requireInUse(.departments, id: id)
                let attendee = try DraftCheck.text(attendee, field: "attendee", limit: 30)
                try refuseTwice("department_id = ? AND name = ?", [id, attendee], meetingID: meetingID, name: name + attendee)
                try database.execute("INSERT INTO meeting_participants(meeting_id, department_id, name) VALUES (?, ?, ?)",
                                     [meetingID, id, attendee])
            case .resident(let id, let typed, let group, let namePublic):
                var name = try DraftCheck.personName(typed)
                if let id {
                    guard let stored = try database.scalarString("SELECT name FROM residents WHERE id = ?", [id]) else {
                        throw DomainError.notFound("这位居民")
                    }
                    name = stored
                    try refuseTwice("resident_id = ?", [id], meetingID: meetingID, name: name)
                } else {
                    try refuseTwice("resident_id IS NULL AND deputy_id IS NULL AND department_id IS NULL AND name = ?", [name],
                                    meetingID: meetingID, name: name)
                }
                try database.execute("""
                    INSERT INTO meeting_participants(meeting_id, resident_id, name, role, name_public) VALUES (?, ?, ?, ?, ?)
                    """, [meetingID, id, id == nil ? name : "", group.label, namePublic])
            }
            let invited = try database.scalarString("""
                SELECT coalesce(d.name, dep.name || '（' || p.name || '）', r.name, p.name) FROM meeting_participants p
                LEFT JOIN deputies d ON d.id = p.deputy_id LEFT JOIN departments dep ON dep.id = p.department_id
                LEFT JOIN residents r ON r.id = p.resident_id WHERE p.id = ?
                """, [database.lastInsertedRowID]) ?? ""
            try changed(meetingID)
            try audit("meeting.prepare", subject: meeting.title, detail: "邀请 " + invited, session: session)
            guard case .deputy(let id) = draft else { return [] }
            return try clashes(of: meeting, deputyIDs: [id])
        }
    }

    private func refuseTwice(_ condition: String, _ arguments: [SQLBindable?], meetingID: Int64, name: String) throws {
        let count = try database.scalarInt("SELECT count(*) FROM meeting_participants WHERE meeting_id = ? AND \(condition)",
                                           [meetingID] + arguments) ?? 0
        if count > 0 { throw DomainError.invalid("\(name) 已在参加名单上") }
    }

    public func removeParticipant(id: Int64, session: Session) throws {
        try session.require(.planMeetings)
        try database.write {
            guard let meetingID = try database.scalarInt("SELECT meeting_id FROM meeting_participants WHERE id = ?", [id]),
                  let person = try participants(meetingID: Int64(meetingID)).first(where: { $0.id == id }) else {
                throw DomainError.notFound("这位参加人")
            }
            let meeting = try plannedMeeting(Int64(meetingID))
            try database.execute("DELETE FROM meeting_participants WHERE id = ?", [id])
            try changed(meeting.id)
            try audit("meeting.prepare", subject: meeting.title, detail: "不再邀请 " + person.line, session: session)
        }
    }

    /// Adds an item on the cases given (its title then defaults to the first case's) or on a typed topic.
    @discardableResult
    public func addAgendaItem(meetingID: Int64, title: String, caseIDs: [Int64] = [], session: Session) throws -> Int64 {
        try session.require(.planMeetings)
        return try database.write {
            let meeting = try plannedMeeting(meetingID)
            var title = try DraftCheck.text(title, field: "title", limit: 60)
            if title.isEmpty, let first = caseIDs.first { title = try caseRecord(id: first).title }
            guard !title.isEmpty else { throw InvalidField("title", "议题不能为空（或选一件诉求）") }
            let position = try database.scalarInt(
                "SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?", [meetingID]) ?? 1
            try database.execute("INSERT INTO agenda_items(meeting_id, position, title) VALUES (?, ?, ?)", [meetingID, position, title])
            let id = database.lastInsertedRowID
            for caseID in caseIDs { try link(caseID: caseID, toItem: id, title: title, of: meeting, session: session) }
            try changed(meetingID)
            try audit("meeting.prepare", subject: meeting.title, detail: "议题 " + title, session: session)
            return id
        }
    }

    /// Another case on the same problem joins an item.
    public func linkCase(_ caseID: Int64, toItem itemID: Int64, session: Session) throws {
        try session.require(.planMeetings)
        try database.write {
            let meeting = try plannedMeeting(try meetingID(ofItem: itemID))
            let title = try database.scalarString("SELECT title FROM agenda_items WHERE id = ?", [itemID]) ?? ""
            try link(caseID: caseID, toItem: itemID, title: title, of: meeting, session: session)
            try changed(meeting.id)
        }
    }

    /// A case of this station, open and not yet on this meeting, joins an item; its timeline says so.
    private func link(caseID: Int64, toItem itemID: Int64, title: String, of meeting: Meeting, session: Session) throws {
        guard try database.scalarInt("SELECT count(*) FROM cases WHERE id = ? AND station_id = ?", [caseID, station.id]) == 1 else {
            throw DomainError.notFound("这件诉求")
        }
        let record = try caseRecord(id: caseID)
        guard record.status != .closed else { throw DomainError.invalid("\(record.code) 已销号，不能再上会") }
        let onMeeting = try database.scalarInt("""
            SELECT count(*) FROM agenda_item_cases l JOIN agenda_items a ON a.id = l.item_id WHERE l.case_id = ? AND a.meeting_id = ?
            """, [caseID, meeting.id]) ?? 0
        guard onMeeting == 0 else { throw DomainError.invalid("\(record.code) 已在这个会议的议题里") }
        try database.execute("INSERT INTO agenda_item_cases(item_id, case_id) VALUES (?, ?)", [itemID, caseID])
        try addEvent(.meeting, caseID: caseID, text: "列入\(meeting.kind.label)「\(meeting.title)」（\(meeting.day.iso)）议题「\(title)」",
                     session: session)
        try audit("meeting.prepare", subject: meeting.title, detail: "诉求 \(record.code) 列入议题「\(title)」", session: session)
    }

    public func removeAgendaItem(id: Int64, session: Session) throws {
        try session.require(.planMeetings)
        try database.write {
            let meeting = try plannedMeeting(try meetingID(ofItem: id))
            let title = try database.scalarString("SELECT title FROM agenda_items WHERE id = ?", [id]) ?? ""
            for linked in try agendaItems(meetingID: meeting.id).first(where: { $0.id == id })?.cases ?? [] {
                try addEvent(.meeting, caseID: linked.id, text: "撤下\(meeting.kind.label)「\(meeting.title)」议题「\(title)」", session: session)
            }
            try database.execute("DELETE FROM agenda_item_cases WHERE item_id = ?", [id])
            try database.execute("DELETE FROM agenda_items WHERE id = ?", [id])
            try changed(meeting.id)
            try audit("meeting.prepare", subject: meeting.title, detail: "撤下议题 " + title, session: session)
        }
    }

    func meetingID(ofItem itemID: Int64) throws -> Int64 {
        guard let id = try database.scalarInt("SELECT meeting_id FROM agenda_items WHERE id = ?", [itemID]) else {
            throw DomainError.notFound("这个议题")
        }
        return Int64(id)
    }

    /// Open cases a meeting may take up, newest first: the joint tier (共性问题会商办) first, from the open
    /// cases by tier, then the rest, walking the opening-day index from today back; each part stops at
    /// `limit`, and any other open case is taken up by its code.
    public func agendaCandidates(limit: Int = 200) throws -> [LinkedCase] {
        let joint = try database.fetchAll("""
            SELECT \(LinkedCase.columns) FROM cases c INDEXED BY cases_open_by_tier
            WHERE c.station_id = ? AND c.tier = 'joint' AND c.status <> 'closed' ORDER BY c.opened_on DESC LIMIT ?
            """, [station.id, limit]) { try LinkedCase(row: $0, from: 0) }
        let others = try database.fetchAll("""
            SELECT \(LinkedCase.columns) FROM cases c INDEXED BY cases_by_opened
            WHERE c.opened_on <= ? AND c.station_id = ? AND c.status <> 'closed' AND c.tier IS NOT 'joint'
            ORDER BY c.opened_on DESC LIMIT ?
            """, [today, station.id, limit]) { try LinkedCase(row: $0, from: 0) }
        return joint + others
    }

    /// The residents whose cases the meeting takes up (those concerned), offered first when inviting.
    public func concernedResidents(meetingID: Int64) throws -> [(id: Int64, name: String, code: String)] {
        try database.fetchAll("""
            SELECT DISTINCT r.id, r.name, c.code FROM agenda_items a JOIN agenda_item_cases l ON l.item_id = a.id
            JOIN cases c ON c.id = l.case_id JOIN residents r ON r.id = c.resident_id
            WHERE a.meeting_id = ? AND r.anonymized_at IS NULL ORDER BY c.code
            """, [meetingID]) { ($0.int64(0), $0.string(1), $0.string(2)) }
    }

    public func participants(meetingID: Int64) throws -> [MeetingParticipant] {
        try database.fetchAll("""
            SELECT p.id, p.deputy_id, p.department_id, coalesce(d.name, dep.name, r.name, p.name), p.name, p.role, p.name_public, p.attended
            FROM meeting_participants p
            LEFT JOIN deputies d ON d.id = p.deputy_id
            LEFT JOIN departments dep ON dep.id = p.department_id
            LEFT JOIN residents r ON r.id = p.resident_id
            WHERE p.meeting_id = ? ORDER BY p.deputy_id IS NULL, p.department_id IS NULL, p.id
            """, [meetingID]) { row in
            let kind: ParticipantKind = !row.isNull(1) ? .deputy : !row.isNull(2) ? .department : .resident
            // Older desks wrote 代表 and 承办单位 as roles: what a kind says already is not repeated.
            let role = kind == .department ? row.string(4) : kind == .deputy ? "" : row.string(5)
            return MeetingParticipant(id: row.int64(0), kind: kind, deputyID: row.optionalInt64(1), name: row.string(3), role: role,
                                      namePublic: row.bool(6), attended: row.isNull(7) ? nil : row.bool(7))
        }
    }

    public func agendaItems(meetingID: Int64) throws -> [AgendaItem] {
        let linked = try database.fetchAll("""
            SELECT l.item_id, \(LinkedCase.columns) FROM agenda_item_cases l
            JOIN agenda_items a ON a.id = l.item_id JOIN cases c ON c.id = l.case_id
            WHERE a.meeting_id = ? ORDER BY c.code
            """, [meetingID]) { row in (row.int64(0), try LinkedCase(row: row, from: 1)) }
        return try database.fetchAll("""
            SELECT a.id, a.position, a.title, a.notes, a.resolution, a.action, a.department_id, coalesce(dep.name, ''), a.working_days,
                   \(LinkedCase.columns)
            FROM agenda_items a LEFT JOIN departments dep ON dep.id = a.department_id LEFT JOIN cases c ON c.id = a.follow_up_case_id
            WHERE a.meeting_id = ? ORDER BY a.position
            """, [meetingID]) { row in
            let id = row.int64(0)
            let followUp = row.isNull(9) ? nil : try LinkedCase(row: row, from: 9)
            return AgendaItem(id: id, position: row.int(1), title: row.string(2), cases: linked.filter { $0.0 == id }.map(\.1),
                              notes: row.string(3), resolution: row.string(4), action: row.string(5), departmentID: row.optionalInt64(6),
                              departmentName: row.string(7), workingDays: row.optionalInt(8), followUp: followUp)
        }
    }

    public func meetingDetail(id: Int64) throws -> MeetingDetail {
        try database.read {
            let meeting = try meeting(id: id)
            let participants = try participants(meetingID: id)
            let items = try agendaItems(meetingID: id)
            let deputies = participants.compactMap(\.deputyID)
            return MeetingDetail(meeting: meeting, participants: participants, items: items,
                                 progress: progress(of: meeting, participants: participants, items: items),
                                 clashes: meeting.status == .planned ? try clashes(of: meeting, deputyIDs: deputies) : [])
        }
    }

    /// What the meeting lacks to move on from its phase (331: topic, invitations and notice before;
    /// minutes, attendance and results during; the result published after).
    public func progress(of meeting: Meeting, participants: [MeetingParticipant], items: [AgendaItem]) -> MeetingProgress {
        let phase = meeting.phase(now: clock.now())
        var missing: [String] = []
        switch phase {
        case .before?:
            if items.isEmpty { missing.append("议题") }
            let kinds = Set(participants.map(\.kind))
            // 三方: the deputies, the residents concerned and the departments.
            let wanted: [ParticipantKind] = meeting.kind == .tripartite ? ParticipantKind.allCases : participants.isEmpty ? [.deputy] : []
            missing += wanted.filter { !kinds.contains($0) }.map { "邀请\($0.label)" }
            if meeting.announcedAt == nil { missing.append("会前公告") }
        case .during?:
            if meeting.minutes.isEmpty { missing.append("会议纪要") }
            if participants.contains(where: { $0.attended == nil }) || participants.isEmpty { missing.append("出席情况") }
            if items.isEmpty || items.contains(where: { $0.resolution.isEmpty }) { missing.append("议题结果") }
        case .after?:
            if meeting.resultPublishedAt == nil { missing.append("结果公示") }
        case nil: break
        }
        return MeetingProgress(phase: phase, missing: missing, unclosed: meeting.isUnclosed(today: today))
    }

    /// For each deputy, the other planned or held meetings that overlap this one and the reception duty
    /// on its day within reception hours.
    func clashes(of meeting: Meeting, deputyIDs: [Int64]) throws -> [String] {
        guard !deputyIDs.isEmpty else { return [] }
        var found: [String] = []
        for deputyID in deputyIDs {
            let name = try database.scalarString("SELECT name FROM deputies WHERE id = ?", [deputyID]) ?? ""
            let others = try database.fetchAll(LiaisonStore.meetingSelect + """
                 WHERE id IN (SELECT meeting_id FROM meeting_participants WHERE deputy_id = ?) AND id <> ? AND status <> 'cancelled'
                   AND starts_at >= ? AND starts_at < ?
                """, [deputyID, meeting.id, meeting.day, meeting.day.adding(days: 1)], Meeting.init(row:))
            for other in others where other.startsAt < meeting.endForClashes && meeting.startsAt < other.endForClashes {
                found.append("\(name) 同时在「\(other.title)」（\(other.timeText)）")
            }
            let onDuty = try database.scalarInt("SELECT count(*) FROM duty_roster WHERE station_id = ? AND day = ? AND deputy_id = ?",
                                                [station.id, meeting.day, deputyID]) ?? 0
            let hours = ReceptionHours.on(meeting.day)
            if onDuty > 0, meeting.startsAt < hours.end, hours.start < meeting.endForClashes {
                found.append("\(name) 这天 \(ReceptionHours.text) 值班接待")
            }
        }
        return found
    }

    /// Meetings starting in [from, to), in time order.
    public func meetings(from start: Day, to end: Day) throws -> [Meeting] {
        try database.fetchAll(LiaisonStore.meetingSelect + " WHERE station_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
                              [station.id, start, end], Meeting.init(row:))
    }
}

/// The hours of a reception day (上午 9:00—11:30), as the notice says them and as meetings clash with them.
public enum ReceptionHours {
    public static let text = "上午 9:00—11:30"
    static func on(_ day: Day) -> (start: LocalTime, end: LocalTime) {
        (LocalTime(day: day, hour: 9, minute: 0), LocalTime(day: day, hour: 11, minute: 30))
    }
}
