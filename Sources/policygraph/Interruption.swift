import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cleans up after SIGINT and SIGTERM: removes the staging folder being
/// written, kills the process groups started (Graphviz), then exits with
/// 128 + the signal's number, as shells expect.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var groups: Set<pid_t> = []
    private var sources: [any DispatchSourceSignal] = []

    /// Installs the handlers (once).
    func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in interrupted(by: number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Removes `path` (a file or folder) if the process is interrupted.
    func removeOnInterrupt(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func keep(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Kills process group `group` if the process is interrupted.
    func killOnInterrupt(group: pid_t) { lock.withLock { _ = groups.insert(group) } }
    func forget(group: pid_t) { lock.withLock { _ = groups.remove(group) } }

    /// Runs `body` to its end before any interruption is handled (the swap of
    /// the output folders: never half done).
    func uninterruptible<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func interrupted(by number: Int32) {
        lock.lock()
        for group in groups { kill(-group, SIGKILL) }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
        let name = number == SIGINT ? "SIGINT" : "SIGTERM"
        FileHandle.standardError.write(Data("\npolicygraph: interrupted (\(name)); the previous outputs are left as they were\n".utf8))
        _exit(128 + number)
    }
}
