import XCTest
@testable import LiaisonCore

/// Every store write (and the reads that reveal) against every role: a role the permission table
/// leaves out is refused with the words that say who may; a role it names is never refused for its role.
final class RoleRuleTests: XCTestCase {
    struct Write {
        let name: String
        let permission: Permission
        let run: (LiaisonStore, Fixture, Session) throws -> Void
    }

    /// What the writes act on, made afresh for each role.
    struct Fixture {
        let base: StoreFixture
        let visit: Visit
        let caseID: Int64
        let meetingID: Int64
        let operatorID: Int64
    }

    let writes: [Write] = [
        Write(name: "registerVisit", permission: .receiveResidents) { store, _, session in
            _ = try store.registerVisit(VisitDraft(resident: ResidentDraft(name: "赵六", phone: "13811112222"), problem: "路灯"), session: session)
        },
        Write(name: "findOrCreateResident", permission: .receiveResidents) { store, _, session in
            _ = try store.findOrCreateResident(ResidentDraft(name: "钱七", phone: "13811113333"), session: session)
        },
        Write(name: "handToDeputy", permission: .receiveResidents) { store, f, session in
            try store.handToDeputy(visitID: f.visit.id, deputyID: f.base.deputyID, session: session)
        },
        Write(name: "answerOnSpot", permission: .receiveResidents) { store, f, session in
            try store.answerOnSpot(visitID: f.visit.id, answer: "已答复", deputyID: f.base.deputyID, session: session)
        },
        Write(name: "openCase(fromVisit:)", permission: .receiveResidents) { store, f, session in
            _ = try store.openCase(fromVisit: f.visit.id, CaseDraft(title: ""), session: session)
        },
        Write(name: "refer", permission: .receiveResidents) { store, f, session in
            try store.refer(visitID: f.visit.id, to: "区法院", note: "", deputyID: nil, session: session)
        },
        Write(name: "markLeft", permission: .receiveResidents) { store, f, session in
            try store.markLeft(visitID: f.visit.id, session: session)
        },
        Write(name: "openCase", permission: .receiveResidents) { store, _, session in
            _ = try store.openCase(CaseDraft(title: "直接登记的诉求"), residentID: nil, session: session)
        },
        Write(name: "dispatch", permission: .actOnCases) { store, f, session in
            try store.dispatch(caseID: f.caseID, departmentID: f.base.departmentID, due: .workingDays(5), session: session)
        },
        Write(name: "supervise", permission: .actOnCases) { store, f, session in
            try store.supervise(caseID: f.caseID, note: "请尽快", session: session)
        },
        Write(name: "triage", permission: .actOnCases) { store, f, session in
            try store.triage(caseID: f.caseID, categoryID: f.base.categoryID, tier: .joint, session: session)
        },
        Write(name: "escalate", permission: .escalate) { store, f, session in
            try store.escalate(caseID: f.caseID, reason: "跨区", session: session)
        },
        Write(name: "decideExtension", permission: .decideExtensions) { store, f, session in
            try store.decideExtension(caseID: f.caseID, approve: true, session: session)
        },
        Write(name: "recomputeProvisionalDueDates", permission: .recomputeDueDates) { store, _, session in
            try store.recomputeProvisionalDueDates(session: session)
        },
        Write(name: "chaseSheet", permission: .actOnCases) { store, f, session in
            _ = try store.chaseSheet(caseIDs: [f.caseID], session: session)
        },
        Write(name: "close with a reason", permission: .closeWithReason) { store, f, session in
            try store.close(caseID: f.caseID, reason: "群众撤回", session: session)
        },
        Write(name: "createDeputy", permission: .manageDirectory) { store, _, session in
            _ = try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: session)
        },
        Write(name: "saveRow", permission: .manageDirectory) { store, _, session in
            _ = try store.saveRow(.departments, id: nil, cells: ["name": "区水务局"], session: session)
        },
        Write(name: "setActive", permission: .manageDirectory) { store, f, session in
            try store.setActive(.deputies, id: f.base.deputyID, false, session: session)
        },
        Write(name: "importSheet", permission: .manageDirectory) { store, _, session in
            _ = try store.importSheet(.departments, bytes: Array("名称\n区园林局\n".utf8), fileName: "d.csv", session: session)
        },
        Write(name: "exportSheet", permission: .manageDirectory) { store, _, session in
            _ = try store.exportSheet(.departments, fileName: "d.csv", session: session, write: { _ in })
        },
        Write(name: "updateSettings", permission: .manageDirectory) { store, _, session in
            try store.updateSettings(try store.settings(), session: session)
        },
        Write(name: "importCalendar", permission: .manageDirectory) { store, _, session in
            try store.importCalendar(try HolidaySchedule(parsing: "year 2027\nholiday 2027-01-01 元旦\n", source: "2027.txt"), session: session)
        },
        Write(name: "createOperator", permission: .manageOperators) { store, _, session in
            _ = try store.createOperator(name: "小王", role: .clerk, pin: "1234", session: session)
        },
        Write(name: "updateOperator", permission: .manageOperators) { store, f, session in
            try store.updateOperator(id: f.operatorID, role: .supervisor, deputyID: nil, session: session)
        },
        Write(name: "setOperatorActive", permission: .manageOperators) { store, f, session in
            try store.setOperatorActive(id: f.operatorID, false, session: session)
        },
        Write(name: "auditLog", permission: .keepRecords) { store, _, session in
            _ = try store.auditLog(session: session)
        },
        Write(name: "backup", permission: .keepRecords) { store, f, session in
            try store.backup(to: f.base.directory.path("copy-\(session.role.rawValue).sqlite"), session: session)
        },
        Write(name: "anonymizeResident", permission: .anonymize) { store, f, session in
            try store.anonymizeResident(id: f.visit.residentID, session: session)
        },
        Write(name: "reveal phone", permission: .revealPhone) { store, f, session in
            _ = try store.reveal(.phone, ofResident: f.visit.residentID, session: session)
        },
        Write(name: "reveal ID number", permission: .revealIDNumber) { store, f, session in
            _ = try store.reveal(.idNumber, ofResident: f.visit.residentID, session: session)
        },
        Write(name: "createMeeting", permission: .planMeetings) { store, f, session in
            _ = try store.createMeeting(MeetingDraft(kind: .bench, title: "院落议事", startsAt: f.base.clock.now()), session: session)
        },
        Write(name: "closeMeeting", permission: .planMeetings) { store, f, session in
            let deputy = try store.invite(.deputy(f.base.deputyID), to: f.meetingID, session: .system)
            XCTAssertEqual(deputy, [])
            let item = try store.addAgendaItem(meetingID: f.meetingID, title: "议题", session: .system)
            let participant = try XCTUnwrap(store.participants(meetingID: f.meetingID).first).id
            try store.closeMeeting(id: f.meetingID, MeetingCloseOut(minutes: "纪要", attended: [participant: true],
                                                                    results: [ItemResult(itemID: item, resolution: "决定")]),
                                   expectedVersion: try store.meeting(id: f.meetingID).version, session: session)
        },
        Write(name: "updateMeeting", permission: .planMeetings) { store, f, session in
            try store.updateMeeting(id: f.meetingID, MeetingDraft(kind: .bench, title: "院落议事", startsAt: f.base.clock.now()),
                                    expectedVersion: 1, session: session)
        },
        Write(name: "cancelMeeting", permission: .planMeetings) { store, f, session in
            try store.cancelMeeting(id: f.meetingID, reason: "下雨", expectedVersion: 1, session: session)
        },
        Write(name: "addAgendaItem", permission: .planMeetings) { store, f, session in
            try store.addAgendaItem(meetingID: f.meetingID, title: "议题", session: session)
        },
        Write(name: "linkCase", permission: .planMeetings) { store, f, session in
            let item = try store.addAgendaItem(meetingID: f.meetingID, title: "议题", session: .system)
            try store.linkCase(f.caseID, toItem: item, session: session)
        },
        Write(name: "removeAgendaItem", permission: .planMeetings) { store, f, session in
            try store.removeAgendaItem(id: try store.addAgendaItem(meetingID: f.meetingID, title: "议题", session: .system), session: session)
        },
        Write(name: "invite", permission: .planMeetings) { store, f, session in
            try store.invite(.deputy(f.base.deputyID), to: f.meetingID, session: session)
        },
        Write(name: "removeParticipant", permission: .planMeetings) { store, f, session in
            try store.invite(.resident(id: nil, name: "王大妈", group: .representative, namePublic: false), to: f.meetingID, session: .system)
            try store.removeParticipant(id: try XCTUnwrap(store.participants(meetingID: f.meetingID).first).id, session: session)
        },
        Write(name: "exportMeetingNotice", permission: .planMeetings) { store, f, session in
            try store.addAgendaItem(meetingID: f.meetingID, title: "议题", session: .system)
            try store.exportMeetingNotice(.announcement, meetingID: f.meetingID, fileName: "公告.txt", session: session) { _ in }
        },
        Write(name: "scheduleThemeDays", permission: .planMeetings) { store, f, session in
            var settings = try store.settings()
            settings.themeDay = 25
            try store.updateSettings(settings, session: .system)
            try store.scheduleThemeDays(session: session)
        },
        Write(name: "exportExplanationNotice", permission: .askForExplanations) { store, f, session in
            // Nobody is below the line on the fixture: the refusal of the role comes first, then this one.
            do {
                _ = try store.exportExplanationNotice(.year(2026), fileName: "说明.txt", session: session) { _ in }
            } catch DomainError.invalid(let message) where message.hasPrefix("2026年没有满意率低于") {}
        },
        Write(name: "addToRoster", permission: .keepDutyRecords) { store, f, session in
            try store.addToRoster(day: day("2026-12-15"), deputyID: f.base.deputyID, session: session)
        },
        Write(name: "addDutyEntry", permission: .applyForDuty) { store, f, session in
            try store.addDutyEntry(DutyEntryDraft(deputyID: f.base.deputyID, day: day("2026-11-16"), kind: .training), session: session)
        },
        Write(name: "decideDutyEntry", permission: .approveDuty) { store, f, session in
            let entry = try store.addDutyEntry(DutyEntryDraft(deputyID: f.base.deputyID, day: day("2026-11-16"), kind: .training),
                                               session: .system)
            try store.decideDutyEntry(id: entry, approve: true, session: session)
        },
        Write(name: "updatePointRule", permission: .manageDirectory) { store, f, session in
            try store.updatePointRule(PointRule(kind: .training, first: 2, further: 1, cap: 10), session: session)
        },
        Write(name: "changeReceptionDay", permission: .keepDutyRecords) { store, f, session in
            try store.changeReceptionDay(day("2026-12-22"), session: session)
        },
        Write(name: "assignResident", permission: .keepDutyRecords) { store, f, session in
            try store.assignResident(f.visit.residentID, to: f.base.deputyID, session: session)
        },
        Write(name: "logContact", permission: .logContacts) { store, f, session in
            try store.assignResident(f.visit.residentID, to: f.base.deputyID, session: .system)
            try store.logContact(ContactDraft(deputyID: f.base.deputyID, residentID: f.visit.residentID, day: day("2026-11-16"),
                                              method: .phone, raised: "路灯不亮", openCase: true), session: session)
        },
    ]

    func fixture() throws -> Fixture {
        let base = try StoreFixture()
        let admin = Session(name: "管理员", role: .admin)
        let visit = try base.walkIn()
        // The case is the deputy's own, so a deputy's refusals are for their role, not someone else's case.
        let record = try base.store.openCase(CaseDraft(title: "楼道灯", responsibleDeputyID: base.deputyID), residentID: nil, session: admin)
        let meeting = try base.store.createMeeting(MeetingDraft(kind: .bench, title: "议事", startsAt: base.clock.now()), session: admin)
        // Operators stored directly: no PIN is checked here, and a hash per fixture would cost seconds.
        try base.store.database.execute("INSERT INTO operators(name, role, pin_hash) VALUES ('老王', 'admin', '-'), ('小李', 'clerk', '-')")
        let clerk = try XCTUnwrap(base.store.operatorRecord(named: "小李")).id
        return Fixture(base: base, visit: visit, caseID: record.id, meetingID: meeting, operatorID: clerk)
    }

    func testEveryWriteChecksTheSameRuleTheScreenUses() throws {
        for write in writes {
            for role in OperatorRole.allCases {
                let fixture = try fixture()
                let session = Session(name: "某人", role: role, deputyID: role == .deputy ? fixture.base.deputyID : nil)
                let refusal = session.refusal(of: write.permission)
                do {
                    try write.run(fixture.base.store, fixture, session)
                    XCTAssertTrue(session.may(write.permission), "\(write.name) let \(role.label) through")
                } catch {
                    if session.may(write.permission) {
                        XCTAssertFalse(userMessage(for: error).contains("须由"), "\(write.name) refused \(role.label): \(userMessage(for: error))")
                    } else {
                        XCTAssertEqual(userMessage(for: error), refusal, "\(write.name) for \(role.label)")
                    }
                }
            }
        }
    }
}
