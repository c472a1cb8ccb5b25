import CSQLite

/// An error a person can read: every failure shown on screen or on stderr carries a Chinese message.
public protocol UserFacingError: Error {
    var userMessage: String { get }
}

/// What to tell the user about any error: its Chinese message, or the error itself when it has none.
public func userMessage(for error: Error) -> String {
    (error as? UserFacingError)?.userMessage ?? "出错了：\(error)"
}

/// A failed SQLite call, with everything needed to understand it later.
public struct DatabaseError: UserFacingError, CustomStringConvertible {
    public let resultCode: Int32
    public let extendedResultCode: Int32
    public let message: String
    public let sql: String?

    public init(resultCode: Int32, extendedResultCode: Int32? = nil, message: String, sql: String? = nil) {
        self.resultCode = resultCode & 0xff
        self.extendedResultCode = extendedResultCode ?? resultCode
        self.message = message
        self.sql = sql
    }

    init(connection: OpaquePointer?, code: Int32, sql: String?) {
        let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        self.init(resultCode: code, extendedResultCode: extended, message: message, sql: sql)
    }

    public var isBusy: Bool { resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED }
    public var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }

    public var description: String {
        var text = "SQLite error \(resultCode) (extended \(extendedResultCode)): \(message)"
        if let sql { text += " — SQL: \(sql)" }
        return text
    }

    public var userMessage: String {
        switch resultCode {
        case SQLITE_BUSY, SQLITE_LOCKED: return "数据库正忙（另一终端正在写入），请稍后重试"
        case SQLITE_FULL: return "磁盘已满，未能保存，请清理磁盘后重试"
        case SQLITE_READONLY: return "数据库文件只读，无法保存"
        case SQLITE_IOERR: return "读写数据库文件出错（\(message)）"
        case SQLITE_CORRUPT: return "数据库文件已损坏，请用备份恢复"
        case SQLITE_NOTADB: return "不是 SQLite 数据库文件"
        case SQLITE_CANTOPEN: return "无法打开数据库文件"
        case SQLITE_CONSTRAINT: return "数据不符合约束：\(message)"
        default: return "数据库错误：\(message)"
        }
    }
}

/// Why the store refused to open a file. The file is never touched in these cases.
public enum StoreOpenError: UserFacingError, Equatable {
    case missingFile(String)
    case notInitialized(String)
    case missingDirectory(String)
    case notSQLite(String)
    case foreignDatabase(String, applicationID: Int32)
    case newerSchema(String, found: Int, known: Int)
    case readOnlyFile(String)
    case alreadyExists(String)
    case integrityFailed(String, details: String)

    public var userMessage: String {
        switch self {
        case .missingFile(let path): return "数据库文件不存在：\(path)（可用 init 新建）"
        case .notInitialized(let path): return "数据库尚未初始化（可用 init 新建）：\(path)"
        case .missingDirectory(let path): return "目录不存在或不可写：\(path)"
        case .notSQLite(let path): return "不是 SQLite 数据库文件，未做任何改动：\(path)"
        case .foreignDatabase(let path, let id):
            return "不是本程序的数据库（application_id=\(id)），未做任何改动：\(path)"
        case .newerSchema(let path, let found, let known):
            return "数据库版本 \(found) 比本程序支持的版本 \(known) 新，请升级程序；未做任何改动：\(path)"
        case .readOnlyFile(let path): return "数据库文件或其目录只读，无法写入：\(path)"
        case .alreadyExists(let path): return "文件已存在，不会覆盖：\(path)"
        case .integrityFailed(let path, let details): return "数据库完整性检查未通过（\(details)）：\(path)"
        }
    }
}

/// The program used the store the wrong way; the message names the SQL so the mistake can be found.
public enum StoreUsageError: UserFacingError, Equatable {
    case writeInsideRead(String)

    public var userMessage: String {
        switch self {
        case .writeInsideRead(let sql): return "程序错误：只读事务中不能写入（\(sql.prefix(60))）"
        }
    }
}
