/// Reads Chinese time expressions and resolves them against a reference date.
///
/// ```swift
/// let normalizer = TimeNormalizer()
/// normalizer.parse("2027年前", reference: nil)          // by 2027
/// normalizer.parse("未来2年至3年内", reference: ReferenceDate(year: 2025, month: 3))  // between 2027 and 2028
/// ```
///
/// The conventions (inclusive ranges and deadlines, the months of 年底 and 一季度,
/// how relative times count, where peers disagree) are listed in `docs/time.md`.
public struct TimeNormalizer: Sendable {
    public init() {}

    /// The fixed character foldings (full-width digits and dashes, odd spaces).
    private static let folding = CharacterFolding()

    /// Parses `text` as one time expression; `nil` when it is not one (or
    /// holds more than one). Spaces are ignored, full-width digits and
    /// traditional characters read like their plain forms, and forms too
    /// ambiguous in running text (a bare 2018, 15年, 30日) are read too.
    public func parse(_ text: String, reference: ReferenceDate?) -> TimeValue? {
        let folded = Self.folding.fold(Array(text.utf8)).bytes.filter { $0 != 0x20 && $0 != 0x09 }
        return folded.withUnsafeBufferPointer { raw in
            let bytes = TimeFolding.fold(raw)
            return bytes.withUnsafeBufferPointer { buffer in
                let parser = TimeParser(bytes: buffer, reference: reference, standalone: true)
                guard buffer.count > 0, let (value, end) = parser.parse(at: 0), end == buffer.count else { return nil }
                return value
            }
        }
    }

    /// Every time expression in `bytes`, left to right, non-overlapping.
    ///
    /// - Complexity: O(n): each start is tried with a bounded look-ahead.
    public func expressions(in bytes: UnsafeBufferPointer<UInt8>, reference: ReferenceDate?) -> [TimeExpression] {
        let folded = TimeFolding.fold(bytes)
        return folded.withUnsafeBufferPointer { buffer in
            let parser = TimeParser(bytes: buffer, reference: reference, standalone: false)
            var result: [TimeExpression] = []
            var index = 0
            var previous: UInt32 = 0
            while index < buffer.count {
                let lead = buffer[index]
                if UTF8Bytes.isContinuation(lead) { index += 1; continue }
                let (scalar, length) = UTF8Bytes.scalar(in: buffer, at: index)
                // A digit run starts only at its first digit, a run of numerals at its first numeral.
                let insideRun = (ScalarClass.isDigit(scalar) && ScalarClass.isDigit(previous))
                    || (TimeParser.isNumeral(scalar) && TimeParser.isNumeral(previous))
                if !insideRun, TimeParser.startScalars.contains(scalar), let (value, end) = parser.parse(at: index) {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    result.append(TimeExpression(range: index..<end, text: text, value: value))
                    index = end
                    previous = 0
                    continue
                }
                previous = scalar
                index += length
            }
            return result
        }
    }

    /// Every time expression in a string (for tests and the `time` command).
    public func expressions(in text: String, reference: ReferenceDate?) -> [TimeExpression] {
        Array(text.utf8).withUnsafeBufferPointer { expressions(in: $0, reference: reference) }
    }
}

extension TimeParser {
    /// Scalars an expression can start with.
    static let startScalars: Set<UInt32> = {
        var set = Set("截到至于在自从力争今去明后前本上下近未过最接第首当这大约年月“〇零一二三四五六七八九十两".unicodeScalars.map(\.value))
        for digit in UInt32(0x30)...0x39 { set.insert(digit) }
        return set
    }()
}
