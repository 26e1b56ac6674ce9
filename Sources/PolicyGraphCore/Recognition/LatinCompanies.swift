import Foundation

/// Companies named in Latin script with their legal form (rule
/// `latin:legal-form`): one to four capitalised words before a form of
/// `patterns/latin-legal-forms.tsv` (Micron Technology Inc., ASML Holding NV).
/// A company the dictionary found inside (Micron) is the same company. Linear:
/// each space is looked at once, with a bounded walk back.
struct LatinCompanies {
    let patterns: PatternLexicon
    /// The legal forms' bytes, the longest first: made once here, not per document.
    let forms: [[UInt8]]
    /// By first byte: the indices in ``forms`` of the forms that begin with it, ascending, so
    /// that a space is tried only against the forms that may follow it.
    private let formsByFirstByte: [[Int]]
    /// Whether some form is empty (it follows any space: tried after the others, as the shortest).
    private let hasEmptyForm: Bool

    init(patterns: PatternLexicon) {
        self.patterns = patterns
        let forms = patterns.latinLegalForms.map { Array($0.utf8) }.sorted { $0.count > $1.count }
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (index, form) in forms.enumerated() where !form.isEmpty { byFirstByte[Int(form[0])].append(index) }
        self.forms = forms
        formsByFirstByte = byFirstByte
        hasEmptyForm = forms.contains { $0.isEmpty }
    }

    /// The first of ``forms`` (the longest) whose bytes are at `index`, as
    /// `forms.first { cursor.matches($0, at: index) }` answers, trying only the forms that
    /// begin with the byte there.
    func form(at index: Int, cursor: TextCursor) -> [UInt8]? {
        if index >= 0, index < cursor.bytes.count {
            for candidate in formsByFirstByte[Int(cursor.bytes[index])] where cursor.matches(forms[candidate], at: index) {
                return forms[candidate]
            }
        }
        return hasEmptyForm && index >= 0 && index <= cursor.bytes.count ? [] : nil
    }

    func resolve(_ mentions: [Mention], cursor: TextCursor) -> [Mention] {
        guard !forms.isEmpty else { return mentions }
        var mentions = mentions
        var added: [Mention] = []
        var covered: Set<Int> = []
        let bytes = cursor.bytes
        var position = 0
        while position < bytes.count {
            // The next space, found with `memchr`: Chinese text has few.
            guard let base = bytes.baseAddress, let found = memchr(base + position, 0x20, bytes.count - position) else { break }
            position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            defer { position += 1 }
            guard let form = form(at: position + 1, cursor: cursor) else { continue }
            let end = position + 1 + form.count
            if end < bytes.count, isLetter(bytes[end]) { continue }
            guard let start = wordsStart(before: position, cursor: cursor) else { continue }
            let range = start..<end
            // Mentions are sorted by start: those inside the name follow the first one at or after its start.
            var inside: [Int] = []
            var index = mentions.firstIndex(startingAtOrAfter: start)
            while index < mentions.count, mentions[index].range.lowerBound < end {
                inside.append(index)
                index += 1
            }
            let before = lastIndex(startingBefore: start, in: mentions)
            guard inside.allSatisfy({ mentions[$0].type == .company && mentions[$0].range.upperBound <= end }),
                  before.map({ mentions[$0].range.upperBound <= start }) ?? true else { continue }
            let surface = cursor.text(range)
            let key = inside.first.map { mentions[$0].key } ?? "company:\(surface)"
            covered.formUnion(inside)
            added.append(Mention(range: range, type: .company, surface: surface, entityIndex: inside.first.flatMap { mentions[$0].entityIndex },
                                 rule: "latin:legal-form", key: key))
            position = end
        }
        guard !added.isEmpty else { return mentions }
        mentions = mentions.removing(offsets: covered) + added
        mentions.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return mentions
    }

    /// The last mention that starts before `position`, whose end may reach into the name.
    private func lastIndex(startingBefore position: Int, in mentions: [Mention]) -> Int? {
        let first = mentions.firstIndex(startingAtOrAfter: position)
        return first > 0 ? first - 1 : nil
    }

    /// The start of one to four capitalised words (letters, digits, & and -)
    /// that end at `end`, separated by single spaces.
    private func wordsStart(before end: Int, cursor: TextCursor) -> Int? {
        var start: Int? = nil
        var position = end
        for _ in 0..<4 {
            var wordStart = position
            while wordStart > 0, isWordByte(cursor.bytes[wordStart - 1]) { wordStart -= 1 }
            guard wordStart < position, (0x41...0x5A).contains(cursor.bytes[wordStart]) else { break }
            start = wordStart
            guard wordStart >= 2, cursor.bytes[wordStart - 1] == 0x20, isWordByte(cursor.bytes[wordStart - 2]) else { break }
            position = wordStart - 1
        }
        return start
    }

    private func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    private func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) || byte == 0x26 || byte == 0x2D }
}
