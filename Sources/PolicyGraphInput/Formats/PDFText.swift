import Foundation
import PolicyGraphCore

/// The text of a PDF, extracted by poppler's `pdftotext` (Debian's
/// poppler-utils). Line breaks inside sentences are joined later by the
/// normaliser, as for any text; offsets refer to the extracted text.
enum PDFText {
    static let tool = "pdftotext"
    static let install = "apt-get install poppler-utils"

    /// Where `pdftotext` is: the first executable on `PATH`, else `/usr/bin`.
    static func toolPath() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return folders.lazy.map { ($0 as NSString).appendingPathComponent(tool) }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Extracts the text of the PDF at `file.path`.
    static func read(_ file: InputFile) throws -> SourceDocument {
        guard let executable = toolPath() else {
            throw InputError.toolMissing(file: file.path, tool: "poppler's \(tool)", install: install)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-\(UUID().uuidString)")
        let output = scratch.appendingPathExtension("txt")
        let errors = scratch.appendingPathExtension("err")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-enc", "UTF-8", "-eol", "unix", file.path, output.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try? FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, var bytes = FileBytes.read(output.path).map([UInt8].init) else {
            let message = (FileBytes.read(errors.path)).map { String(decoding: $0.prefix(300), as: UTF8.self) } ?? ""
            throw InputError.toolFailed(file: file.path, tool: tool, status: process.terminationStatus,
                                        message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // Page breaks are form feeds: make them line breaks (same length, offsets unchanged).
        for index in bytes.indices where bytes[index] == 0x0C { bytes[index] = 0x0A }
        guard TextDecoding.firstInvalidUTF8(bytes) == nil else {
            throw InputError.toolFailed(file: file.path, tool: tool, status: 0, message: "its output is not UTF-8")
        }
        return SourceDocument(name: file.id, path: file.path, extractedText: bytes, tool: tool)
    }
}
