import Foundation

/// A realistic street-level station for trying the desk: the people, departments and categories of
/// `Resources/demo/station.json`, and six months of visits and cases generated relative to today,
/// so there are always overdue, due-soon and fresh items. Everything goes through the real workflows.
public enum DemoStation {
    struct Template: Decodable {
        struct StationInfo: Decodable { let name, address, phone: String; let receptionDay: Int; let tie: String }
        struct DeputyInfo: Decodable { let name, level, gender, sector, constituency, group, workplace: String }
        struct OfficerInfo: Decodable { let name, role, organization: String }
        struct DepartmentInfo: Decodable { let name, kind, contact: String }
        struct CategoryInfo: Decodable {
            let name, department: String
            let days: Int
            let problems, answers, replies: [String]
        }
        struct MeetingInfo: Decodable { let kind, title, place: String; let offsetDays: Int; let category: String? }
        struct OperatorInfo: Decodable { let name, role, pin: String; let deputy: String? }

        let station: StationInfo
        let deputies: [DeputyInfo]
        let legalOfficers: [OfficerInfo]
        let departments: [DepartmentInfo]
        let categories: [CategoryInfo]
        let residents: [String]
        let communities: [String]
        let meetings: [MeetingInfo]
        let operators: [OperatorInfo]
    }

    static func loadTemplate() throws -> Template {
        let url = ShippedResources.directory.appendingPathComponent("demo/station.json")
        return try JSONDecoder().decode(Template.self, from: Data(contentsOf: url))
    }

    /// Creates a demo database at `path`, which must not exist yet.
    @discardableResult
    public static func create(at path: String, now: LocalTime, visits: Int = 175) throws -> LiaisonStore {
        if FileManager.default.fileExists(atPath: path) { throw StoreOpenError.alreadyExists(path) }
        let template = try loadTemplate()
        let clock = ManualClock(now.adding(seconds: -200 * 86_400))
        let database = try Database(path: path, mode: .create)
        let rule = ReceptionDayRule(dayOfMonth: template.station.receptionDay,
                                    tie: ReceptionDayRule.Tie(rawValue: template.station.tie) ?? .earlier)
        let store = try LiaisonStore.initialize(database: database, clock: clock, station: StationDraft(
            name: template.station.name, address: template.station.address, phone: template.station.phone, receptionRule: rule))
        var generator = DemoGenerator(store: store, clock: clock, template: template, now: now)
        try database.write { try generator.run(visits: visits) }
        clock.set(now)
        return store
    }
}

/// A small deterministic generator (SplitMix64): the same demo every time, only the dates move with today.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct DemoGenerator {
    let store: LiaisonStore
    let clock: ManualClock
    let template: DemoStation.Template
    let now: LocalTime
    var random = SeededRandom(seed: 20_261_121)
    var deputyIDs: [Int64] = []
    var categoryIDs: [Int64] = []
    var categoryDepartment: [Int64: Int64] = [:]
    var officerIDs: [Int64] = []
    var residentPhones: [String] = []

    init(store: LiaisonStore, clock: ManualClock, template: DemoStation.Template, now: LocalTime) {
        self.store = store
        self.clock = clock
        self.template = template
        self.now = now
    }

    var today: Day { now.day }
    var calendar: WorkingCalendar { store.calendar }
    /// Who does the generated work: a clerk at the front desk, the supervising office on the board.
    var clerk = Session.system
    var supervisor = Session.system

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    func at(_ day: Day, _ hour: Int, _ minute: Int = 0) -> LocalTime { LocalTime(day: day, hour: hour, minute: minute) }

    mutating func run(visits: Int) throws {
        try createDirectory()
        try createHistory(visits: visits)
        try createTodaysQueue()
        try createRosters()
        try createMeetings()
        try createHouseholdVisits()
        try createDutyApplications()
        try createContacts()
    }

    mutating func createDirectory() throws {
        for deputy in template.deputies {
            deputyIDs.append(try store.createDeputy(DeputyDraft(
                name: deputy.name, level: DeputyLevel(rawValue: deputy.level)!, gender: Gender(rawValue: deputy.gender) ?? .unknown,
                sector: deputy.sector, constituency: deputy.constituency, group: deputy.group,
                phone: "139" + String(format: "%08d", 10_000_000 + deputyIDs.count * 7919), workplace: deputy.workplace), session: .system))
        }
        for officer in template.legalOfficers {
            officerIDs.append(try store.createLegalOfficer(LegalOfficerDraft(
                name: officer.name, role: LegalOfficerRole(rawValue: officer.role)!, organization: officer.organization), session: .system))
        }
        var departments: [String: Int64] = [:]
        for department in template.departments {
            departments[department.name] = try store.createDepartment(DepartmentDraft(
                name: department.name, kind: DepartmentKind(rawValue: department.kind)!, contact: department.contact), session: .system)
        }
        for category in template.categories {
            let departmentID = departments[category.department]
            let id = try store.createCategory(CategoryDraft(name: category.name, defaultDepartmentID: departmentID,
                                                            dueWorkingDays: category.days), session: .system)
            categoryIDs.append(id)
            categoryDepartment[id] = departmentID
        }
        for person in template.operators {
            let role = OperatorRole(rawValue: person.role)!
            let deputyID = person.deputy.flatMap { name in template.deputies.firstIndex { $0.name == name }.map { deputyIDs[$0] } }
            let id = try store.createOperator(name: person.name, role: role, pin: person.pin, deputyID: deputyID, session: .system)
            let session = Session(operatorID: id, name: person.name, role: role, deputyID: deputyID)
            if role == .clerk { clerk = session }
            if role == .supervisor { supervisor = session }
        }
        residentPhones = template.residents.indices.map { "13" + String(format: "%09d", 501_234_567 + $0 * 104_729) }
    }

    mutating func residentDraft() -> ResidentDraft {
        let index = number(0...(template.residents.count - 1))
        return ResidentDraft(name: template.residents[index], phone: residentPhones[index],
                             address: "\(number(1...12))号楼\(number(1...6))单元\(number(1...6))0\(number(1...4))",
                             community: template.communities[index % template.communities.count])
    }

    /// Where a planned case stops, so the board shows every kind of item whatever today is.
    enum Fate: CaseIterable {
        case triaged, dueSoon, acknowledged, escalated, replied, feedback, readyToClose, unsatisfied, reopened

        /// How old the case must be for its steps to fit before today.
        var minimumAge: Int {
            switch self {
            case .triaged: 2
            case .acknowledged, .escalated, .replied, .feedback, .readyToClose, .unsatisfied: 9
            case .dueSoon, .reopened: 30
            }
        }
    }

    /// Six months of visits on working days, each answered on the spot or turned into a case that then
    /// moves through the lifecycle as far as its dates allow.
    mutating func createHistory(visits: Int) throws {
        var times: [LocalTime] = []
        while times.count < visits {
            let day = today.adding(days: -number(1...180))
            guard calendar.isWorkingDay(day) else { continue }
            times.append(at(day, number(8...16), number(0...59)))
        }
        times.sort()
        // Two of each fate, on the newest visits old enough for it.
        var fates: [Int: Fate] = [:]
        for fate in Fate.allCases + Fate.allCases {
            if let index = times.indices.last(where: { fates[$0] == nil && times[$0].day <= today.adding(days: -fate.minimumAge) }) {
                fates[index] = fate
            }
        }
        for (index, time) in times.enumerated() {
            clock.set(time)
            let categoryIndex = number(0...(categoryIDs.count - 1))
            let category = template.categories[categoryIndex]
            let visit = try store.registerVisit(VisitDraft(
                resident: residentDraft(), channel: chance(0.8) ? .walkIn : pick([.phone, .online, .letter]),
                categoryID: categoryIDs[categoryIndex], problem: pick(category.problems)), session: clerk)
            let deputyID = pick(deputyIDs)
            clock.set(time.adding(seconds: number(5...40) * 60))
            try store.handToDeputy(visitID: visit.id, deputyID: deputyID, session: clerk)
            clock.set(time.adding(seconds: number(45...90) * 60))
            if fates[index] == nil && chance(0.14) {
                try store.answerOnSpot(visitID: visit.id, answer: pick(category.answers), deputyID: deputyID, session: clerk)
                continue
            }
            let tier: Tier = chance(0.6) ? .immediate : (chance(0.75) ? .joint : .major)
            let record = try store.openCase(fromVisit: visit.id, CaseDraft(title: "", tier: tier, responsibleDeputyID: deputyID),
                                            session: clerk)
            try advance(record, category: category, departmentID: categoryDepartment[categoryIDs[categoryIndex]]!,
                        from: clock.today, fate: fates[index])
        }
    }

    /// Moves a case on while each next step's date is before today. A planned fate takes one-day steps
    /// and stops where it says.
    mutating func advance(_ record: CaseRecord, category: DemoStation.Template.CategoryInfo, departmentID: Int64,
                          from start: Day, fate: Fate? = nil) throws {
        let planned = fate != nil
        if fate == .triaged || (!planned && start >= today.adding(days: -2) && chance(0.5)) { return }
        var dispatchDay = calendar.adding(workingDays: planned ? 1 : number(0...1), to: start)
        if fate == .dueSoon {
            // Dispatched so that the deadline is two working days away.
            dispatchDay = max(dispatchDay, calendar.adding(workingDays: -(category.days - 2), to: today))
        }
        guard dispatchDay < today else { return }
        // Never before the case was opened: a same-day dispatch comes at least ten minutes later.
        clock.set(max(at(dispatchDay, 10, number(0...59)), clock.now().adding(seconds: 600)))
        // An unsatisfied case goes round again (重新交办); any other is dispatched the first time.
        let send = record.status == .unsatisfied ? store.reopen : store.dispatch
        let due = try send(record.id, departmentID, .workingDays(category.days), "", supervisor, nil).dueDate
        if fate == .dueSoon { return }
        let stuck = !planned && chance(0.12)
        let replyDay = calendar.adding(workingDays: planned ? 2 : number(2...(category.days + 3)), to: dispatchDay)
        let receiptDay = calendar.adding(workingDays: 1, to: dispatchDay)
        if receiptDay < today && (fate == .acknowledged || receiptDay < replyDay && chance(0.7)) {
            clock.set(at(receiptDay, 9, number(0...59)))
            try store.acknowledge(caseID: record.id, session: supervisor)
        }
        if fate == .acknowledged { return }
        if fate == .escalated {
            clock.set(at(receiptDay, 14))
            try store.escalate(caseID: record.id, reason: "涉及跨区协调，报请区人大常委会协调", session: supervisor)
            return
        }
        if due < today && (stuck || replyDay >= today) || replyDay > due {
            let noteDay = due.adding(days: number(1...3))
            if noteDay < today && noteDay < replyDay {
                clock.set(at(noteDay, 15))
                try store.supervise(caseID: record.id, note: "已逾期，电话督促\(category.department)尽快答复", session: supervisor)
            }
        }
        guard !stuck, replyDay < today else { return }
        clock.set(at(replyDay, 16, number(0...59)))
        try store.recordReply(caseID: record.id, text: pick(category.replies), session: supervisor)
        let feedbackDay = replyDay.adding(days: planned ? 1 : number(1...5))
        guard feedbackDay < today, fate != .replied else { return }
        clock.set(at(feedbackDay, 10))
        try store.recordFeedback(caseID: record.id, method: .phone, session: supervisor)
        let rateDay = feedbackDay.adding(days: planned ? 1 : number(1...12))
        guard rateDay < today, fate != .feedback else { return }
        clock.set(at(rateDay, 11))
        let roll = Double.random(in: 0..<1, using: &random)
        var result: Satisfaction = roll < 0.68 ? .satisfied : (roll < 0.88 ? .basicallySatisfied : .unsatisfied)
        switch fate {
        case .unsatisfied?, .reopened?: result = .unsatisfied
        case .readyToClose?: result = .satisfied
        default: break
        }
        try store.rate(caseID: record.id, Rating(result: result, attitude: result == .unsatisfied ? .basicallySatisfied : .satisfied,
                                                 comment: result == .unsatisfied ? "问题没有根本解决" : ""), session: supervisor)
        if fate == .unsatisfied || fate == .readyToClose { return }
        if result.countsAsSatisfied {
            let closeDay = rateDay.adding(days: number(0...8))
            guard closeDay < today else { return }
            clock.set(at(closeDay, 17))
            try store.close(caseID: record.id, session: supervisor)
        } else if record.round == 1 && (fate == .reopened || chance(0.8)) {
            try advance(try store.caseRecord(id: record.id), category: category, departmentID: departmentID, from: rateDay)
        }
    }

    /// Today's queue: some done, one with a deputy, some still waiting, minutes apart up to now.
    mutating func createTodaysQueue() throws {
        let count = 6
        for index in 0..<count {
            let arrival = now.adding(seconds: -(count - index) * 13 * 60)
            clock.set(arrival.day == today ? arrival : at(today, 0, index))
            let categoryIndex = number(0...(categoryIDs.count - 1))
            let category = template.categories[categoryIndex]
            let visit = try store.registerVisit(VisitDraft(resident: residentDraft(), categoryID: categoryIDs[categoryIndex],
                                                           problem: pick(category.problems)), session: clerk)
            let deputyID = pick(deputyIDs)
            clock.set(arrival.day == today ? arrival.adding(seconds: 5 * 60) : at(today, 0, index))
            switch index {
            case 0:
                try store.handToDeputy(visitID: visit.id, deputyID: deputyID, session: clerk)
                try store.answerOnSpot(visitID: visit.id, answer: pick(category.answers), deputyID: deputyID, session: clerk)
            case 1:
                try store.handToDeputy(visitID: visit.id, deputyID: deputyID, session: clerk)
                // Opened without a tier: it waits for triage.
                try store.openCase(fromVisit: visit.id, CaseDraft(title: "", responsibleDeputyID: deputyID), session: clerk)
            case 2:
                try store.handToDeputy(visitID: visit.id, deputyID: deputyID, session: clerk)
            default:
                break
            }
        }
    }

    /// Full rosters on every reception day from six months back to next month, and a smaller one today
    /// when today is not a reception day (walk-ins come any day). Past reception days earn duty points.
    mutating func createRosters() throws {
        guard let rule = store.station.receptionRule else { return }
        var days: [Day] = []
        var (year, month, _) = today.adding(days: -185).components
        for _ in 0..<8 {
            days.append(rule.receptionDay(year: year, month: month, calendar: calendar))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        if !days.contains(today) && calendar.isWorkingDay(today) { days.append(today) }
        for day in days {
            let seats = day == today && !store.isReceptionDay(day) ? 2 : 3
            var chosen: Set<Int64> = []
            while chosen.count < seats { chosen.insert(pick(deputyIDs)) }
            for (offset, deputyID) in chosen.sorted().enumerated() {
                try store.addToRoster(day: day, deputyID: deputyID, role: offset == 0 ? .lead : .receiving, confirmed: true, session: .system)
                if day < today { try store.creditDuty(deputyID: deputyID, day: day, kind: .reception, note: "接待选民日进站接待") }
            }
            try store.addToRoster(day: day, legalOfficerID: pick(officerIDs), role: .legalAdvice, confirmed: true, session: .system)
        }
    }

    /// The template's meetings: those past are closed as held with minutes, everyone present and a result
    /// for each item; those to come are planned. The station holds its theme activity day on the 25th.
    mutating func createMeetings() throws {
        var settings = try store.settings()
        settings.themeDay = 25
        try store.updateSettings(settings, session: .system)
        for info in template.meetings {
            let day = calendar.adding(workingDays: 0, to: today.adding(days: info.offsetDays))
            let id = try store.createMeeting(MeetingDraft(kind: MeetingKind(rawValue: info.kind)!, title: info.title,
                                                          startsAt: at(day, 14, 30), endsAt: at(day, 16, 0), place: info.place,
                                                          organiser: template.station.name), session: .system)
            var deputies: Set<Int64> = []
            while deputies.count < 3 { deputies.insert(pick(deputyIDs)) }
            for deputyID in deputies.sorted() { try store.invite(.deputy(deputyID), to: id, session: .system) }
            if let name = info.category, let index = template.categories.firstIndex(where: { $0.name == name }) {
                let categoryID = categoryIDs[index]
                if let department = categoryDepartment[categoryID] {
                    try store.invite(.department(department, attendee: "分管负责人"), to: id, session: .system)
                }
                let caseID = try store.database.scalarInt(
                    "SELECT id FROM cases WHERE category_id = ? AND status <> 'closed' ORDER BY opened_on LIMIT 1", [categoryID])
                try store.addAgendaItem(meetingID: id, title: "\(name)问题协商", caseIDs: caseID.map { [Int64($0)] } ?? [], session: .system)
            } else {
                try store.addAgendaItem(meetingID: id, title: info.title, session: .system)
            }
            var residents: Set<String> = []
            while residents.count < 2 { residents.insert(pick(template.residents)) }
            for name in residents.sorted() {
                try store.invite(.resident(id: nil, name: name, group: .representative, namePublic: false), to: id, session: .system)
            }
            guard day < today else { continue }
            let meeting = try store.meeting(id: id)
            let everyone = try store.participants(meetingID: id).map { ($0.id, true) }
            let results = try store.agendaItems(meetingID: id).map {
                ItemResult(itemID: $0.id, notes: "与会各方充分发表意见", resolution: "形成一致意见：由承办单位拿出方案，代表跟踪督办")
            }
            try store.closeMeeting(id: id, MeetingCloseOut(minutes: "与会代表、承办单位和居民代表充分协商，形成一致意见。",
                                                           attended: Dictionary(uniqueKeysWithValues: everyone), results: results),
                                   expectedVersion: meeting.version, session: .system)
        }
    }

    mutating func createHouseholdVisits() throws {
        for deputyID in deputyIDs {
            for _ in 0..<number(1...4) {
                let day = today.adding(days: -number(1...150))
                guard calendar.isWorkingDay(day) else { continue }
                try store.creditDuty(deputyID: deputyID, day: day, kind: .householdVisit, households: number(1...6), note: "走访选民")
            }
        }
    }

    /// A few entries waiting for the supervisor (积分申请).
    mutating func createDutyApplications() throws {
        for kind in [DutyKind.training, .inspection, .suggestion] {
            let day = calendar.adding(workingDays: -number(1...15), to: today)
            try store.addDutyEntry(DutyEntryDraft(deputyID: pick(deputyIDs), day: day, kind: kind, note: "\(kind.label)活动"), session: .system)
        }
    }

    /// County and township deputies keep in touch with residents who have been to the station; most
    /// were called this month, some not yet.
    mutating func createContacts() throws {
        let residents = try store.database.fetchAll("SELECT id FROM residents ORDER BY id") { $0.int64(0) }
        guard !residents.isEmpty else { return }
        for deputy in try store.deputies() where deputy.level == .county || deputy.level == .township {
            let count = deputy.level == .county ? 5 : 3
            var chosen: Set<Int64> = []
            while chosen.count < min(count, residents.count) { chosen.insert(pick(residents)) }
            for resident in chosen.sorted() {
                try store.assignResident(resident, to: deputy.id, session: .system)
                if chance(0.7) {
                    let day = max(Day.firstOfMonth(year: today.year, month: today.month), today.adding(days: -number(0...20)))
                    try store.logContact(ContactDraft(deputyID: deputy.id, residentID: resident, day: day, method: chance(0.5) ? .phone : .visit),
                                         session: .system)
                }
            }
        }
    }
}
