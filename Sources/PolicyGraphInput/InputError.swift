import Foundation

/// Why a PDF or Word file could not be read.
public enum InputError: Error, Sendable, Equatable {
    /// A tool PolicyGraph needs is not installed.
    case toolMissing(file: String, tool: String, install: String)
    /// The tool ran and failed.
    case toolFailed(file: String, tool: String, status: Int32, message: String)
    /// The file is not what its extension says.
    case malformed(file: String, what: String, reason: String)
}

extension InputError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .toolMissing(file, tool, install):
            return "\(file): reading this file needs \(tool), which is not installed. Install it with `\(install)` and run again."
        case let .toolFailed(file, tool, status, message):
            let detail = message.isEmpty ? "" : ": \(message)"
            return "\(file): \(tool) failed (exit status \(status))\(detail). Check that the file opens in a viewer; "
                + "if it is a scanned image, it has no text to read."
        case let .malformed(file, what, reason):
            return "\(file): not a readable \(what): \(reason). Open and save it again in a word processor, or convert it to text."
        }
    }
}
