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
struct TitleRecognizer {
    let patterns: PatternLexicon
    /// The title endings by their last scalar, compiled with the lexicon.
    let words: RecognitionWords
    /// Longest title, in bytes, looked for (a stray 《 never swallows a page).
    static let maximumTitleLength = 300

    func titles(in cursor: TextCursor) -> [TitleSpan] {
        var result: [TitleSpan] = []
        let bytes = cursor.bytes
        var index = 0
        let open: [UInt8] = [0xE3, 0x80, 0x8A]
        while index + 3 <= bytes.count {
            // The next 《 (E3 80 8A) by its last byte, which few other scalars hold.
            guard let base = bytes.baseAddress,
                  let found = memchr(base + index + 2, 0x8A, bytes.count - index - 2) else { break }
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - 2
            guard cursor.matches(open, at: start) else { index = start + 1; continue }
            index = start
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
            let core = Self.removingQualifier(content, qualifiers: patterns.titleQualifiers)
            result.append(TitleSpan(outer: index..<(close + 3), inner: inner, content: content, core: core,
                                    titleClass: words.titleClass(of: core)))
            index = close + 3
        }
        return result
    }

    /// `content` without a trailing parenthesis that holds a qualifier
    /// (试行, 征求意见稿) or a year (2021-2035年, 2024年版).
    static func removingQualifier(_ content: String, qualifiers: [String]) -> String {
        // Most titles end with no parenthesis: ) is 29, ） is EF BC 89.
        guard let lastByte = content.utf8.last, lastByte == 0x29 || lastByte == 0x89 else { return content }
        let scalars = Array(content.unicodeScalars)
        guard let last = scalars.last, last.value == .rightParen || last.value == .rightParenWide else { return content }
        guard let openIndex = scalars.lastIndex(where: { $0.value == .leftParen || $0.value == .leftParenWide }),
              openIndex > 0 else { return content }
        let inside = String(String.UnicodeScalarView(scalars[(openIndex + 1)..<(scalars.count - 1)]))
        let hasYear = inside.unicodeScalars.contains { ScalarClass.isDigit($0.value) } && inside.contains("年")
        guard hasYear || qualifiers.contains(where: { inside.contains($0) }) else { return content }
        return String(String.UnicodeScalarView(scalars[..<openIndex]))
    }
}
