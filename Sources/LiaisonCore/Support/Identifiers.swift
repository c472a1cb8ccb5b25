import Foundation

/// Mainland phone numbers: an 11-digit mobile (1[3-9]…) or a landline with its area code (010-12345678).
public enum PhoneNumber {
    /// Digits only, with a hyphen after a landline's area code, so one number has one stored form.
    public static func normalized(_ text: String) -> String? {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        let allowed = text.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == " " || $0 == "-" }
        guard allowed else { return nil }
        if digits.count == 11, digits.hasPrefix("1"), let second = digits.dropFirst().first, "3456789".contains(second) {
            return digits
        }
        guard digits.hasPrefix("0"), !digits.hasPrefix("00") else { return nil }
        // Area codes are 010 and 02x (3 digits) or 0xxx (4 digits); local numbers have 7 or 8 digits.
        let areaLength = digits.hasPrefix("01") || digits.hasPrefix("02") ? 3 : 4
        let localLength = digits.count - areaLength
        guard (7...8).contains(localLength) else { return nil }
        return String(digits.prefix(areaLength)) + "-" + String(digits.dropFirst(areaLength))
    }

    /// What lists show for a phone that may not have been given.
    public static func masked(_ phone: String?) -> String { phone.map(masked) ?? "未留电话" }

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

    /// Upper-cased and trimmed when the check digit is right; nil otherwise.
    public static func validated(_ text: String) -> String? {
        let candidate = text.trimmingCharacters(in: .whitespaces).uppercased()
        let characters = Array(candidate)
        guard characters.count == 18, characters.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard checkCharacter(for: String(characters.prefix(17))) == characters[17] else { return nil }
        return candidate
    }

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
        String(syllables(text).split(separator: " ").compactMap { $0.first })
    }
}
