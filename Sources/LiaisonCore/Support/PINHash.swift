import CCrypt
import Foundation

/// Operators' PINs are stored as crypt(3) hashes (yescrypt, the system default), never as digits.
public enum PINHash {
    public static func hash(_ pin: String) -> String? {
        var saltBuffer = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn(nil, 0, nil, 0, &saltBuffer, Int32(saltBuffer.count)) != nil else { return nil }
        return crypt(pin, setting: saltBuffer)
    }

    public static func verify(_ pin: String, against stored: String) -> Bool {
        guard let computed = crypt(pin, setting: stored.utf8CString.map { $0 }) else { return false }
        return computed == stored
    }

    private static func crypt(_ pin: String, setting: [CChar]) -> String? {
        var data = crypt_data()
        return withUnsafeMutablePointer(to: &data) { pointer in
            guard let result = crypt_r(pin, setting, pointer) else { return nil }
            let text = String(cString: result)
            // crypt_r signals failure with a string starting with '*'.
            return text.hasPrefix("*") ? nil : text
        }
    }
}
