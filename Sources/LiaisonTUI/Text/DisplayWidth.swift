/// Terminal display width from the program's own table, so columns line up whatever the
/// machine's locale data says: East Asian Wide and Fullwidth take two columns, marks take none.
public enum DisplayWidth {
    /// Ranges of East Asian Wide (W) and Fullwidth (F) code points, sorted (Unicode 15 EastAsianWidth.txt).
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x2E99,
        0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFB, 0x3000...0x303E, 0x3041...0x3096, 0x3099...0x30FF,
        0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E3, 0x31F0...0x321E, 0x3220...0x3247, 0x3250...0x4DBF,
        0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08, 0x1AFF0...0x1AFFE,
        0x1B000...0x1B122, 0x1B150...0x1B152, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F004...0x1F004,
        0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335,
        0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
        0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
        0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4,
        0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7,
        0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0,
        0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FA7C, 0x1FA80...0x1FA88,
        0x1FA90...0x1FABD, 0x1FABF...0x1FAC5, 0x1FACE...0x1FADB, 0x1FAE0...0x1FAE8, 0x1FAF0...0x1FAF8,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x1100 && value >= 0x20 {
            // Fast path for Latin text; combining marks below U+1100 are still zero.
            return isZeroWidth(scalar) ? 0 : 1
        }
        // Wide first: Chinese is most of what is measured, and a wide character is never zero-width.
        if isWide(value) { return 2 }
        return isZeroWidth(scalar) ? 0 : 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return (0x1160...0x11FF).contains(scalar.value) // Hangul medial vowels and final consonants
        }
    }

    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound { high = middle - 1 } else if value > range.upperBound { low = middle + 1 } else { return true }
        }
        return false
    }

    /// A grapheme cluster is as wide as what is drawn for it (see `drawable`).
    public static func width(of character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        if scalars.next() == nil { return width(of: first) }
        return drawable(character).unicodeScalars.first.map(width(of:)) ?? 0
    }

    /// Scalars that join others into one cluster drawn at a disputed width (ZWJ, variation selectors,
    /// skin tones, flags, keycaps, tags): text holding one is measured cluster by cluster.
    static func joinsClusters(_ value: UInt32) -> Bool {
        value == 0x200D || (0xFE00...0xFE0F).contains(value) || (0x1F3FB...0x1F3FF).contains(value)
            || (0x1F1E6...0x1F1FF).contains(value) || value == 0x20E3 || (0xE0020...0xE007F).contains(value)
    }

    /// What the screen draws for a character. A cluster of several visible parts (a family emoji joined
    /// by ZWJ, a skin tone, a flag, a text symbol made emoji by U+FE0F) is drawn differently wide by
    /// different terminals, which shifts every column after it; so only its base is drawn, whose width
    /// they agree on. A letter with combining marks is drawn whole.
    public static func drawable(_ character: Character) -> Character {
        let scalars = character.unicodeScalars
        guard scalars.count > 1, let base = scalars.first else { return character }
        let stable = scalars.dropFirst().allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: scalar.value != 0x20E3 // the keycap frame is drawn as emoji
            default: false
            }
        }
        if stable { return character }
        // A lone regional indicator is no letter anyone reads, and its width is disputed too.
        if (0x1F1E6...0x1F1FF).contains(base.value) { return "?" }
        return Character(base)
    }

    /// Scalar by scalar, which is several times faster than by cluster and the same sum (a combining
    /// mark is zero wide either way), unless the text holds a cluster of disputed width.
    public static func width(of text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x7F {
                total += value >= 0x20 ? 1 : 0
            } else if joinsClusters(value) {
                return text.reduce(0) { $0 + width(of: $1) }
            } else {
                total += width(of: scalar)
            }
        }
        return total
    }
}

extension StringProtocol {
    /// Columns this text takes on the terminal.
    public var displayWidth: Int { DisplayWidth.width(of: self) }

    /// The longest prefix that fits in `columns`, never cutting a wide character in half.
    public func clipped(to columns: Int) -> String {
        var used = 0
        var result = ""
        for character in self {
            let width = DisplayWidth.width(of: character)
            if used + width > columns { break }
            used += width
            result.append(character)
        }
        return result
    }

    /// Clipped and padded with spaces to exactly `columns`; `ellipsis` marks clipped text with `~`
    /// (an ASCII mark: ambiguous-width characters like … would break the columns on some terminals).
    public func fitted(to columns: Int, ellipsis: Bool = false, alignRight: Bool = false) -> String {
        guard columns > 0 else { return "" }
        let width = displayWidth
        if width <= columns {
            let padding = String(repeating: " ", count: columns - width)
            return alignRight ? padding + self : String(self) + padding
        }
        guard ellipsis else { return clipped(to: columns).fitted(to: columns) }
        return (clipped(to: columns - 1) + "~").fitted(to: columns)
    }
}

extension String {
    /// Breaks text into lines of at most `width` columns, keeping the text's own line breaks and the
    /// rules of Chinese line breaking (`LineBreaking`). Wrapping is always explicit: a row handed to the
    /// screen never wraps by itself.
    public func wrapped(to width: Int) -> [String] {
        guard width > 1 else { return [] }
        return split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            let characters = Array(paragraph)
            return LineBreaking.lines(characters[...], width: width).map { String(characters[$0]) }
        }
    }

    /// The text as the screen draws it: each character replaced by `DisplayWidth.drawable`.
    var drawable: String {
        var result = ""
        for character in self { result.append(DisplayWidth.drawable(character)) }
        return result
    }
}
