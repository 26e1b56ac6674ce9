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
    ///
    /// Started with `posix_spawn` in a process group of its own (so that a timeout
    /// or an interrupted build kills it with its children), and polled with
    /// `waitpid`: Foundation's `Process` keeps state alive past the run that
    /// LeakSanitizer reports as a leak.
    static func render(dot: String, svg: String, timeout seconds: Int) throws {
        let tool = try tool()
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw Failure(message: "cannot start Graphviz (\(IOErrorMessage.describe(errno: errno)))") }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let arguments: [UnsafeMutablePointer<CChar>?] = [tool, "-Tsvg", "-o", svg, dot].map { $0.withCString { strdup($0) } } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tool, &actions, &attributes, arguments, environ)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw Failure(message: "cannot start Graphviz (\(IOErrorMessage.describe(errno: spawned)))")
        }
        // Its own process group: the group id is its pid.
        Interruption.shared.killOnInterrupt(group: pid)
        defer { Interruption.shared.forget(group: pid) }
        let collected = CollectedData()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) {
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if count > 0 { data.append(contentsOf: buffer[0..<count]) } else if count < 0, errno == EINTR { continue } else { break }
            }
            close(readEnd)
            collected.set(data)
        }
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        var status: Int32 = 0
        var exited = false
        while Date() < deadline {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result < 0 && errno != EINTR) { exited = true; break }
            usleep(20_000)
        }
        if !exited {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            reading.wait()
            unlink(svg)
            throw Failure(message: "Graphviz did not finish rendering graph.svg within \(seconds) s and was stopped. "
                + "Give more time (--svg-timeout SECONDS), or build without --svg.")
        }
        reading.wait()
        // Exited normally (no signal) with status 0.
        let signalled = status & 0x7F != 0
        let exitStatus = (status >> 8) & 0xFF
        guard !signalled, exitStatus == 0 else {
            unlink(svg)
            let detail = String(decoding: collected.get(), as: UTF8.self).split(separator: "\n").first.map { ": \($0)" } ?? ""
            let how = signalled ? "signal \(status & 0x7F)" : "exit \(exitStatus)"
            throw Failure(message: "Graphviz failed to render graph.svg (\(how))\(detail). "
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
