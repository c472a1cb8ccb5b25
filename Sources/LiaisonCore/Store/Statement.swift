import CSQLite
import Foundation

/// A value that can be bound to a statement parameter.
public protocol SQLBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

extension Int: SQLBindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Int64: SQLBindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Bool: SQLBindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
    }
}

extension Double: SQLBindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_double(statement, index, self)
    }
}

extension String: SQLBindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_text(statement, index, self, -1, liaison_sqlite_transient())
    }
}

/// Domain enums are stored by their raw value.
extension SQLBindable where Self: RawRepresentable, Self.RawValue == String {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        rawValue.bind(to: statement, at: index)
    }
}

/// A stored value the program cannot read back: a malformed date, an enum value it does not know.
/// The desk shows it as a message and stays up.
public struct StoredValueError: UserFacingError, Equatable, CustomStringConvertible {
    public let table: String
    public let column: String
    public let value: String
    public let expected: String

    public var userMessage: String { "数据库 \(table).\(column) 的\(expected)「\(value)」无效，请运行 liaison-desk check" }
    public var description: String { userMessage }
}

/// A prepared statement. It finalizes itself when released.
public final class Statement {
    let handle: OpaquePointer
    private let connection: OpaquePointer
    public let sql: String
    /// Whether the statement writes; a read transaction refuses the ones that do.
    public let isReadOnly: Bool
    private let parameterCount: Int

    init(connection: OpaquePointer, sql: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw DatabaseError(connection: connection, code: code, sql: sql)
        }
        self.handle = handle
        self.connection = connection
        self.sql = sql
        isReadOnly = sqlite3_stmt_readonly(handle) != 0
        parameterCount = Int(sqlite3_bind_parameter_count(handle))
    }

    deinit { sqlite3_finalize(handle) }

    /// True between the first step and the reset: the statement is in use and must not be handed out again.
    var isBusy: Bool { sqlite3_stmt_busy(handle) != 0 }

    /// Resets the statement and binds the arguments in order; `nil` binds NULL. The count must match the
    /// statement's parameters: a missing argument is a mistake, not a NULL.
    public func bind(_ arguments: [SQLBindable?]) throws {
        guard arguments.count == parameterCount else {
            throw DatabaseError(resultCode: SQLITE_RANGE,
                                message: "语句需要 \(parameterCount) 个参数，却给了 \(arguments.count) 个", sql: sql)
        }
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code = argument?.bind(to: handle, at: index) ?? sqlite3_bind_null(handle, index)
            guard code == SQLITE_OK else { throw DatabaseError(connection: connection, code: code, sql: sql) }
        }
    }

    /// Advances one row; true while there is a row to read.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = DatabaseError(connection: connection, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    public func reset() { sqlite3_reset(handle) }

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    public func bool(_ column: Int32) -> Bool { sqlite3_column_int64(handle, column) != 0 }
    public func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }
    public func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }
    public func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }
    public func optionalString(_ column: Int32) -> String? { isNull(column) ? nil : string(column) }
    public func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }

    /// Reads a column through `parse`; NULL gives nil, text that does not parse throws an error naming the
    /// table and column it came from.
    public func optional<T>(_ column: Int32, as expected: String, _ parse: (String) -> T?) throws -> T? {
        guard !isNull(column) else { return nil }
        let text = string(column)
        guard let value = parse(text) else { throw invalid(column, value: text, expected: expected) }
        return value
    }

    /// Like `optional`, and NULL is an error too.
    public func required<T>(_ column: Int32, as expected: String, _ parse: (String) -> T?) throws -> T {
        guard let value = try optional(column, as: expected, parse) else {
            throw invalid(column, value: "NULL", expected: expected)
        }
        return value
    }

    /// A stored enum value.
    public func value<T: RawRepresentable>(_ column: Int32, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        try required(column, as: "值", T.init(rawValue:))
    }

    /// A stored enum value matched against its cases' bytes, without making a string of each row's text:
    /// a district's tallies read tens of thousands.
    public func value<T: RawRepresentable & CaseIterable>(_ column: Int32, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        if let text = sqlite3_column_text(handle, column) {
            let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
            if let match = T.allCases.first(where: {
                var raw = $0.rawValue
                return raw.withUTF8 { $0.count == bytes.count && ($0.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
            }) { return match }
        }
        return try required(column, as: "值", T.init(rawValue:))
    }

    public func optionalValue<T: RawRepresentable>(_ column: Int32, as type: T.Type = T.self) throws -> T? where T.RawValue == String {
        try optional(column, as: "值", T.init(rawValue:))
    }

    private func invalid(_ column: Int32, value: String, expected: String) -> StoredValueError {
        // The origin is known for columns read straight from a table; an expression has only its name.
        let table = sqlite3_column_table_name(handle, column).map { String(cString: $0) } ?? "查询"
        let name = (sqlite3_column_origin_name(handle, column) ?? sqlite3_column_name(handle, column)).map { String(cString: $0) } ?? "\(column)"
        return StoredValueError(table: table, column: name, value: value, expected: expected)
    }
}
