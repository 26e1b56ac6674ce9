import Dispatch
import Foundation
import PolicyGraphCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders a DOT file to SVG with Graphviz, on request (`build --svg`): refused
/// for graphs too large to lay out, bounded in time, killed with its process
/// group when the build is interrupted; any failure is an error.
enum SVGRendering {
    /// Above these sizes `dot` takes minutes to hours (a 3,600-node, 20,800-edge
    /// graph ran for more than 7 minutes without finishing), so it is not started.
    static let maximumNodes = 1_500
    static let maximumEdges = 5_000
    /// The seeds' graph renders in about a second; a minute is ample for any graph under the limits.
    static let defaultTimeout = 60

    struct Failure: Error, LocalizedError {
        let message: String
        var errorDescription: String? { message }
    }

    /// Checks that a graph of this size may be rendered.
    static func checkSize(nodes: Int, edges: Int) throws {
        guard nodes <= maximumNodes, edges <= maximumEdges else {
            throw Failure(message: "the graph is too large to render to SVG (\(nodes) nodes, \(edges) edges; the limit is \(maximumNodes) nodes "
                + "and \(maximumEdges) edges). Build without --svg, or render a part: `policygraph export --format dot --topic …` then `dot -Tsvg`.")
        }
    }

    /// The Graphviz `dot` executable (`POLICYGRAPH_DOT` names another), or an error saying how to install it.
    static func tool() throws -> String {
        let candidates = [ProcessInfo.processInfo.environment["POLICYGRAPH_DOT"]].compactMap { $0 }
            + ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(message: "--svg needs Graphviz (dot), which is not installed. Install it (apt-get install graphviz) or build without --svg.")
        }
        return tool
    }

    /// Runs `dot -Tsvg` on `dot`, writing `svg`; throws on a failure, a signal or the timeout.
    static func render(dot: String, svg: String, timeout seconds: Int) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try tool())
        process.arguments = ["-Tsvg", "-o", svg, dot]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw Failure(message: "cannot start Graphviz (\(IOErrorMessage.describe(error)))")
        }
        // Foundation starts the child in its own process group (its pid).
        let group = process.processIdentifier
        Interruption.shared.killOnInterrupt(group: group)
        defer { Interruption.shared.forget(group: group) }
        let message = DispatchQueue.global()
        let collected = CollectedData()
        let reading = DispatchGroup()
        message.async(group: reading) { collected.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        // Polled rather than a termination handler, which Foundation's Process keeps alive (a leak under LeakSanitizer).
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(-group, SIGKILL)
            kill(group, SIGKILL)
            process.waitUntilExit()
            unlink(svg)
            throw Failure(message: "Graphviz did not finish rendering graph.svg within \(seconds) s and was stopped. "
                + "Give more time (--svg-timeout SECONDS), or build without --svg.")
        }
        reading.wait()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            unlink(svg)
            let detail = String(decoding: collected.get(), as: UTF8.self).split(separator: "\n").first.map { ": \($0)" } ?? ""
            throw Failure(message: "Graphviz failed to render graph.svg (exit \(process.terminationStatus))\(detail). "
                + "Check the free disk space, or build without --svg.")
        }
    }
}

/// Bytes handed from a reading thread to the caller.
private final class CollectedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
