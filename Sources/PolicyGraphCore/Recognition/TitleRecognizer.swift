import Foundation

/// A title in 《》 and what it was classified as.
struct TitleSpan {
    /// The whole span including 《 and 》.
    let outer: Range<Int>
    /// The content between the marks.
    let inner: Range<Int>
    let content: String
    /// The content without a closing qualifier such as （试行） or (2024-2026年).
    let core: String
    let titleClass: TitleClass?
}

/// Finds titles in 《》 and classifies them by their last word:
/// policies (《工业领域碳达峰实施方案》, 《“十四五”工业绿色发展规划》,
/// 《…行动计划(2024-2026年)》), periodicals (《人民日报》) and others
/// (reports, books, articles), which are not entities.
struct TitleRecognizer: Sendable {
    let patterns: PatternLexicon
    /// The title endings by their last scalar, compiled with the lexicon.
    let words: RecognitionWords
    /// Longest title, in bytes, looked for (a stray 《 never swallows a page).
    static let maximumTitleLength = 300
    /// 《 (U+300A), which opens a title.
    static let openBytes: [UInt8] = [0xE3, 0x80, 0x8A]

    func titles(in cursor: TextCursor) -> [TitleSpan] {
        var result: [TitleSpan] = []
        let bytes = cursor.bytes
        var index = 0
        // Every 《, from the recognizer's pass over the fixed words (``FixedWords``) where the
        // cursor holds it, else by a search for its last byte.
        let opens = cursor.occurrences(of: Self.openBytes, in: 0..<bytes.count, overlapping: true)
        var next = 0
        while index + 3 <= bytes.count {
            // The next 《 at or after `index`.
            while next < opens.count, opens[next] < index { next += 1 }
            guard next < opens.count else { break }
            index = opens[next]
            // Find the matching 》, allowing one level of nesting, within one line.
            var depth = 0
            var position = index + 3
            var close: Int? = nil
            while position < bytes.count, position - index < Self.maximumTitleLength {
                let byte = bytes[position]
                if byte == 0x0A { break }
                if byte == 0xE3, position + 2 < bytes.count, bytes[position + 1] == 0x80 {
                    if bytes[position + 2] == 0x8A { depth += 1 }
                    if bytes[position + 2] == 0x8B {
                        if depth == 0 { close = position; break }
                        depth -= 1
                    }
                }
                position += 1
            }
            guard let close, close > index + 3 else { index += 3; continue }
            let inner = (index + 3)..<close
            let content = cursor.text(inner)
            let core = Self.removingQualifier(content, qualifiers: patterns.titleQualifiers, yearUnits: patterns.yearUnits)
            result.append(TitleSpan(outer: index..<(close + 3), inner: inner, content: content, core: core,
                                    titleClass: words.titleClass(of: core)))
            index = close + 3
        }
        return result
    }

    /// `content` without a trailing parenthesis that holds a qualifier
    /// (试行, 征求意见稿) or a year (2021-2035年, 2024年版).
    ///
    /// On bytes when the content and every qualifier are plain (``PlainUTF8``): scalars are
    /// then characters, and a byte search finds what `String.contains` finds; otherwise
    /// ``removingQualifierAsStrings(_:qualifiers:yearUnits:)``.
    /// `yearUnits` are the words after a year (年: `published.tsv` role `year-unit`).
    static func removingQualifier(_ content: String, qualifiers: [String], yearUnits: [String]) -> String {
        // Most titles end with no parenthesis: ) is 29, ） is EF BC 89.
        guard let lastByte = content.utf8.last, lastByte == 0x29 || lastByte == 0x89 else { return content }
        var text = content
        let answer: String? = text.withUTF8 { bytes -> String? in
            guard PlainUTF8.plainCount(bytes) != nil else { return nil }
            let count = bytes.count
            let close: Int
            if bytes[count - 1] == 0x29 {
                close = count - 1
            } else if count >= 3, bytes[count - 3] == 0xEF, bytes[count - 2] == 0xBC {
                close = count - 3
            } else {
                return content
            }
            // The last ( or （ (EF BC 88) before it.
            var open = close - 1
            var openEnd = 0
            while open >= 0 {
                if bytes[open] == 0x28 { openEnd = open + 1; break }
                if bytes[open] == 0xEF, open + 2 < close, bytes[open + 1] == 0xBC, bytes[open + 2] == 0x88 { openEnd = open + 3; break }
                open -= 1
            }
            guard open > 0 else { return content }
            let inside = UnsafeBufferPointer(rebasing: bytes[openEnd..<close])
            var qualified = false
            if inside.contains(where: { $0 &- 0x30 < 10 }) {
                guard let year = Self.containsAny(yearUnits, in: inside) else { return nil }
                qualified = year
            }
            if !qualified {
                guard let found = Self.containsAny(qualifiers, in: inside) else { return nil }
                qualified = found
            }
            guard qualified else { return content }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<open]), as: UTF8.self)
        }
        if let answer { return answer }
        return removingQualifierAsStrings(content, qualifiers: qualifiers, yearUnits: yearUnits)
    }

    /// Whether one of `words` occurs in `inside`; `nil` when one is empty or not plain, for the
    /// `String` path to decide.
    private static func containsAny(_ words: [String], in inside: UnsafeBufferPointer<UInt8>) -> Bool? {
        for word in words {
            var word = word
            let found: Bool? = word.withUTF8 { word in
                guard !word.isEmpty, PlainUTF8.plainCount(word) != nil else { return nil }
                return Self.contains(word, in: inside)
            }
            guard let found else { return nil }
            if found { return true }
        }
        return false
    }

    /// Whether `word` occurs in `bytes`.
    private static func contains<Word: Collection<UInt8>>(_ word: Word, in bytes: UnsafeBufferPointer<UInt8>) -> Bool
    where Word.Index == Int {
        guard !word.isEmpty, word.count <= bytes.count else { return false }
        let first = word[word.startIndex]
        var start = 0
        while start + word.count <= bytes.count {
            if bytes[start] == first {
                var offset = 1
                while offset < word.count, bytes[start + offset] == word[word.startIndex + offset] { offset += 1 }
                if offset == word.count { return true }
            }
            start += 1
        }
        return false
    }

    /// ``removingQualifier(_:qualifiers:yearUnits:)`` on scalars and `String` searches: for text or
    /// qualifiers that are not plain.
    static func removingQualifierAsStrings(_ content: String, qualifiers: [String], yearUnits: [String]) -> String {
        guard let lastByte = content.utf8.last, lastByte == 0x29 || lastByte == 0x89 else { return content }
        let scalars = Array(content.unicodeScalars)
        guard let last = scalars.last, last.value == .rightParen || last.value == .rightParenWide else { return content }
        guard let openIndex = scalars.lastIndex(where: { $0.value == .leftParen || $0.value == .leftParenWide }),
              openIndex > 0 else { return content }
        let inside = String(String.UnicodeScalarView(scalars[(openIndex + 1)..<(scalars.count - 1)]))
        let hasYear = inside.unicodeScalars.contains { ScalarClass.isDigit($0.value) } && yearUnits.contains(where: { !$0.isEmpty && inside.contains($0) })
        guard hasYear || qualifiers.contains(where: { inside.contains($0) }) else { return content }
        return String(String.UnicodeScalarView(scalars[..<openIndex]))
    }
}
