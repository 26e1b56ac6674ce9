/// A dictionary match in normalised text: a byte range and what it stands for.
public struct Token: Hashable, Sendable {
    /// UTF-8 byte offsets into the normalised text.
    public let start: Int
    public let end: Int
    /// Index into the lexicon's payloads.
    let payload: Int32
    /// Whether the token's contextual names were found in context.
    let inContext: Bool

    public var range: Range<Int> { start..<end }
}

/// Scans UTF-8 bytes once, left to right, for the lexicon's keys, taking at
/// each position the longest key (leftmost-longest, non-overlapping).
///
/// Keys that begin or end with an ASCII letter or digit only match at ASCII
/// word boundaries (`CATL` is not found in `CATLX`). Contextual names match
/// only right after a token of their parent or grandparent.
public struct DictionaryScanner: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// The tokens of `bytes`, in order. Complexity: O(n · k) for n bytes and
    /// keys of at most k bytes; in practice a few byte steps per position.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        // Written in place and copied out once: an array's append asked whether its buffer is
        // shared for every one of the tokens (a runtime call each). Policy news holds about a
        // token every 12 bytes: room for one every 8 bytes spares nearly every text a doubling.
        var tokens = GrowingBuffer<Token>(capacity: bytes.count / 8 + 16)
        defer { tokens.deallocate() }
        let count = bytes.count
        // The keys found at one position, shortest first: the first 64 are kept (no ontology has
        // that many keys that are prefixes of one another). Allocated once per scan.
        let capacity = 64
        let candidateEnds = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        let candidateValues = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        defer {
            candidateEnds.deallocate()
            candidateValues.deallocate()
        }
        // Contextual entities seen in context once are recognised anywhere after.
        // A bit per entity rather than a set: the scan asks for every contextual candidate.
        var establishedContextual = EntityFlags(count: lexicon.ontology.entities.count)
        lexicon.hasContextualEntry.withUnsafeBufferPointer { hasContextualEntry in
            lexicon.trie.withTables { trie in
                var position = 0
                while position < count {
                    let found: Int
                    let threeBytes: Bool
                    if trie.usable, position &+ 2 < count, bytes[position] & 0xF0 == 0xE0,
                       case let packed = DoubleArrayTrie.Tables.packedCharacter(bytes, at: position),
                       DoubleArrayTrie.Tables.isThreeByteCharacter(packed) {
                        // A three-byte character (most of Chinese text): a scalar start outside any
                        // ASCII word. Most begin no key: the tables pass over them, reading each
                        // character once, up to the first where keys start.
                        let (at, keys) = trie.passingOver(from: position, character: packed, in: bytes, ends: candidateEnds,
                                                          found: candidateValues, capacity: capacity)
                        position = at
                        if keys < 0 { continue }
                        if keys == 0 {
                            position &+= 3
                            continue
                        }
                        found = keys
                        threeBytes = true
                    } else {
                        // Only start at scalar boundaries and not inside an ASCII word.
                        let lead = bytes[position]
                        if UTF8Bytes.isContinuation(lead) || (isWordByte(lead) && position > 0 && isWordByte(bytes[position - 1])) {
                            position &+= 1
                            continue
                        }
                        found = trie.prefixes(in: bytes, from: position, ends: candidateEnds, found: candidateValues,
                                              capacity: capacity)
                        threeBytes = false
                    }
                    var choice = found - 1
                    while choice >= 0 {
                        let end = candidateEnds[choice], value = candidateValues[choice]
                        // `acceptable(…)` inline for the keys without contextual names (most): only
                        // the ASCII word boundary at the end can turn them down.
                        let inContext: Bool?
                        if isWordByte(bytes[end - 1]), end < count, isWordByte(bytes[end]) {
                            inContext = nil
                        } else if !hasContextualEntry[Int(value)] {
                            inContext = false
                        } else {
                            inContext = acceptable(value: value, start: position, end: end, bytes: bytes, previous: tokens.last,
                                                   established: &establishedContextual)
                        }
                        if let inContext {
                            tokens.append(Token(start: position, end: end, payload: value, inContext: inContext))
                            position = end
                            break
                        }
                        choice -= 1
                    }
                    if choice < 0 { position &+= threeBytes ? 3 : UTF8Bytes.sequenceLength(lead: bytes[position]) }
                }
            }
        }
        return tokens.array
    }

    /// Scans a byte array.
    public func scan(_ bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    /// An ASCII letter or digit: 0–9, or A–Z and a–z (bit 5 set folds the capitals onto
    /// the small letters, and no other byte lands there), in two wrapping comparisons.
    @inline(__always)
    func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    /// Whether `range` holds nothing but spaces and line breaks (毕节 大方).
    @inline(__always)
    func onlySpace(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count <= 4 else { return false }
        for index in range where !(bytes[index] == 0x20 || bytes[index] == 0x0A) { return false }
        return true
    }

    /// Whether `range` is one list separator: 、 or a `joiner` word of `list-heads.tsv` (和, 与, 及).
    func listSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if range.count == 3, UTF8Bytes.scalar(in: bytes, at: range.lowerBound).value == 0x3001 { return true }
        return lexicon.words.listJoinerBytes.contains { word in
            word.count == range.count && word.indices.allSatisfy { bytes[range.lowerBound + $0] == word[$0] }
        }
    }

    /// `nil` when no entry of the key may match here; otherwise whether its
    /// contextual names matched in context.
    @inline(__always)
    func acceptable(value: Int32, start: Int, end: Int, bytes: UnsafeBufferPointer<UInt8>, previous: Token?,
                    established: inout EntityFlags) -> Bool? {
        if isWordByte(bytes[end - 1]), end < bytes.count, isWordByte(bytes[end]) { return nil }
        // Most keys hold no contextual name: they match wherever they occur.
        guard lexicon.hasContextualEntry[Int(value)] else { return false }
        let entries = lexicon.payloads[Int(value)]
        var plain = false
        for entry in entries {
            switch entry {
            case let .entity(index, contextual):
                if !contextual { plain = true; continue }
                if established.contains(index) { return true }
                guard let previous else { continue }
                if onlySpace(bytes, previous.end..<start) {
                    for case let .entity(prior, _) in lexicon.payloads[Int(previous.payload)]
                    where lexicon.ancestors[index].contains(prior) {
                        established.insert(index)
                        return true
                    }
                }
                // A company's ordinary-word name in a list of companies: 中国石化、长城.
                if lexicon.contextualCompanies[index], listSeparator(bytes, previous.end..<start) {
                    for case let .entity(prior, _) in lexicon.payloads[Int(previous.payload)]
                    where lexicon.ontology.entities[prior].type == .company {
                        established.insert(index)
                        return true
                    }
                }
            case .suffix, .stop, .softStop, .word, .marker:
                plain = true
            }
        }
        return plain ? false : nil
    }

    /// The entries a token stands for: contextual names only when they
    /// matched in context.
    public func entries(of token: Token) -> [LexiconEntry] {
        let entries = lexicon.payloads[Int(token.payload)]
        if token.inContext { return entries }
        return entries.filter { entry in
            if case let .entity(_, contextual) = entry { return !contextual }
            return true
        }
    }
}
