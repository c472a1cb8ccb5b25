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
        try store.setAreaCode("010", session: .workstation)
        let local = try store.findOrCreateResident(ResidentDraft(name: "李", phone: "65123456"), session: fixture.clerk)
        XCTAssertEqual(try store.resident(id: local.id)?.phone, "010-65123456")
        XCTAssertEqual(try store.residentMatches("010-6512").map(\.resident.name), ["李"])
        XCTAssertEqual(try store.residentMatches("0106512").map(\.resident.name), ["李"])
        XCTAssertThrowsError(try store.setAreaCode("10", session: .workstation))
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
        try fixture.store.createDeputy(DeputyDraft(name: "曾国强", level: .township), session: .workstation)
        let deputy = try XCTUnwrap(fixture.store.deputies().first { $0.name == "曾国强" })
        XCTAssertEqual(deputy.namePinyin, "zeng guo qiang", "sorted under z")
        XCTAssertEqual(deputy.nameInitials, "zgq cgq")
    }
}
