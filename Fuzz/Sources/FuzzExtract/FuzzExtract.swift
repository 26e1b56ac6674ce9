import Foundation
import FuzzDriver
import PolicyGraphCore

// Whole-document extraction: decode, detect markup, extract (normalise,
// recognise, targets, issued, located, publication date), then the
// extraction JSON, the graph, its JSON and the timeline renderers. Checked:
// every offset lies inside the file, and the graph's JSON passes the checks a
// graph file must pass when it is read back.
let extractor = try! Extractor()
let builder = GraphBuilder(ontology: extractor.lexicon.ontology)
let names = ["doc.txt", "page.html", "notes.md", "doc.txt"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let selector = Int(data[0])
    let name = names[selector % names.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    guard let decoded = try? TextDecoding.decode(bytes, file: name) else { return 0 }
    let document = SourceDocument(name: name, path: name, text: decoded, markup: MarkupKind.detect(fileName: name, bytes: decoded.bytes))
    let published: String? = (selector / 4) % 2 == 0 ? nil : "2025-03-15"
    let extraction = extractor.extract(document, published: published)
    for entity in extraction.entities {
        precondition(entity.offsets.allSatisfy { $0 >= 0 && $0 <= bytes.count }, "offsets outside the file: \(entity.offsets)")
    }
    _ = try? ExtractionJSON.encode([extraction])
    let graph = builder.build([extraction])
    let json = try! graph.jsonData()
    do { _ = try KnowledgeGraph.load(data: json, path: "fuzz.json") } catch { preconditionFailure("the graph's own JSON is rejected: \(error)") }
    let timeline = Timeline(graph: graph)
    _ = TimelineRenderer.markdown(timeline)
    _ = TimelineRenderer.csv(timeline)
    _ = TimelineHTML.render(timeline)
    return 0
}

// SwiftPM links executables with main=FuzzExtract_main; hand over to libFuzzer's driver.
@_cdecl("FuzzExtract_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = extractor; _ = builder  // load the ontology before libFuzzer starts timing inputs
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzz(data!, size) }
}
