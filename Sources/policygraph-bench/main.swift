// Recognition throughput benchmark. Build in release and run:
//
//   python3 scripts/make-corpus.py 50 CORPUS_DIR --seeds seeds --seed 1
//   swift run -c release policygraph-bench CORPUS_DIR [--runs 5]
//
// With --scaling SEEDS_DIR it instead checks that CPU time grows in
// proportion to the input for generated inputs of sizes ×1, ×2, ×4; with
// --single-document CORPUS_DIR it extracts one document of 10, 20 and 40 MB
// (the corpus joined) and prints time, MB/s and peak memory per size.
//
// It also prints the ontology load (compiled from the TSV files, read from
// the compact form, and per `policygraph extract` process) and, given
// `--anchors` (the files `../shared/bench/ner-bench.py --json` wrote on the same
// corpus), the scan's and the extraction's ratios to the Python anchors.
//
// It reads every .txt file of the folder into memory, normalises them, then
// times (1) the dictionary scan alone — the one-pass automaton over UTF-8
// bytes, on one core — and (2) the whole per-document extraction (normalise,
// recognise, group, targets, issued pairs). MB = 10^6 bytes of input. It checks its own
// output: every run must find the same number of tokens and entities.
import Foundation
import PolicyGraphCore
import PolicyGraphOntology

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("policygraph-bench: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
// The child of the single-document scaling: policygraph-bench --extract-one FILE
if arguments.first == "--extract-one", arguments.count == 2 {
    exit(SingleDocumentScaling.extractOne(path: arguments[1]))
}
// Single-document scaling: policygraph-bench --single-document CORPUS_DIR [--sizes 10,20,40]
if arguments.first == "--single-document" {
    guard arguments.count >= 2 else { fail("usage: policygraph-bench --single-document CORPUS_DIR [--sizes 10,20,40]") }
    var sizes = [10, 20, 40]
    if let index = arguments.firstIndex(of: "--sizes"), index + 1 < arguments.count {
        sizes = arguments[index + 1].split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 && $0 <= 1000 }
        guard !sizes.isEmpty else { fail("--sizes takes megabytes separated by commas, e.g. 10,20,40") }
    }
    exit(SingleDocumentScaling.run(corpus: arguments[1], sizes: sizes))
}
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
// The anchors' results (ner-bench.py --json FILE) to compare with: --anchors FILE[,FILE…]
var anchorFiles: [String] = []
if let index = arguments.firstIndex(of: "--anchors") {
    guard index + 1 < arguments.count else { fail("--anchors needs files written by ner-bench.py --json, separated by commas") }
    anchorFiles = arguments[index + 1].split(separator: ",").map(String.init)
    arguments.removeSubrange(index...(index + 1))
}
guard let folder = arguments.first else {
    fail("usage: policygraph-bench CORPUS_DIR [--runs N] [--anchors FILE,…]   (make one with scripts/make-corpus.py)")
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
print(String(format: "lexicon: %d entities, %d trie states; extractor ready in %.2f s (through the ontology cache)", extractor.lexicon.ontology.entities.count,
             extractor.lexicon.trie.stateCount, buildTime))
print(String(format: "recognition (dictionary scan, one core): median %.1f MB/s over %d runs (min %.3f s, max %.3f s), %d tokens; %.1f MB/s of CPU time",
             megabytes / median(scanTimes), runs, scanTimes.min()!, scanTimes.max()!, tokens, megabytes / median(scanCPU)))
print(String(format: "whole extraction (normalise, recognise, targets, issued): median %.1f MB/s over %d runs, %d entities; %.1f MB/s of CPU time",
             megabytes / median(pipelineTimes), pipelineTimes.count, entities, megabytes / median(pipelineCPU)))
let (nodeCounts, edgeCounts) = graph.statistics
print(String(format: "graph: %d nodes, %d edges, built in %.2f s", nodeCounts.values.reduce(0, +), edgeCounts.values.reduce(0, +), graphTime))
// 4. The ontology load, in this process and per process.
guard let ontologyDirectory = BundledOntology.directory else { fail("the bundled ontology is not beside the program") }
let loadFigures = OntologyLoadProbe.measure(directory: ontologyDirectory, probeFile: paths.sorted()[0], runs: max(3, runs))
OntologyLoadProbe.report(loadFigures, probeFile: paths.sorted()[0])
// 5. The anchors, as ratios.
AnchorRatios.report(files: anchorFiles, scan: megabytes / median(scanTimes), extraction: megabytes / median(pipelineTimes), inputBytes: inputBytes)
print(String(format: "headline query (companies promising 固态电池 by 2027): median %.2f ms over %d runs (max %.2f ms), %d companies",
             median(queryTimes) * 1000, queryTimes.count, queryTimes.max()! * 1000, answerCount))
