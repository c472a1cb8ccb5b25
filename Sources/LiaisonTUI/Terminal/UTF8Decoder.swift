/// Turns the terminal's input bytes into characters. An invalid byte is dropped at once and decoding
/// starts again at the next byte, so typing goes on normally after a stray byte. (ncurses' get_wch keeps
/// collecting bytes after an invalid one and swallows the keys typed behind it.)
struct UTF8Decoder {
    private var pending: [UInt8] = []
    private var expected = 0

    /// Feeds one byte; returns a scalar when one is complete.
    mutating func feed(_ byte: UInt8) -> Unicode.Scalar? {
        if pending.isEmpty {
            switch byte {
            case 0x00...0x7F: return Unicode.Scalar(byte)
            case 0xC2...0xDF: expected = 2
            case 0xE0...0xEF: expected = 3
            case 0xF0...0xF4: expected = 4
            default: return nil // a continuation byte or an impossible lead byte: dropped
            }
            pending = [byte]
            return nil
        }
        guard (0x80...0xBF).contains(byte) else {
            // The sequence broke off: drop it and read this byte afresh.
            pending.removeAll()
            return feed(byte)
        }
        pending.append(byte)
        guard pending.count == expected else { return nil }
        defer { pending.removeAll() }
        var value = UInt32(pending[0]) & (expected == 2 ? 0x1F : expected == 3 ? 0x0F : 0x07)
        for continuation in pending.dropFirst() { value = value << 6 | UInt32(continuation & 0x3F) }
        // Overlong forms and surrogates are invalid too.
        let minimum: UInt32 = expected == 2 ? 0x80 : expected == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return scalar
    }

    /// Forgets a half-read sequence (after a timeout: the rest is not coming).
    mutating func reset() { pending.removeAll() }
}
