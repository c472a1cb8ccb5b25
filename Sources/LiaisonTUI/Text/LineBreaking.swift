/// Where wrapped Chinese text breaks. Greedy by display width, then adjusted as Chinese typesetting
/// expects (禁则): a line never starts with closing punctuation or ends with opening punctuation, and a
/// run of digits or Latin letters (2026-06-04, 12345, ABC) is not split when a line can hold it whole.
enum LineBreaking {
    /// Closing punctuation, which stays with the character before it.
    static let closing: Set<Character> = Set("，。、；：？！）》」』】〕〉〗｝”’…—～·,.;:?!)]}%％")
    /// Opening punctuation, which goes with the character after it.
    static let opening: Set<Character> = Set("（《「『【〔〈〖｛“‘([{")

    /// Digits, Latin letters and what joins them in dates, times and codes.
    static func isRunCharacter(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || "-./:_#@".contains(character)
    }

    /// The lines of one paragraph (no line breaks in it) as ranges of `characters`, each at most `width`
    /// columns; an empty paragraph is one empty line.
    static func lines(_ characters: ArraySlice<Character>, width: Int) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = characters.startIndex
        let end = characters.endIndex
        guard start < end else { return [start..<start] }
        while start < end {
            var used = 0
            var stop = start
            while stop < end {
                let next = DisplayWidth.width(of: characters[stop])
                if used + next > width && stop > start { break }
                used += next
                stop += 1
            }
            if stop < end { stop = adjusted(characters, start: start, greedy: stop, width: width) }
            lines.append(start..<stop)
            start = stop
            // A space where the line breaks is the break itself: the next line does not start with it.
            while start < end && characters[start] == " " { start += 1 }
        }
        return lines
    }

    /// Moves a greedy break earlier where the rules ask, never to the line's start (it must progress).
    private static func adjusted(_ characters: ArraySlice<Character>, start: Int, greedy: Int, width: Int) -> Int {
        var stop = greedy
        // A run of digits or letters cut in two moves down whole, if a line can hold it.
        if isRunCharacter(characters[stop]) && isRunCharacter(characters[stop - 1]) {
            var runStart = stop - 1
            while runStart > start && isRunCharacter(characters[runStart - 1]) { runStart -= 1 }
            var runEnd = stop
            while runEnd < characters.endIndex && isRunCharacter(characters[runEnd]) { runEnd += 1 }
            if runStart > start && DisplayWidth.width(of: String(characters[runStart..<runEnd])) <= width { stop = runStart }
        }
        // Closing punctuation takes the character before it down with it.
        while stop > start + 1 && stop < characters.endIndex && closing.contains(characters[stop]) { stop -= 1 }
        while stop > start + 1 && opening.contains(characters[stop - 1]) { stop -= 1 }
        return stop > start ? stop : greedy
    }
}
