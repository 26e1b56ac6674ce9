// Recognition throughput benchmark. Build in release and run:
//
//   python3 scripts/make-corpus.py 50 CORPUS_DIR --seeds seeds --seed 1
//   swift run -c release policygraph-bench CORPUS_DIR [--runs 5]
//
// With --scaling SEEDS_DIR it instead checks that CPU time grows in
// proportion to the input for generated inputs of sizes ×1, ×2, ×4.
//
// It reads every .txt file of the folder into memory, normalises them, then
// times (1) the dictionary scan alone — the one-pass automaton over UTF-8
// bytes, on one core — and (2) the whole per-document extraction (normalise,
// recognise, group, targets, issued pairs). MB = 10^6 bytes of input. It checks its own
// output: every run must find the same number of tokens and entities.
import Foundation
import PolicyGraphCore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("policygraph-bench: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
// The scaling check: policygraph-bench --scaling SEEDS_DIR [--unit KB]
if arguments.first == "--scaling" {
    guard arguments.count >= 2 else { fail("usage: policygraph-bench --scaling SEEDS_DIR [--unit KB]") }
    var unit = 2_000_000
    if let index = arguments.firstIndex(of: "--unit"), index + 1 < arguments.count, let kilobytes = Int(arguments[index + 1]), kilobytes > 0 {
        unit = kilobytes * 1000
    }
    let extractor: Extractor
    do { extractor = try Extractor() } catch { fail("\(error.localizedDescription)") }
    exit(ScalingCheck.run(seedsFolder: arguments[1], unit: unit, extractor: extractor))
}
var runs = 5
if let index = arguments.firstIndex(of: "--runs") {
    guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else { fail("--runs needs a positive number") }
    runs = value
    arguments.removeSubrange(index...(index + 1))
}
guard let folder = arguments.first else {
    fail("usage: policygraph-bench CORPUS_DIR [--runs N]   (make one with scripts/make-corpus.py)")
}

let clock = ContinuousClock()
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let buildStart = clock.now
let extractor: Extractor
do { extractor = try Extractor() } catch { fail("\(error.localizedDescription)") }
let scanner = DictionaryScanner(lexicon: extractor.lexicon)
let buildTime = seconds(clock.now - buildStart)

let paths: [String]
do { paths = try SourceDocument.files(in: [folder]).filter { $0.hasSuffix(".txt") } } catch { fail("\(error.localizedDescription)") }
guard !paths.isEmpty else { fail("\(folder) holds no .txt files") }
var documents: [SourceDocument] = []
var inputBytes = 0
for path in paths {
    do {
        let document = try SourceDocument(reading: path)
        inputBytes += document.text.bytes.count
        documents.append(document)
    } catch { fail("\(error.localizedDescription)") }
}
let normalized = documents.map { extractor.normalize($0) }
let normalizedBytes = normalized.reduce(0) { $0 + $1.bytes.count }
let megabytes = Double(inputBytes) / 1e6

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

// 1. The dictionary scan alone.
// Wall time and, as the machine may be busy, the process's CPU time (one thread works).
var scanTimes: [Double] = []
var scanCPU: [Double] = []
var tokenCounts: Set<Int> = []
for _ in 0...runs { // the first pass warms up
    let start = clock.now, cpuStart = ScalingCheck.cpuSeconds()
    var tokens = 0
    for text in normalized { tokens += scanner.scan(text.bytes).count }
    scanTimes.append(seconds(clock.now - start))
    scanCPU.append(ScalingCheck.cpuSeconds() - cpuStart)
    tokenCounts.insert(tokens)
}
scanTimes.removeFirst()
scanCPU.removeFirst()

// 2. The whole pipeline.
var pipelineTimes: [Double] = []
var pipelineCPU: [Double] = []
var entityCounts: Set<Int> = []
for _ in 0..<max(1, runs / 2) {
    let start = clock.now, cpuStart = ScalingCheck.cpuSeconds()
    var entities = 0
    for document in documents { entities += extractor.extract(document).entities.count }
    pipelineTimes.append(seconds(clock.now - start))
    pipelineCPU.append(ScalingCheck.cpuSeconds() - cpuStart)
    entityCounts.insert(entities)
}

// 3. The graph, and the headline query on it.
var extractionsForGraph: [DocumentExtraction] = []
for document in documents { extractionsForGraph.append(extractor.extract(document)) }
let graphStart = clock.now
let graph = GraphBuilder(ontology: extractor.lexicon.ontology).build(extractionsForGraph)
let graphTime = seconds(clock.now - graphStart)
var queryTimes: [Double] = []
var answers: Set<Int> = []
for _ in 0..<51 {
    let start = clock.now
    let companies = Set(graph.targets(about: "固态电池", time: .dueBy(2027), subjectType: .company, modality: .promise).map(\.subject.id))
    queryTimes.append(seconds(clock.now - start))
    answers.insert(companies.count)
}
guard answers.count == 1, let answerCount = answers.first, answerCount > 0 else { fail("the headline query found nothing or disagreed: \(answers)") }

guard tokenCounts.count == 1, entityCounts.count == 1, let tokens = tokenCounts.first, tokens > 0,
      let entities = entityCounts.first, entities > 0 else {
    fail("runs disagree or found nothing: tokens \(tokenCounts.sorted()), entities \(entityCounts.sorted())")
}
print(String(format: "corpus: %d documents, %.1f MB (%.1f MB after normalisation)", documents.count, megabytes, Double(normalizedBytes) / 1e6))
print(String(format: "lexicon: %d entities, %d trie states, compiled in %.2f s", extractor.lexicon.ontology.entities.count,
             extractor.lexicon.trie.stateCount, buildTime))
print(String(format: "recognition (dictionary scan, one core): median %.1f MB/s over %d runs (min %.3f s, max %.3f s), %d tokens; %.1f MB/s of CPU time",
             megabytes / median(scanTimes), runs, scanTimes.min()!, scanTimes.max()!, tokens, megabytes / median(scanCPU)))
print(String(format: "whole extraction (normalise, recognise, targets, issued): median %.1f MB/s over %d runs, %d entities; %.1f MB/s of CPU time",
             megabytes / median(pipelineTimes), pipelineTimes.count, entities, megabytes / median(pipelineCPU)))
let (nodeCounts, edgeCounts) = graph.statistics
print(String(format: "graph: %d nodes, %d edges, built in %.2f s", nodeCounts.values.reduce(0, +), edgeCounts.values.reduce(0, +), graphTime))
print(String(format: "headline query (companies promising 固态电池 by 2027): median %.2f ms over %d runs (max %.2f ms), %d companies",
             median(queryTimes) * 1000, queryTimes.count, queryTimes.max()! * 1000, answerCount))
