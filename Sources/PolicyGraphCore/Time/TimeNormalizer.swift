/// Reads Chinese time expressions and resolves them against a reference date.
///
/// ```swift
/// let normalizer = TimeNormalizer()
/// normalizer.parse("2027年前", reference: nil)          // by 2027
/// normalizer.parse("未来2年至3年内", reference: ReferenceDate(year: 2025, month: 3))  // between 2027 and 2028
/// ```
///
/// Conventions: ranges and deadlines are inclusive; 年底/年末 is December and
/// 年初 January; 上半年 is January–June, 下半年 July–December, 一季度
/// January–March; a window 未来N年 is `by` reference+N and 未来N年至M年内
/// `between` reference+N and reference+M; 近N年 is the N years before the
/// reference (past); a month and day without a year take the reference year,
/// except a December date read in the first half of January, which takes the
/// year before; a five-year plan (“十四五”) is `between` its first and last
/// year, and “十四五”末 `by` its last year.
public struct TimeNormalizer: Sendable {
    public init() {}

    /// Parses `text` as one time expression; `nil` when it is not one (or
    /// holds more than one).
    public func parse(_ text: String, reference: ReferenceDate?) -> TimeValue? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            let parser = TimeParser(bytes: buffer, reference: reference)
            guard let (value, end) = parser.parse(at: 0), end == buffer.count else { return nil }
            return value
        }
    }

    /// Every time expression in `bytes`, left to right, non-overlapping.
    public func expressions(in bytes: UnsafeBufferPointer<UInt8>, reference: ReferenceDate?) -> [TimeExpression] {
        let parser = TimeParser(bytes: bytes, reference: reference)
        var result: [TimeExpression] = []
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if UTF8Bytes.isContinuation(lead) { index += 1; continue }
            let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
            // A digit run starts only at its first digit.
            let startsHere = TimeParser.startScalars.contains(scalar)
                && !(ScalarClass.isDigit(scalar) && index > 0 && ScalarClass.isDigit(UInt32(bytes[index - 1])))
            if startsHere, let (value, end) = parser.parse(at: index) {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                result.append(TimeExpression(range: index..<end, text: text, value: value))
                index = end
                continue
            }
            index += length
        }
        return result
    }

    /// Every time expression in a string (for tests and the `time` command).
    public func expressions(in text: String, reference: ReferenceDate?) -> [TimeExpression] {
        Array(text.utf8).withUnsafeBufferPointer { expressions(in: $0, reference: reference) }
    }
}
