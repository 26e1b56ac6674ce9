import Foundation
import FuzzDriver
import PolicyGraphCore

// Decoding + normalisation: TextDecoding.decode, MarkupKind.detect, then
// TextNormalizer (markup stripping, folding with the bundled traditional
// table, layout doubling, line joining). Invariant checked: every range of
// the normalised text maps back inside the original file.
let ontology = try! Ontology.bundled()
let normalizer = TextNormalizer(folding: ontology.folding, numberUnits: ontology.patterns.numberUnits)
let names = ["doc.txt", "page.html", "notes.md", "doc.text"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let name = names[Int(data[0]) % names.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    guard let decoded = try? TextDecoding.decode(bytes, file: name) else { return 0 }
    precondition(TextDecoding.firstInvalidUTF8(decoded.bytes) == nil, "decoded text is not valid UTF-8")
    precondition(!decoded.bytes.contains { $0 < 0x09 || $0 == 0x7F || (0x0E...0x1F).contains($0) }, "a control character survived decoding")
    let markup = MarkupKind.detect(fileName: name, bytes: decoded.bytes)
    let normalized = normalizer.normalize(decoded, markup: markup)
    let n = normalized.bytes.count
    let fileLength = bytes.count
    // Sample ranges: the whole text, each line, and a sliding window.
    var ranges: [Range<Int>] = [0..<n, 0..<0, n..<n]
    var start = 0
    for (i, b) in normalized.bytes.enumerated() where b == 0x0A { ranges.append(start..<i); start = i + 1 }
    ranges.append(start..<n)
    var i = 0
    while i < n { ranges.append(i..<min(n, i + 7)); i += 13 }
    for r in ranges {
        let o = normalized.originalRange(of: r)
        precondition(o.lowerBound >= 0 && o.upperBound <= fileLength, "offset map out of the file: \(r) -> \(o), file \(fileLength)")
    }
    _ = normalized.string
    return 0
}

// SwiftPM links executables with main=FuzzNormalize_main; hand over to libFuzzer's driver.
@_cdecl("FuzzNormalize_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = normalizer  // load the ontology before libFuzzer starts timing inputs
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzz(data!, size) }
}
