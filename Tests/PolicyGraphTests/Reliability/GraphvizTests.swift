import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Graphviz renders only on request, within a time limit, and its failures are
/// errors (reproducer 06; 09 for a render that runs out of space).
@Suite(.serialized) struct GraphvizTests {
    /// A stand-in for `dot`: a shell script run through POLICYGRAPH_DOT.
    func fakeDot(_ scratch: Scratch, _ body: String) throws -> String {
        let path = try scratch.write("fake-dot.sh", "#!/bin/sh\n" + body + "\n")
        chmod(path, 0o755)
        return path
    }

    func run(_ arguments: [String], in scratch: Scratch, dot: String) throws -> (status: Int32, error: String) {
        guard let binary = CommandLineTests.executable else { throw MissingBinary() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = scratch.url
        var environment = ProcessInfo.processInfo.environment
        environment["POLICYGRAPH_DOT"] = dot
        process.environment = environment
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func buildDoesNotRenderWithoutSVG() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        let marker = scratch.path("dot-ran")
        let dot = try fakeDot(scratch, "touch \(marker); exit 1")
        let result = try run(["build"], in: scratch, dot: dot)
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("Outputs/graph.svg")))
        #expect(!result.error.contains("graph.svg"))
    }

    @Test func failedRenderIsAnErrorAndKeepsTheOldSet() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        #expect(try runPolicyGraph(["build"], in: scratch.url).status == 0)
        let before = try scratch.snapshot("Outputs")
        let dot = try fakeDot(scratch, "echo 'Error: gvwrite_no_z problem 6' >&2; exit 1")
        let result = try run(["build", "--svg"], in: scratch, dot: dot)
        #expect(result.status == 1)
        #expect(result.error.contains("Graphviz failed to render graph.svg"))
        #expect(result.error.contains("gvwrite_no_z problem 6"))
        #expect(!result.error.contains("wrote"))
        #expect(try scratch.snapshot("Outputs") == before)
    }

    /// A render that does not finish is stopped with its whole process group.
    @Test func slowRenderIsStoppedAtTheTimeout() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        let pidFile = scratch.path("child.pid")
        let dot = try fakeDot(scratch, "sleep 300 & echo $! > \(pidFile); wait")
        let clock = ContinuousClock()
        let start = clock.now
        let result = try run(["build", "--svg", "--svg-timeout", "2"], in: scratch, dot: dot)
        #expect(clock.now - start < .seconds(60))
        #expect(result.status == 1)
        #expect(result.error.contains("did not finish rendering graph.svg within 2 s"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("Outputs")))
        let child = pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        Thread.sleep(forTimeInterval: 0.5)
        #expect(child > 0 && !isRunning(child), "the renderer's child still runs")
    }

    /// SIGINT while Graphviz runs kills its process group too (no orphaned dot).
    @Test func interruptKillsTheRenderer() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        let pidFile = scratch.path("child.pid")
        let dot = try fakeDot(scratch, "sleep 300 & echo $! > \(pidFile); wait")
        guard let binary = CommandLineTests.executable else { throw MissingBinary() }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["build", "--svg"]
        process.currentDirectoryURL = scratch.url
        var environment = ProcessInfo.processInfo.environment
        environment["POLICYGRAPH_DOT"] = dot
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        try process.run()
        var waited = 0
        while !FileManager.default.fileExists(atPath: pidFile), waited < 600 { Thread.sleep(forTimeInterval: 0.1); waited += 1 }
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let child = pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        Thread.sleep(forTimeInterval: 0.5)
        #expect(child > 0 && !isRunning(child), "the renderer's child still runs")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("Outputs")))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "Graphviz is not installed"))
    func svgOnRequest() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copySeeds()
        let result = try run(["build", "--svg"], in: scratch, dot: "/usr/bin/dot")
        #expect(result.status == 0, "\(result.error)")
        let svg = try String(contentsOfFile: scratch.path("Outputs/graph.svg"), encoding: .utf8)
        #expect(svg.contains("<svg"))
    }
}

/// Whether process `pid` runs (a zombie waiting for its parent does not).
func isRunning(_ pid: pid_t) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return true }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
    return state != "Z" && state != "X"
}
