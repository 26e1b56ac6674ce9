import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scratch folder for one test, removed by the caller's `defer`.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-reliability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `bytes` to `name` (folders created) and returns the path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    /// Copies the seeds into `name`.
    func copySeeds(to name: String = "seeds") throws {
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("seeds"), to: url.appendingPathComponent(name))
    }

    /// Every file of folder `name` with its bytes.
    func snapshot(_ name: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: path(name)) {
            result[file] = try Data(contentsOf: url.appendingPathComponent(name).appendingPathComponent(file))
        }
        return result
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs the built `policygraph` in `folder`; returns the exit status and output.
func runPolicyGraph(_ arguments: [String], in folder: URL, input: String? = nil) throws -> (status: Int32, output: String, error: String) {
    guard let binary = CommandLineTests.executable else { throw MissingBinary() }
    return try runProcess(binary, arguments, in: folder, input: input)
}

/// Starts the built `policygraph` in `folder` without waiting.
func startPolicyGraph(_ arguments: [String], in folder: URL) throws -> (process: Process, output: Pipe, error: Pipe) {
    guard let binary = CommandLineTests.executable else { throw MissingBinary() }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let output = Pipe(), error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return (process, output, error)
}

/// Reads a started process's standard error until it contains `marker` or the process ends.
func readStandardError(of started: (process: Process, output: Pipe, error: Pipe), until marker: String) -> String {
    var text = ""
    while !text.contains(marker) {
        let chunk = started.error.fileHandleForReading.availableData
        if chunk.isEmpty { break }  // end of file: the process has closed it
        text += String(decoding: chunk, as: UTF8.self)
    }
    return text
}

/// Whether the tests run as root (permissions are then not enforced).
var runningAsRoot: Bool { geteuid() == 0 }
