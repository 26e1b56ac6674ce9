import Foundation

/// Progress of `build` on standard error: one line a phase (extraction,
/// merging, each export) with its counts and time; nothing with `--quiet`.
struct BuildProgress {
    let quiet: Bool
    private let clock = ContinuousClock()

    init(quiet: Bool) { self.quiet = quiet }

    /// Runs `body` and reports `phase` with the counts `detail` gives and the time taken.
    func phase<T>(_ phase: String, _ body: () throws -> T, detail: (T) -> String = { _ in "" }) rethrows -> T {
        let start = clock.now
        let result = try body()
        let seconds = Self.seconds(clock.now - start)
        let counts = detail(result)
        say("\(phase): \(counts.isEmpty ? "" : counts + " ")in \(String(format: "%.2f", seconds)) s")
        return result
    }

    /// A line on standard error (clearing a running counter first).
    func say(_ line: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("\r\(line)\n".utf8))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// The running count of a long extraction on standard error: documents done
/// and MB/s, at most twice a second.
final class RunningCount {
    private let quiet: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var last: ContinuousClock.Instant

    init(quiet: Bool) {
        self.quiet = quiet
        start = clock.now
        last = start
    }

    func update(documents: Int, bytes: Int) {
        guard !quiet, clock.now - last > .milliseconds(500) else { return }
        last = clock.now
        let seconds = BuildProgress.seconds(last - start)
        let rate = seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
        FileHandle.standardError.write(Data(String(format: "\r%d documents, %.1f MB, %.1f MB/s", documents, Double(bytes) / 1e6, rate).utf8))
    }
}
