/// Traditional characters the time grammar reads, folded to their simplified
/// forms for parsing only: 2030年後, 未來3年內 and 於2026年 parse like 2030年后,
/// 未来3年内 and 于2026年. Documents are folded by ``NormalizedText`` already, but
/// its table leaves out characters whose simplified form is ambiguous (後, 於);
/// the time grammar knows which reading it wants. Every pair is three bytes to
/// three bytes, so byte offsets stay those of the original text.
enum TimeFolding {
    static let pairs: [(String, String)] = [
        ("後", "后"), ("於", "于"), ("來", "来"), ("內", "内"), ("個", "个"), ("號", "号"), ("週", "周"), ("時", "时"),
        ("間", "间"), ("與", "与"), ("當", "当"), ("這", "这"), ("頭", "头"), ("從", "从"), ("開", "开"), ("兩", "两"),
        ("過", "过"), ("幾", "几"), ("現", "现"), ("紀", "纪"), ("屆", "届"), ("餘", "余"), ("歲", "岁"), ("計", "计"),
        ("劃", "划"), ("規", "规"), ("貳", "贰"), ("「", "“"), ("」", "”"), ("『", "“"), ("』", "”"), ("〝", "“"), ("〞", "”"),
        ("﹣", "－"),
    ]

    /// Scalar → replacement bytes, for the pairs above.
    static let table: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        for (from, to) in pairs {
            let source = from.unicodeScalars.first!.value
            let target = Array(to.utf8)
            precondition(from.utf8.count == target.count, "a time folding must keep byte lengths")
            table[source] = target
        }
        return table
    }()

    /// A copy of `bytes` with the pairs folded, of the same length.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result = Array(bytes)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0xE0 { index += 1; continue }
            let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
            if let replacement = table[scalar], replacement.count == length {
                for offset in 0..<length { result[index + offset] = replacement[offset] }
            }
            index += length
        }
        return result
    }
}
