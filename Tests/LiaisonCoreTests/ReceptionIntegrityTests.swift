import XCTest
@testable import LiaisonCore

/// Reception's records are what the station reports upward: each visit under the right person.
final class PhoneAndResidentTests: XCTestCase {
    func testPhonesAreNormalisedAndARefusalSaysWhatIsWrong() {
        XCTAssertEqual(PhoneNumber.normalized("138 1234 5678"), "13812345678")
        XCTAssertEqual(PhoneNumber.normalized("138-1234-5678"), "13812345678")
        XCTAssertEqual(PhoneNumber.normalized("１３８１２３４５６７８"), "13812345678", "full-width digits")
        XCTAssertEqual(PhoneNumber.normalized("+86 138 1234 5678"), "13812345678")
        XCTAssertEqual(PhoneNumber.normalized("008613812345678"), "13812345678")
        XCTAssertEqual(PhoneNumber.normalized("(010) 6512 3456"), "010-65123456")
        XCTAssertEqual(PhoneNumber.normalized("01065123456"), "010-65123456", "a landline without its hyphen")
        XCTAssertEqual(PhoneNumber.normalized("0571-8765432"), "0571-8765432")
        XCTAssertEqual(PhoneNumber.normalized("65123456", areaCode: "010"), "010-65123456", "a local number with the station's code")
        XCTAssertEqual(PhoneNumber.normalize("65123456"), .failure(.needsAreaCode))
        XCTAssertEqual(PhoneNumber.normalize("1381234"), .failure(.mobileLength(7)))
        XCTAssertEqual(PhoneNumber.normalize("12812345678"), .failure(.mobilePrefix))
        XCTAssertEqual(PhoneNumber.normalize("010-123"), .failure(.landlineLength(3)))
        XCTAssertEqual(PhoneNumber.normalize("电话13812345678"), .failure(.notDigits))
        XCTAssertEqual(PhoneNumber.normalize("23456"), .failure(.unknownShape))
        XCTAssertEqual(PhoneNumber.Problem.mobileLength(7).message, "手机号应为 11 位，这里是 7 位")
        XCTAssertEqual(PhoneNumber.lookupPrefix("0106512"), "010-6512")
        XCTAssertEqual(PhoneNumber.lookupPrefix("１３８"), "138")
        XCTAssertNil(PhoneNumber.lookupPrefix("zql"))
    }

    func testAFamilySharesAPhoneAndTheSameNameOnItIsOnePerson() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let mother = try store.findOrCreateResident(ResidentDraft(name: "夏秀英", phone: "13812345678"), session: fixture.clerk)
        let son = try store.findOrCreateResident(ResidentDraft(name: "张三", phone: "138 1234 5678"), session: fixture.clerk)
        XCTAssertTrue(son.created, "another person on the same phone is a new resident")
        XCTAssertNotEqual(son.id, mother.id)
        let again = try store.findOrCreateResident(ResidentDraft(name: "夏秀英", phone: "+86 13812345678"), session: fixture.clerk)
        XCTAssertEqual(again.id, mother.id, "the same name on the same phone is the same person")
        XCTAssertFalse(again.created)
        XCTAssertEqual(try store.residents(withPhone: "13812345678").map(\.name), ["夏秀英", "张三"])
        XCTAssertEqual(try store.residentMatches("138123").map(\.resident.name), ["夏秀英", "张三"], "lookup lists everyone on the phone")
        let visit = try store.registerVisit(VisitDraft(resident: ResidentDraft(name: "张三", phone: "13812345678"), problem: "替母亲反映"),
                                            session: fixture.clerk)
        XCTAssertEqual(visit.residentID, son.id, "filed under the person typed, not the phone's first owner")
        XCTAssertThrowsError(try store.findOrCreateResident(ResidentDraft(name: "李", phone: "65123456"), session: fixture.clerk)) {
            XCTAssertEqual(userMessage(for: $0), "电话号码不对：固话请带区号，如 010-12345678")
        }
        var settings = try store.settings()
        settings.areaCode = "010"
        try store.updateSettings(settings, session: .system)
        let local = try store.findOrCreateResident(ResidentDraft(name: "李", phone: "65123456"), session: fixture.clerk)
        XCTAssertEqual(try store.resident(id: local.id)?.phone, "010-65123456")
        XCTAssertEqual(try store.residentMatches("010-6512").map(\.resident.name), ["李"])
        XCTAssertEqual(try store.residentMatches("0106512").map(\.resident.name), ["李"])
        settings.areaCode = "10"
        XCTAssertThrowsError(try store.updateSettings(settings, session: .system)) {
            XCTAssertEqual($0 as? InvalidField, InvalidField("areaCode", "区号应为 0 开头的 3 或 4 位数字，如 010、0571"))
        }
    }

    func testSurnamesAreReadAsSurnamesAndFoundByEitherReading() throws {
        XCTAssertEqual(Pinyin.name("曾庆华").initials, "zqh")
        XCTAssertEqual(Pinyin.name("曾庆华").otherInitials, "cqh")
        XCTAssertEqual(Pinyin.name("曾庆华").syllables, "zeng qing hua")
        XCTAssertEqual(Pinyin.name("单雄信").initials, "sxx")
        XCTAssertEqual(Pinyin.name("尉迟恭").initials, "ycg")
        XCTAssertEqual(Pinyin.name("万俟卨").initials.prefix(2), "mq")
        XCTAssertEqual(Pinyin.name("区志明").initials, "ozm")
        XCTAssertEqual(Pinyin.name("张乾林").initials, "zql")
        XCTAssertEqual(Pinyin.name("张乾林").otherInitials, "", "no second reading when there is none")
        let fixture = try StoreFixture()
        _ = try fixture.store.findOrCreateResident(ResidentDraft(name: "曾庆华", phone: "13812345678"), session: fixture.clerk)
        XCTAssertEqual(try fixture.store.residentMatches("zqh").map(\.resident.name), ["曾庆华"])
        XCTAssertEqual(try fixture.store.residentMatches("cqh").map(\.resident.name), ["曾庆华"])
        try fixture.store.createDeputy(DeputyDraft(name: "曾国强", level: .township), session: .system)
        let deputy = try XCTUnwrap(fixture.store.deputies().first { $0.name == "曾国强" })
        XCTAssertEqual(deputy.namePinyin, "zeng guo qiang", "sorted under z")
        XCTAssertEqual(deputy.nameInitials, "zgq cgq")
    }
}

final class VisitRaceAndCreditTests: XCTestCase {
    func testHandingToAnotherDeputyMovesTheOneCreditAndTheQuotaCountsDays() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let other = try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: .system)
        let visit = try fixture.walkIn()
        try store.handToDeputy(visitID: visit.id, deputyID: fixture.deputyID, session: fixture.clerk)
        try store.handToDeputy(visitID: visit.id, deputyID: other, session: fixture.clerk)
        XCTAssertEqual(try store.database.fetchAll("SELECT deputy_id FROM duty_log WHERE kind = 'reception'") { $0.int64(0) }, [other],
                       "one entry, moved to the deputy who has the resident now")
        // Three residents on one day and one on another: two reception days, four residents received.
        for (offset, name) in [(0, "甲"), (0, "乙"), (3, "丙")] {
            fixture.clock.set(LocalTime(day: day("2026-11-16").adding(days: offset), hour: 10, minute: 0))
            let next = try store.registerVisit(VisitDraft(resident: ResidentDraft(name: name, phoneRefused: true), problem: "问题"),
                                               session: fixture.clerk)
            try store.handToDeputy(visitID: next.id, deputyID: other, session: fixture.clerk)
        }
        let credit = try store.dutyCredit(deputyID: other, year: 2026)
        XCTAssertEqual(credit.receptionDays, 2)
        XCTAssertEqual(credit.visitsReceived, 4)
        XCTAssertEqual(credit.points, 2 * 5, "points by the day, not by the resident")
        try store.updatePointRule(PointRule(kind: .reception, first: 8, further: 8), session: .system)
        XCTAssertEqual(try store.dutyCredit(deputyID: other, year: 2026).points, 16, "the station's own points")
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).receptionDays, 0)
    }

    /// Two terminals on one file call the same resident: one gets them, the other is told who has them,
    /// and nothing is overwritten or credited twice.
    func testTwoConnectionsRacingOnOneVisit() throws {
        let fixture = try StoreFixture()
        let first = fixture.store
        let second = try LiaisonStore(database: Database(path: first.database.path), clock: fixture.clock)
        let other = try first.createDeputy(DeputyDraft(name: "陈志强", level: .county), session: .system)
        let visit = try fixture.walkIn()
        let seen = try XCTUnwrap(second.visit(id: visit.id)).version
        try first.handToDeputy(visitID: visit.id, deputyID: other, expectedVersion: visit.version, session: fixture.clerk)
        XCTAssertThrowsError(try second.handToDeputy(visitID: visit.id, deputyID: fixture.deputyID, expectedVersion: seen,
                                                     session: fixture.clerk)) {
            XCTAssertEqual(userMessage(for: $0), "第 1 号 已被叫到 陈志强 代表处")
        }
        XCTAssertThrowsError(try second.answerOnSpot(visitID: visit.id, answer: "已答复", deputyID: nil, expectedVersion: seen,
                                                     session: fixture.clerk))
        XCTAssertThrowsError(try second.markLeft(visitID: visit.id, expectedVersion: seen, session: fixture.clerk))
        let now = try XCTUnwrap(first.visit(id: visit.id))
        XCTAssertEqual(now.receivingDeputyID, other)
        XCTAssertEqual(now.status, .withDeputy)
        XCTAssertEqual(try first.database.scalarInt("SELECT count(*) FROM duty_log WHERE visit_id = ?", [visit.id]), 1)
        XCTAssertEqual(try first.database.scalarInt("SELECT count(*) FROM cases"), 0, "the stale answer wrote no case")
        // With the version it sees now, the second terminal may act.
        XCTAssertNoThrow(try second.answerOnSpot(visitID: visit.id, answer: "已答复", deputyID: nil, expectedVersion: now.version,
                                                 session: fixture.clerk))
        XCTAssertThrowsError(try first.refer(visitID: visit.id, to: "律师", note: "", deputyID: nil, expectedVersion: now.version,
                                             session: fixture.clerk)) {
            XCTAssertEqual(userMessage(for: $0), "第 1 号 已当场答复")
        }
    }

    func testCalledButNotThereIsItsOwnOutcomeAndMayQueueAgain() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let visit = try fixture.walkIn()
        XCTAssertThrowsError(try store.markNoShow(visitID: visit.id, session: fixture.clerk), "not called yet")
        try store.handToDeputy(visitID: visit.id, deputyID: fixture.deputyID, session: fixture.clerk)
        try store.markNoShow(visitID: visit.id, session: fixture.clerk)
        var now = try XCTUnwrap(store.visit(id: visit.id))
        XCTAssertEqual(now.outcome, .noShow)
        XCTAssertEqual(try store.receptionFigures(on: store.today).noShow, 1)
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).visitsReceived, 0, "nobody received them")
        try store.requeue(visitID: visit.id, expectedVersion: now.version, session: fixture.clerk)
        now = try XCTUnwrap(store.visit(id: visit.id))
        XCTAssertEqual(now.status, .waiting)
        XCTAssertNil(now.outcome)
        XCTAssertEqual(now.queueNumber, visit.queueNumber, "under the same number")
        try store.handToDeputy(visitID: visit.id, deputyID: fixture.deputyID, session: fixture.clerk)
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).visitsReceived, 1)
        XCTAssertThrowsError(try store.requeue(visitID: visit.id, session: fixture.clerk), "with a deputy: nothing to requeue")
    }

    func testJoiningAnOpenCaseKeepsTheDispatchChosen() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let waiting = try fixture.openedCase()
        let visit = try fixture.walkIn(problem: "又来反映路灯")
        let joined = try store.addVisit(visit.id, toCase: waiting.id, dispatchTo: fixture.departmentID, workingDays: 5,
                                        session: fixture.clerk)
        let record = try store.caseRecord(id: waiting.id)
        XCTAssertEqual(record.status, .dispatched, "the case waiting for dispatch went with the department chosen")
        XCTAssertEqual(joined, .dispatched(department: "区住建局", due: try XCTUnwrap(record.dueDate)))
        let again = try fixture.walkIn(problem: "第三次反映")
        let other = try store.createDepartment(DepartmentDraft(name: "区城管委", kind: .bureau), session: .system)
        XCTAssertEqual(try store.addVisit(again.id, toCase: waiting.id, dispatchTo: other, workingDays: 3,
                                          session: fixture.clerk),
                       .stands(department: "区住建局", due: record.dueDate), "a dispatched case keeps its dispatch")
        XCTAssertEqual(try store.caseRecord(id: waiting.id).departmentID, fixture.departmentID)
    }

    func testTheSamePersonInTodaysQueueIsFound() throws {
        let fixture = try StoreFixture()
        let visit = try fixture.walkIn()
        XCTAssertEqual(try fixture.store.unfinishedVisit(ofResident: visit.residentID, on: fixture.store.today)?.id, visit.id)
        try fixture.store.markLeft(visitID: visit.id, session: fixture.clerk)
        XCTAssertNil(try fixture.store.unfinishedVisit(ofResident: visit.residentID, on: fixture.store.today))
    }
}

final class IDNumberTests: XCTestCase {
    let today = day("2026-11-16")

    func number(_ first17: String) -> String { first17 + String(IDCardNumber.checkCharacter(for: first17)) }

    func testAnIDNumberHasARealRegionAndBirthDateBesidesItsCheckDigit() {
        XCTAssertEqual(IDCardNumber.validate(number("11010519491231002"), today: today), .success(number("11010519491231002")))
        XCTAssertEqual(IDCardNumber.validate(number("11010519990230002"), today: today), .failure(.birthDate("1999-02-30")),
                       "a check digit alone let 1999-02-30 pass")
        XCTAssertEqual(IDCardNumber.validate(number("11010520301231002"), today: today), .failure(.futureBirthDate("2030-12-31")))
        XCTAssertEqual(IDCardNumber.validate(number("77010519491231002"), today: today), .failure(.region("77")))
        XCTAssertEqual(IDCardNumber.validate("110105194912310021", today: today), .failure(.checkDigit))
        XCTAssertEqual(IDCardNumber.validate("1101051949", today: today), .failure(.length(10)))
        XCTAssertEqual(IDCardNumber.validate("11010519491231002A0", today: today), .failure(.length(19)))
        XCTAssertEqual(IDCardNumber.validate("1101051949123100AX", today: today), .failure(.notDigits))
        XCTAssertEqual(IDCardNumber.Problem.birthDate("1999-02-30").message, "出生日期 1999-02-30 不存在")
    }

    func testAForeignersPermanentResidenceCardOf2023IsAccepted() throws {
        // 9, the province (11 Beijing), the nationality (840), the birth date, a sequence, the check character.
        let card = number("91184019850315001")
        XCTAssertEqual(IDCardNumber.validate(card, today: today), .success(card))
        XCTAssertEqual(IDCardNumber.validate(number("90084019850315001"), today: today), .failure(.region("00")))
        let fixture = try StoreFixture()
        let resident = try fixture.store.findOrCreateResident(ResidentDraft(name: "JOHN SMITH", phone: "13812345678", idNumber: card),
                                                              session: fixture.clerk)
        XCTAssertEqual(try fixture.store.resident(id: resident.id)?.idNumber, card)
        XCTAssertThrowsError(try fixture.store.findOrCreateResident(
            ResidentDraft(name: "李", phone: "13812345679", idNumber: number("11010519990230002")), session: fixture.clerk)) {
            XCTAssertEqual(userMessage(for: $0), "身份证号码不对：出生日期 1999-02-30 不存在")
        }
    }
}

final class ReceptionEdgeTests: XCTestCase {
    func testANumberDialledFromAbroadAndTheStationsOwnAreaCode() throws {
        XCTAssertEqual(PhoneNumber.normalized("+86 10 6234 5678"), "010-62345678", "a landline keeps the 0 of its area code")
        XCTAssertEqual(PhoneNumber.normalized("0086 571 8765 4321"), "0571-87654321")
        XCTAssertEqual(PhoneNumber.lookupPrefix("+86 135"), "135")
        XCTAssertEqual(PhoneNumber.areaCode(of: "010-84211234"), "010")
        XCTAssertNil(PhoneNumber.areaCode(of: "13812345678"))
        let directory = TemporaryDirectory()
        let store = try LiaisonStore.initialize(database: Database(path: directory.path("a.sqlite"), mode: .create),
                                                clock: ManualClock(LocalTime(day: day("2026-11-16"))),
                                                station: StationDraft(name: "和平站", phone: "010-84211234"))
        XCTAssertEqual(store.areaCode, "010", "from the station's own phone until set")
        XCTAssertEqual(try store.normalizedPhone("62345678"), "010-62345678")
    }

    func testTheCaseFormsResponsibleDeputyIsNotCreditedWithAReception() throws {
        let fixture = try StoreFixture()
        let visit = try fixture.walkIn()
        _ = try fixture.store.openCase(fromVisit: visit.id, CaseDraft(title: "", tier: .immediate, responsibleDeputyID: fixture.deputyID),
                                       session: fixture.clerk)
        XCTAssertEqual(try fixture.store.database.scalarInt("SELECT count(*) FROM duty_log"), 0, "nobody called the resident")
        XCTAssertNil(try fixture.store.visit(id: visit.id)?.receivingDeputyID)
        let answered = try fixture.walkIn("李四", phone: "13912345678")
        _ = try fixture.store.answerOnSpot(visitID: answered.id, answer: "已解释", deputyID: fixture.deputyID, session: fixture.clerk)
        XCTAssertEqual(try fixture.store.dutyCredit(deputyID: fixture.deputyID, year: 2026).visitsReceived, 1, "the one who answered did")
    }

    func testJoiningAWaitingCaseWithoutADepartmentLeavesItWaiting() throws {
        let fixture = try StoreFixture()
        let waiting = try fixture.openedCase()
        let visit = try fixture.walkIn(problem: "再次反映")
        XCTAssertEqual(try fixture.store.addVisit(visit.id, toCase: waiting.id, session: fixture.clerk), .waiting)
        XCTAssertEqual(try fixture.store.caseRecord(id: waiting.id).status, .triaged)
    }

    func testSomeoneWithoutAPhoneInTodaysQueueIsFoundByName() throws {
        let fixture = try StoreFixture()
        let visit = try fixture.walkIn("王大妈", phone: nil)
        XCTAssertEqual(try fixture.store.unfinishedVisit(named: "王大妈", withoutPhoneOn: fixture.store.today)?.id, visit.id)
        XCTAssertNil(try fixture.store.unfinishedVisit(named: "王大爷", withoutPhoneOn: fixture.store.today))
    }

    func testOnlyTodaysVisitsQueueAgain() throws {
        let fixture = try StoreFixture()
        let visit = try fixture.walkIn()
        try fixture.store.markLeft(visitID: visit.id, session: fixture.clerk)
        fixture.clock.advance(seconds: 86_400)
        XCTAssertThrowsError(try fixture.store.requeue(visitID: visit.id, session: fixture.clerk)) {
            XCTAssertEqual(userMessage(for: $0), "第 1 号是 2026-11-16 的来访，只能重新登记")
        }
    }

    /// The surname readings the migration recomputed names with are the ones new names get.
    func testTheMigrationsSurnameListIsTheProgramsOwn() throws {
        let pairs = SchemaV3.sql.matches(of: /\('([^']+)', '([a-z ]+)', '[a-z]+'\)/).map { (String($0.output.1), String($0.output.2)) }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: pairs), Pinyin.surnameReadings)
    }
}

/// Two terminals on threads of their own hand the same visit at the same moment: exactly one wins.
final class ConcurrentVisitTests: XCTestCase {
    func testTwoThreadsCallingTheSameVisitAtOnce() throws {
        let fixture = try StoreFixture()
        let path = fixture.store.database.path
        let visit = try fixture.walkIn()
        let deputies = [fixture.deputyID, try fixture.store.createDeputy(DeputyDraft(name: "李红", level: .township), session: .system)]
        let outcomes = LockedCounter()
        let clock = fixture.clock
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let store = try LiaisonStore(database: Database(path: path), clock: clock)
                try store.handToDeputy(visitID: visit.id, deputyID: deputies[worker],
                                       expectedVersion: visit.version, session: .system)
                outcomes.increment()
            } catch DomainError.visitChanged {
                // The other thread got there first.
            } catch {
                XCTFail("unexpected \(error)")
            }
        }
        XCTAssertEqual(outcomes.value, 1, "one terminal calls the resident, the other is told")
        XCTAssertEqual(try fixture.store.visit(id: visit.id)?.version, visit.version + 1)
        XCTAssertEqual(try fixture.store.database.scalarInt("SELECT count(*) FROM duty_log WHERE visit_id = ?", [visit.id]), 1)
    }
}
