import Foundation
import PolicyGraphCore
import PolicyGraphExport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files `build` writes from the finished graph, on `jobs` threads at
/// once: each file is written by one thread, none depends on another, and the
/// graph is only read, so the bytes are those of a sequential run.
enum BuildExports {
    /// One file (or a few written together) and how to write it into the staging folder.
    struct Task: Sendable {
        let name: String
        /// Names reported as written besides `name` (nodes.csv writes edges.csv too).
        var alsoWrites: [String] = []
        /// What the progress line calls it, when not `export NAME`.
        var reportedAs: String? = nil
        let body: @Sendable (_ path: String) throws -> Void

        init(name: String, alsoWrites: [String] = [], reportedAs: String? = nil, body: @escaping @Sendable (_ path: String) throws -> Void) {
            self.name = name
            self.alsoWrites = alsoWrites
            self.reportedAs = reportedAs
            self.body = body
        }
    }

    /// A task that failed: which file, and the error.
    struct Failure: Error {
        let name: String
        let error: any Error
    }

    /// The exports of `graph`, longest first (so that two threads finish together).
    static func tasks(for graph: BuiltGraph, folder: String) -> [Task] {
        // Targets and their holders: the timeline needs no mention edges. It is made by the first
        // timeline task to run, on its worker thread, not here before any task starts.
        let timeline = SharedTimeline(graph: graph.graph)
        return [
            Task(name: "graph.json") { try graph.writeJSON(to: $0) },
            Task(name: "graph.graphml") { try GraphMLExporter().write(graph, to: $0) },
            Task(name: "graph.gexf") { try GEXFExporter().write(graph, to: $0) },
            Task(name: "nodes.csv", alsoWrites: ["edges.csv"]) { _ in try CSVExporter().write(graph, toFolder: folder) },
            Task(name: "graph.dot") { try DOTExporter().write(graph, to: $0) },
            Task(name: "timeline.md") { try AtomicFile.write(Data(TimelineRenderer.markdown(timeline.value).utf8), to: $0) },
            Task(name: "timeline.html") { try AtomicFile.write(Data(TimelineHTML.render(timeline.value).utf8), to: $0) },
            // The shortest last: the thread that takes it is the first to be free at the end.
            Task(name: "timeline.csv") { try AtomicFile.write(Data(TimelineRenderer.csv(timeline.value).utf8), to: $0) },
        ]
    }

    /// Runs `tasks` on `jobs` threads; reports each as it is done, in order, with its wall time
    /// and the CPU time of the thread that ran it (what shows how the tasks share the cores).
    /// - Returns: the names of the files written.
    /// - Throws: ``Failure`` for the first task (in order) that failed; later ones are not reported.
    static func run(_ tasks: [Task], folder: String, jobs: Int, progress: BuildProgress) throws -> [String] {
        var written: [String] = []
        let clock = ContinuousClock()
        try OrderedWorkers.run(jobs: min(jobs, tasks.count), produce: { submit in
            for task in tasks {
                let path = (folder as NSString).appendingPathComponent(task.name)
                try submit { () -> (Task, Duration, Double, (any Error)?) in
                    let start = clock.now
                    let cpu = BuildProgress.cpuSeconds(CLOCK_THREAD_CPUTIME_ID)
                    var failure: (any Error)?
                    do { try task.body(path) } catch { failure = error }
                    return (task, clock.now - start, BuildProgress.cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - cpu, failure)
                }
            }
        }, consume: { task, duration, cpu, error in
            if let error { throw Failure(name: task.name, error: error) }
            let names = [task.name] + task.alsoWrites
            let label = task.reportedAs ?? "export \(names.joined(separator: ", "))"
            progress.say("\(label): in \(String(format: "%.2f s (CPU %.2f s)", BuildProgress.seconds(duration), cpu))")
            if task.reportedAs == nil { written += names }
        })
        return written
    }
}

/// A graph's timeline, made once by the first of the tasks that read it (the others wait for it).
final class SharedTimeline: @unchecked Sendable {
    private let graph: KnowledgeGraph
    private let lock = NSLock()
    private var made: Timeline?

    init(graph: KnowledgeGraph) { self.graph = graph }

    var value: Timeline {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let timeline = Timeline(graph: graph)
        made = timeline
        return timeline
    }
}
