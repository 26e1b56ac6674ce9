import Foundation
import PolicyGraphCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Single-document scaling: one document of 10, 20 and 40 MB (the corpus's
/// documents joined, in name order, repeated if needed), each extracted in a
/// process of its own so that its peak memory is its own.
///
///   policygraph-bench --single-document CORPUS_DIR [--sizes 10,20,40]
///
/// Each row gives the extraction's wall and CPU time, MB/s, the process's
/// peak memory and the part of it above the loaded ontology. The sizes are
/// linear within 20% when the slowest MB/s is at least 0.8 of the fastest.
enum SingleDocumentScaling {
    struct Row {
        let megabytes: Double
        let seconds: Double
        let cpu: Double
        let peakKB: Int
        let baselineKB: Int
        let entities: Int
    }

    /// The child: extracts `path` and prints `seconds cpu peak-KB baseline-KB entities`.
    static func extractOne(path: String) -> Int32 {
        let extractor: Extractor
        do { extractor = try Extractor() } catch { fail("\(error.localizedDescription)") }
        let baseline = peakKilobytes()
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = ScalingCheck.cpuSeconds()
        let document: SourceDocument
        do { document = try SourceDocument(reading: path) } catch { fail("\(error.localizedDescription)") }
        let extraction = extractor.extract(document)
        let elapsed = seconds(clock.now - start), cpu = ScalingCheck.cpuSeconds() - cpuStart
        print("\(elapsed) \(cpu) \(peakKilobytes()) \(baseline) \(extraction.entities.count)")
        return 0
    }

    static func peakKilobytes() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
        #endif
    }

    static func run(corpus: String, sizes: [Int]) -> Int32 {
        let paths: [String]
        do { paths = try SourceDocument.files(in: [corpus]).filter { $0.hasSuffix(".txt") }.sorted() } catch { fail("\(error.localizedDescription)") }
        guard !paths.isEmpty else { fail("\(corpus) holds no .txt files") }
        var pieces: [Data] = []
        for path in paths {
            guard let data = FileBytes.read(path) else { fail("\(path): cannot read") }
            pieces.append(data)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-bench-single-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch { fail("\(error.localizedDescription)") }
        print("single-document scaling: one document of the corpus's texts joined, extracted in a process of its own")
        print("     size      wall       CPU     MB/s  CPU MB/s   peak MB  above ontology MB  entities")
        var rows: [Row] = []
        for size in sizes {
            let target = size * 1_000_000
            var text = Data()
            text.reserveCapacity(target + 100_000)
            var index = 0
            while text.count < target {
                text.append(pieces[index % pieces.count])
                text.append(contentsOf: [0x0A, 0x0A])
                index += 1
            }
            let file = folder.appendingPathComponent("single-\(size)MB.txt")
            do { try text.write(to: file) } catch { fail("\(error.localizedDescription)") }
            guard let row = child(file: file.path, bytes: text.count) else { fail("extracting \(file.lastPathComponent) failed") }
            try? FileManager.default.removeItem(at: file)
            rows.append(row)
            print(String(format: "  %5.1f MB  %7.2f s  %7.2f s  %7.2f  %8.2f  %8.0f  %17.0f  %8d", row.megabytes, row.seconds, row.cpu,
                         row.megabytes / row.seconds, row.megabytes / row.cpu, Double(row.peakKB) / 1024,
                         Double(row.peakKB - row.baselineKB) / 1024, row.entities))
        }
        let rates = rows.map { $0.megabytes / $0.cpu }
        let memory = rows.map { Double($0.peakKB - $0.baselineKB) / 1024 / $0.megabytes }
        let timeSpread = rates.min()! / rates.max()!
        let memorySpread = memory.min()! / memory.max()!
        print(String(format: "linearity: slowest/fastest CPU MB/s %.2f (time %@), memory above the ontology per MB %.1f–%.1f MB (%@)",
                     timeSpread, timeSpread >= 0.8 ? "linear within 20%" : "NOT linear within 20%",
                     memory.min()!, memory.max()!, memorySpread >= 0.8 ? "linear within 20%" : "NOT linear within 20%"))
        return 0
    }

    /// Runs this program with `--extract-one` on `file`.
    static func child(file: String, bytes: Int) -> Row? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = ["--extract-one", file]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: output, as: UTF8.self).split(separator: " ").map { String($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard process.terminationStatus == 0, fields.count == 5, let wall = Double(fields[0]), let cpu = Double(fields[1]),
              let peak = Int(fields[2]), let baseline = Int(fields[3]), let entities = Int(fields[4]), entities > 0 else { return nil }
        return Row(megabytes: Double(bytes) / 1e6, seconds: wall, cpu: cpu, peakKB: peak, baselineKB: baseline, entities: entities)
    }
}
