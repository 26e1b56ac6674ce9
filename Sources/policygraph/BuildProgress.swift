import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of `build` on standard error: one line a phase (extraction,
/// merging, each export) with its counts and time; nothing with `--quiet`.
struct BuildProgress {
    let quiet: Bool
    private let clock = ContinuousClock()

    init(quiet: Bool) { self.quiet = quiet }

    /// Runs `body` and reports `phase` with the counts `detail` gives, the time
    /// taken, the CPU time of the whole process and of this thread (the one that
    /// reads and stores: what other threads cannot share).
    func phase<T>(_ phase: String, _ body: () throws -> T, detail: (T) -> String = { _ in "" }) rethrows -> T {
        let start = clock.now
        let (process, thread) = (Self.cpuSeconds(CLOCK_PROCESS_CPUTIME_ID), Self.cpuSeconds(CLOCK_THREAD_CPUTIME_ID))
        let result = try body()
        let seconds = Self.seconds(clock.now - start)
        let cpu = Self.cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - process, own = Self.cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - thread
        let counts = detail(result)
        say("\(phase): \(counts.isEmpty ? "" : counts + " ")in \(String(format: "%.2f s (CPU %.2f s, %.2f s on this thread)", seconds, cpu, own))")
        return result
    }

    static func cpuSeconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
