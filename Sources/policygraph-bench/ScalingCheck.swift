import Foundation
import PolicyGraphCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scaling check: each generator makes an input of size ×1, ×2 and ×4,
/// and the CPU time of processing it must grow roughly in proportion (a
/// quadratic path takes 16 times as long at ×4; the check allows 6 for noise).
///
///   swift run -c release policygraph-bench --scaling seeds [--unit KB]
enum ScalingCheck {
    /// ×4 input may take at most this many times the CPU time of ×1.
    static let allowedRatio = 6.0
    /// CPU seconds under which a ×4 run is too short to judge.
    static let noiseFloor = 0.05

    struct Case {
        let name: String
        /// Makes the input of `scale` units and processes it.
        let run: (_ scale: Int) -> Void
    }

    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func run(seedsFolder: String, unit: Int, extractor: Extractor) -> Int32 {
        let seeds: [UInt8]
        do {
            let paths = try SourceDocument.files(in: [seedsFolder]).filter { $0.hasSuffix(".txt") }
            seeds = try paths.flatMap { try SourceDocument(reading: $0).text.bytes + [0x0A] }
        } catch {
            FileHandle.standardError.write(Data("policygraph-bench: \(error.localizedDescription)\n".utf8))
            return 2
        }
        func repeated(_ piece: [UInt8], toBytes size: Int) -> [UInt8] {
            var result: [UInt8] = []
            result.reserveCapacity(size + piece.count)
            while result.count < size { result += piece }
            return result
        }
        /// Lines `line(0)`, `line(1)` … until the text has `size` bytes.
        func numberedLines(toBytes size: Int, _ line: (Int) -> String) -> [UInt8] {
            var text = ""
            var index = 0
            while text.utf8.count < size {
                text += line(index)
                index += 1
            }
            return Array(text.utf8)
        }
        func extract(_ bytes: [UInt8], name: String) {
            let document = SourceDocument(name: name, string: String(decoding: bytes, as: UTF8.self),
                                          markup: MarkupKind.detect(fileName: name, bytes: bytes))
            _ = extractor.extract(document)
        }
        // Distinct two-ideograph names, so that every speaker is new.
        func name(_ index: Int) -> String {
            let first = Unicode.Scalar(UInt32(0x4E00 + index % 5000))!, second = Unicode.Scalar(UInt32(0x4E00 + 5000 + index / 5000))!
            return String(Character(first)) + String(Character(second))
        }
        let cases: [Case] = [
            Case(name: "one document of the seeds repeated") { scale in extract(repeated(seeds, toBytes: scale * unit), name: "big.txt") },
            Case(name: "Markdown line of unclosed links [a](") { scale in
                extract(repeated(Array("[a](".utf8), toBytes: scale * unit / 4) + [0x0A], name: "links.md")
            },
            Case(name: "Markdown line of unclosed brackets [") { scale in
                extract(repeated([0x5B], toBytes: scale * unit / 4) + [0x0A], name: "brackets.md")
            },
            Case(name: "HTML of unclosed tags and entities") { scale in
                extract(repeated(Array("<p>国务院<a &amp &#x4e00 <!-- ".utf8), toBytes: scale * unit / 4), name: "page.html")
            },
            Case(name: "many distinct speakers (persons)") { scale in
                extract(numberedLines(toBytes: scale * unit / 4) { index in "中国电动汽车百人会副理事长\(name(index))表示，固态电池将于2027年量产。\n" }, name: "speakers.txt")
            },
            Case(name: "many declared short forms") { scale in
                extract(numberedLines(toBytes: scale * unit / 4) { index in "\(name(index))新能源科技股份有限公司（以下简称“\(name(index))”）发布公告。\n" }, name: "aliases.txt")
            },
            Case(name: "many registered company names (short names)") { scale in
                extract(numberedLines(toBytes: scale * unit) { index in "\(name(index))新能源科技股份有限公司发布公告。\n" }, name: "companies.txt")
            },
            Case(name: "timeline of one holder's many times") { scale in
                var extractions: [DocumentExtraction] = []
                for index in 0..<(scale * unit / 5_000) {
                    let year = 2025 + index / 12, month = 1 + index % 12
                    let text = "2024年1月29日 星期一\n丰田汽车宣布将于\(year)年\(month)月量产固态电池。\n"
                    extractions.append(extractor.extract(SourceDocument(name: String(format: "%05d.txt", index), string: text)))
                }
                let graph = GraphBuilder(ontology: extractor.lexicon.ontology).build(extractions)
                let timeline = Timeline(graph: graph)
                _ = TimelineRenderer.markdown(timeline)
                _ = TimelineRenderer.csv(timeline)
                _ = TimelineHTML.render(timeline)
            },
        ]
        var failed = 0
        print(String(format: "scaling check: unit %d KB, CPU seconds at ×1, ×2, ×4, the better of two runs (×4/×1 at most %.0f)", unit / 1000, allowedRatio))
        for check in cases {
            var times: [Double] = []
            for scale in [1, 2, 4] {
                // The better of two runs: a neighbour's burst on a shared machine inflates one run, not both.
                var best = Double.infinity
                for _ in 0..<2 {
                    let start = cpuSeconds()
                    check.run(scale)
                    best = min(best, cpuSeconds() - start)
                }
                times.append(best)
            }
            let ratio = times[2] / max(times[0], 0.001)
            // Below the noise floor the ratio means nothing, and nothing that fast is quadratic at these sizes.
            let superlinear = ratio > allowedRatio && times[2] > noiseFloor
            let verdict = superlinear ? "SUPERLINEAR" : "ok"
            if superlinear { failed += 1 }
            let label = check.name.padding(toLength: 40, withPad: " ", startingAt: 0)
            print("  " + label + String(format: " %8.3f %8.3f %8.3f   ×%.1f  ", times[0], times[1], times[2], ratio) + verdict)
        }
        return failed == 0 ? 0 : 1
    }
}
