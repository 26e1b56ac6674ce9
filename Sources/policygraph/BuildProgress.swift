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
