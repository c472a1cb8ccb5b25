import Foundation

/// Mainland phone numbers: an 11-digit mobile (1[3-9]…) or a landline with its area code (010-12345678),
/// or a local number of 7 or 8 digits where the station has set its area code.
public enum PhoneNumber {
    /// Why a typed number is refused, said beside the field.
    public enum Problem: Error, Equatable, Sendable {
        case notDigits
        case mobileLength(Int)
        case mobilePrefix
        case landlineLength(Int)
        case needsAreaCode
        case unknownShape

        public var message: String {
            switch self {
            case .notDigits: "电话只能有数字（可带空格、短横或括号）"
            case .mobileLength(let count): "手机号应为 11 位，这里是 \(count) 位"
            case .mobilePrefix: "手机号第二位应为 3 到 9"
            case .landlineLength(let count): "区号后应为 7 或 8 位，这里是 \(count) 位"
            case .needsAreaCode: "固话请带区号，如 010-12345678"
            case .unknownShape: "不是手机号或带区号的固话"
            }
        }
    }

    /// The digits of what was typed: full-width digits made ASCII, spaces, hyphens, dots and brackets
    /// dropped. A number dialled from abroad (+86 or 0086) becomes the one dialled at home: a mobile as
    /// it is, a landline with the 0 of its area code back. Nil when anything else is in it.
    static func digits(_ text: String) -> String? {
        var digits = ""
        var plus = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: digits.unicodeScalars.append(scalar)
            case 0xFF10...0xFF19: digits.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0x20, 0x3000, 0x2D, 0xFF0D, 0x2E, 0x28, 0x29, 0xFF08, 0xFF09: continue
            case 0x2B where digits.isEmpty, 0xFF0B where digits.isEmpty: plus = true
            default: return nil
            }
        }
        let country = plus && digits.hasPrefix("86") ? "86" : digits.hasPrefix("0086") ? "0086" : nil
        guard let country else { return digits }
        let home = String(digits.dropFirst(country.count))
        return home.hasPrefix("1") && home.count >= 3 && "3456789".contains(home.dropFirst().first ?? "0") ? home : "0" + home
    }

    /// An office's number that is not a person's: a service number (12345, 95598, 96110), a 400 or 800
    /// number, or a number with an extension (010-64012345转801, 010-64012345-801), stored as digits with
    /// the extension after 转. Nil when it is none of these.
    static func office(_ text: String, areaCode: String?) -> String? {
        for separator in ["转", "分机", "ext", "-"] {
            guard let range = text.range(of: separator, options: [.backwards, .caseInsensitive]) else { continue }
            let extensionDigits = digits(String(text[range.upperBound...])) ?? ""
            guard (1...6).contains(extensionDigits.count),
                  case .success(let main) = normalize(String(text[..<range.lowerBound]), areaCode: areaCode) else { continue }
            return main + "转" + extensionDigits
        }
        guard let digits = digits(text) else { return nil }
        if digits.count == 5, digits.hasPrefix("1") || digits.hasPrefix("9") { return digits }
        if digits.count == 10, digits.hasPrefix("400") || digits.hasPrefix("800") {
            return digits.prefix(3) + "-" + digits.dropFirst(3).prefix(3) + "-" + digits.dropFirst(6)
        }
        return nil
    }

    /// Whether `code` is an area code as written (010, 021, 0571): 3 digits for 01x and 02x, else 4.
    public static func isAreaCode(_ code: String) -> Bool {
        guard code.allSatisfy({ $0.isASCII && $0.isNumber }), code.hasPrefix("0"), !code.hasPrefix("00") else { return false }
        return code.count == (code.hasPrefix("01") || code.hasPrefix("02") ? 3 : 4)
    }

    /// A landline's area code (010, 0571), as the station's own phone number gives it.
    public static func areaCode(of phone: String) -> String? {
        guard let stored = normalized(phone), stored.hasPrefix("0"), let hyphen = stored.firstIndex(of: "-") else { return nil }
        return String(stored[..<hyphen])
    }

    /// The one stored form of a number: digits only, with a hyphen after a landline's area code.
    /// `areaCode` (the station's own, e.g. 010) lets a local number be typed without it.
    public static func normalize(_ text: String, areaCode: String? = nil) -> Result<String, Problem> {
        guard let digits = digits(text), !digits.isEmpty else { return .failure(.notDigits) }
        if digits.hasPrefix("1") {
            guard digits.count == 11 else { return .failure(.mobileLength(digits.count)) }
            guard let second = digits.dropFirst().first, "3456789".contains(second) else { return .failure(.mobilePrefix) }
            return .success(digits)
        }
        if digits.hasPrefix("0") && !digits.hasPrefix("00") {
            // Area codes are 010 and 02x (3 digits) or 0xxx (4 digits); local numbers have 7 or 8 digits.
            let areaLength = digits.hasPrefix("01") || digits.hasPrefix("02") ? 3 : 4
            let local = digits.count - areaLength
            guard (7...8).contains(local) else { return .failure(.landlineLength(max(0, local))) }
            return .success(String(digits.prefix(areaLength)) + "-" + String(digits.dropFirst(areaLength)))
        }
        if (7...8).contains(digits.count) && !digits.hasPrefix("0") {
            guard let areaCode, !areaCode.isEmpty else { return .failure(.needsAreaCode) }
            return .success(areaCode + "-" + digits)
        }
        return .failure(.unknownShape)
    }

    /// The stored form, or nil.
    public static func normalized(_ text: String, areaCode: String? = nil) -> String? {
        try? normalize(text, areaCode: areaCode).get()
    }

    /// What typed digits look like in the stored form, for finding residents while a number is typed:
    /// a landline typed without its hyphen gets it after the area code.
    public static func lookupPrefix(_ text: String) -> String? {
        guard let digits = digits(text), !digits.isEmpty else { return nil }
        guard digits.hasPrefix("0"), !digits.hasPrefix("00") else { return digits }
        let areaLength = digits.hasPrefix("01") || digits.hasPrefix("02") ? 3 : 4
        guard digits.count > areaLength else { return digits }
        return String(digits.prefix(areaLength)) + "-" + String(digits.dropFirst(areaLength))
    }

    /// What lists show for a phone removed when its resident asked to be forgotten.
    public static let removed = "已删除"

    /// What lists show for a phone that may not have been given.
    public static func masked(_ phone: String?) -> String { phone.map(masked) ?? "未留电话" }

    /// A resident's phone as lists show it: masked, or 已删除 once they were anonymised at their request.
    public static func shown(_ phone: String?, anonymized: Bool) -> String { anonymized ? removed : masked(phone) }

    /// 138****5678: what lists show.
    public static func masked(_ phone: String) -> String {
        let characters = Array(phone)
        guard characters.count >= 7 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(3)) + "****" + String(characters.suffix(4))
    }
}

/// Resident identity card numbers (GB 11643-1999): 17 digits and a check character.
public enum IDCardNumber {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Why a number is refused, said beside the field.
    public enum Problem: Error, Equatable, Sendable {
        case length(Int)
        case notDigits
        case region(String)
        case birthDate(String)
        case earlyBirthDate(String)
        case futureBirthDate(String)
        case checkDigit

        public var message: String {
            switch self {
            case .length(let count): "应为 18 位，这里是 \(count) 位"
            case .notDigits: "前 17 位应为数字"
            case .region(let code): "地区码 \(code) 不存在"
            case .birthDate(let text): "出生日期 \(text) 不存在"
            case .earlyBirthDate(let text): "出生日期 \(text) 早于 1900 年"
            case .futureBirthDate(let text): "出生日期 \(text) 还没到"
            case .checkDigit: "校验位不对"
            }
        }
    }

    /// Province-level codes: the 31 provinces, Taiwan, Hong Kong and Macao (and their residence permits).
    static let provinces: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44",
        "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
    ]

    /// The number upper-cased and trimmed, or why it is none: a resident identity card (GB 11643) or,
    /// starting with 9, a foreigner's permanent residence card of the 2023 kind (the province after the
    /// 9); both carry the birth date in digits 7 to 14 and the same check character.
    public static func validate(_ text: String, today: Day) -> Result<String, Problem> {
        let candidate = text.trimmingCharacters(in: .whitespaces).uppercased()
        let characters = Array(candidate)
        guard characters.count == 18 else { return .failure(.length(characters.count)) }
        guard characters.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.notDigits) }
        let region = String(characters[0] == "9" ? characters[1...2] : characters[0...1])
        guard provinces.contains(region) else { return .failure(.region(region)) }
        let birth = String(characters[6..<14])
        let shown = "\(birth.prefix(4))-\(birth.dropFirst(4).prefix(2))-\(birth.suffix(2))"
        guard let born = Day(iso: shown) else { return .failure(.birthDate(shown)) }
        guard born.year >= 1900 else { return .failure(.earlyBirthDate(shown)) }
        guard born <= today else { return .failure(.futureBirthDate(shown)) }
        guard checkCharacter(for: String(characters.prefix(17))) == characters[17] else { return .failure(.checkDigit) }
        return .success(candidate)
    }

    public static func validated(_ text: String, today: Day) -> String? { try? validate(text, today: today).get() }

    public static func checkCharacter(for first17: String) -> Character {
        let sum = zip(first17, weights).reduce(0) { $0 + $1.0.wholeNumberValue! * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// 1101**********123X: region and the last four only.
    public static func masked(_ number: String) -> String {
        let characters = Array(number)
        guard characters.count > 8 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(4)) + String(repeating: "*", count: characters.count - 8) + String(characters.suffix(4))
    }
}

/// Pinyin for sorting and search by initials (张乾林 → zhang qian lin, zql).
public enum Pinyin {
    /// Lower-case syllables without tone marks, separated by spaces.
    public static func syllables(_ text: String) -> String {
        let latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        return (latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin).lowercased()
    }

    /// The first letter of each syllable: what a clerk types to find 张乾林.
    public static func initials(_ text: String) -> String {
        initials(ofSyllables: syllables(text))
    }

    static func initials(ofSyllables syllables: String) -> String {
        String(syllables.split(separator: " ").compactMap { $0.first })
    }

    /// Surnames read otherwise than the character's common reading (曾庆华 is zeng qing hua, not ceng).
    /// Migration 3 holds the same list, to recompute names stored before it.
    static let surnameReadings: [String: String] = [
        "曾": "zeng", "单": "shan", "仇": "qiu", "解": "xie", "区": "ou", "查": "zha", "朴": "piao", "翟": "zhai", "盖": "ge",
        "乐": "yue", "覃": "qin", "尉迟": "yu chi", "万俟": "mo qi", "召": "shao", "缪": "miao", "繁": "po", "秘": "bi", "句": "gou",
        "员": "yun", "能": "nai", "种": "chong", "祭": "zhai", "折": "she", "藏": "zang", "蕃": "pi", "粘": "nian", "乜": "nie",
        "澹台": "tan tai", "都": "du", "卜": "bu", "重": "chong", "中行": "zhong hang", "洗": "xian",
    ]

    /// A person's name: its pinyin with the surname read as a surname, its initials, and the initials of
    /// the common reading when they differ (a clerk may type either).
    public static func name(_ name: String) -> (syllables: String, initials: String, otherInitials: String) {
        let common = syllables(name)
        let surname = [2, 1].lazy.map { String(name.prefix($0)) }.first { name.count > $0.count && surnameReadings[$0] != nil }
            ?? (surnameReadings[name] != nil ? name : nil)
        guard let surname, let reading = surnameReadings[surname] else { return (common, initials(ofSyllables: common), "") }
        let rest = common.split(separator: " ").dropFirst(surname.count).joined(separator: " ")
        let read = rest.isEmpty ? reading : reading + " " + rest
        let (initials, otherInitials) = (initials(ofSyllables: read), initials(ofSyllables: common))
        return (read, initials, otherInitials == initials ? "" : otherInitials)
    }
}
