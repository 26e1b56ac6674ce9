import Foundation
import GRDB
import PolicyGraphCore

/// What can go wrong with a store, with what to do about it.
public enum StoreError: Error, LocalizedError, Sendable, Equatable {
    /// The file is an SQLite database of something else.
    case notAStore(path: String)
    /// The store was made by a newer policygraph (it has migrations this one does not know).
    case newerStore(path: String, unknownVersions: [String])
    /// The store is missing.
    case missing(path: String)
    /// A read-only SQL statement that writes, or that SQLite rejects.
    case sql(statement: String, reason: String)
    /// SQLite failed (disk full, locked, corrupt…).
    case database(path: String, reason: String)
    /// A document id that the store does not hold.
    case unknownDocument(String, suggestions: [String])

    public var errorDescription: String? {
        switch self {
        case let .notAStore(path):
            return "\(path): an SQLite file, but not a PolicyGraph store. Pass another --store PATH, or move the file away and run `policygraph build`."
        case let .newerStore(path, versions):
            return "\(path): made by a newer policygraph (schema versions \(versions.joined(separator: ", ")) are unknown here). Update policygraph, or rebuild the store with `policygraph build --store PATH`."
        case let .missing(path):
            return "\(path): no store there. Make one with `policygraph build` or `policygraph add FILE|DIR… --store \(path)`."
        case let .sql(statement, reason):
            return "SQL error in “\(statement)”: \(reason). The store is read-only here; see docs/store.md for its tables."
        case let .database(path, reason):
            return "\(path): \(reason)"
        case let .unknownDocument(id, suggestions):
            let hint = suggestions.isEmpty ? " List the documents with `policygraph sql \"SELECT id FROM documents\"`." : " Did you mean \(suggestions.map { "“\($0)”" }.joined(separator: ", "))?"
            return "No document “\(id)” in the store.\(hint)"
        }
    }
}

extension StoreError {
    /// The one place where SQLite's errors become messages: a full disk, a
    /// read-only file or a lock say what to do, like the other file errors.
    static func database(path: String, _ error: DatabaseError) -> StoreError {
        let reason: String
        switch error.resultCode {
        case .SQLITE_FULL: reason = IOErrorMessage.describe(errno: ENOSPC)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: reason = IOErrorMessage.describe(errno: EACCES)
        case .SQLITE_IOERR: reason = IOErrorMessage.describe(errno: EIO)
        case .SQLITE_BUSY, .SQLITE_LOCKED: reason = "the store is locked by another policygraph; wait for it to finish and try again."
        default: reason = error.message ?? "\(error)"
        }
        return .database(path: path, reason: reason)
    }
}
