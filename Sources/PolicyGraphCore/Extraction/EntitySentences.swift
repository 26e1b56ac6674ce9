import Foundation

/// The first sentences of a document's entities, kept once as UTF-8 bytes (each
/// trimmed and cut at 200 characters as ``ExtractedEntity/sentence`` reads) and
/// shared by the entities that cite them. The JSON writers copy the bytes as they
/// are; a `String` is made only when a caller asks for one, once per sentence, and
/// every entity of that sentence then gets the same string (the graph keeps one
/// copy of a sentence by the identity of its storage).
///
/// ```swift
/// let sentences = EntitySentences(bytes: Array("国务院印发方案。".utf8), ranges: [0..<24])
/// sentences.text(at: 0)   // "国务院印发方案。"
/// ```
@usableFromInline
final class EntitySentences: @unchecked Sendable {
    /// The sentences' bytes, one after another; valid UTF-8 ending on scalar boundaries.
    private let bytes: [UInt8]
    private let ranges: [Range<Int>]
    /// The strings made so far (by sentence), behind `lock`: extractions cross threads.
    private var strings: [String?]
    private let lock = NSLock()

    init(bytes: [UInt8], ranges: [Range<Int>]) {
        self.bytes = bytes
        self.ranges = ranges
        strings = [String?](repeating: nil, count: ranges.count)
    }

    /// Sentence `index` as a string, made on the first call and the same string afterwards.
    func text(at index: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let made = strings[index] { return made }
        let made = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[ranges[index]]), as: UTF8.self) }
        strings[index] = made
        return made
    }

    /// Calls `body` with the UTF-8 bytes of sentence `index` (valid only during the call).
    @usableFromInline
    func withBytes<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[ranges[index]])) }
    }
}

/// How an entity holds its sentence: none, a string of its own, or one of its
/// document's ``EntitySentences``.
@usableFromInline
enum EntitySentence: Sendable {
    case none
    case string(String)
    case shared(EntitySentences, Int)

    init(_ string: String?) {
        if let string { self = .string(string) } else { self = .none }
    }

    /// The sentence as a string (made once for a shared one).
    var string: String? {
        switch self {
        case .none: nil
        case .string(let text): text
        case .shared(let sentences, let index): sentences.text(at: index)
        }
    }
}
