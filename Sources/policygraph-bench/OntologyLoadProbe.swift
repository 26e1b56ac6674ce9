import Foundation
import PolicyGraphCore

/// The ontology load, measured two ways:
/// - in this process: compiling the lexicon from the TSV files, and reading it
///   back from its compact form (``OntologyCache``), median of several loads;
/// - per process, as a user meets it: `policygraph extract` of one small file,
///   run several times with the cache turned off and with a warm cache (when
///   the `policygraph` program is built beside this one).
enum OntologyLoadProbe {
    struct Figures {
        var compiled: [Double] = []
        var read: [Double] = []
        var processWithout: [Double] = []
        var processWith: [Double] = []
    }

    static func measure(directory: URL, probeFile: String, runs: Int) -> Figures {
        var figures = Figures()
        let clock = ContinuousClock()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-bench-cache-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = OntologyCache(folder: folder)
        do {
            _ = try cache.load(directory) // writes the compiled file
            for _ in 0..<runs {
                var start = clock.now
                let compiled = Lexicon(ontology: try Ontology.load(from: directory))
                figures.compiled.append(seconds(clock.now - start))
                start = clock.now
                let (read, outcome) = try cache.load(directory)
                figures.read.append(seconds(clock.now - start))
                guard outcome == .read, read.trie.stateCount == compiled.trie.stateCount,
                      read.ontology.entities.count == compiled.ontology.entities.count else {
                    fail("the compact form did not give the compiled lexicon (\(outcome))")
                }
            }
        } catch { fail("\(error.localizedDescription)") }

        let program = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("policygraph")
        guard FileManager.default.isExecutableFile(atPath: program.path) else { return figures }
        func run(cache: String) -> Double? {
            let process = Process()
            process.executableURL = program
            process.arguments = ["extract", probeFile]
            var environment = ProcessInfo.processInfo.environment
            environment[OntologyCache.environmentVariable] = cache
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = clock.now
            do { try process.run() } catch { return nil }
            process.waitUntilExit()
            return process.terminationStatus == 0 ? seconds(clock.now - start) : nil
        }
        _ = run(cache: folder.path) // warms the cache and the file system
        for _ in 0..<runs {
            if let time = run(cache: "off") { figures.processWithout.append(time) }
            if let time = run(cache: folder.path) { figures.processWith.append(time) }
        }
        return figures
    }

    static func report(_ figures: Figures, probeFile: String) {
        print(String(format: "ontology load (in process, median of %d): compiled from the TSV files %.3f s, read from the compact form %.3f s (×%.1f)",
                     figures.compiled.count, median(figures.compiled), median(figures.read),
                     median(figures.compiled) / max(median(figures.read), 1e-6)))
        guard !figures.processWith.isEmpty, !figures.processWithout.isEmpty else {
            print("ontology load per process: not measured (build the policygraph program beside this one)")
            return
        }
        print(String(format: "ontology load per process (policygraph extract %@, wall, median of %d): %.3f s without the cache, %.3f s with it",
                     (probeFile as NSString).lastPathComponent, figures.processWith.count,
                     median(figures.processWithout), median(figures.processWith)))
    }
}
