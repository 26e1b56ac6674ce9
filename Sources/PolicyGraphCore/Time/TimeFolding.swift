/// Traditional characters the time grammar reads, folded to their simplified
/// forms for parsing only: 2030年後, 未來3年內 and 於2026年 parse like 2030年后,
/// 未来3年内 and 于2026年. Documents are folded by ``NormalizedText`` already, but
/// its table leaves out characters whose simplified form is ambiguous (後, 於);
/// the time grammar knows which reading it wants. The pairs are data
/// (`patterns/time.tsv`, role `fold`), each three bytes to three bytes, so byte
/// offsets stay those of the original text.
extension TimeVocabulary {
    /// A copy of `bytes` with the foldings applied, of the same length.
    func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result = Array(bytes)
        guard !foldTable.isEmpty else { return result }
        foldBits.withUnsafeBufferPointer { foldBits in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0xE0 { index += 1; continue }
                if lead < 0xF0 {
                    // Three bytes (every Chinese character): the block of 64 from the first two,
                    // the bit from the third, as ``UTF8Bytes/scalar(in:at:)`` decodes them.
                    guard index + 3 <= bytes.count else { index += 1; continue }
                    let block = Int(lead & 0x0F) << 6 | Int(bytes[index + 1] & 0x3F)
                    if foldBits[block] & (1 << UInt64(bytes[index + 2] & 0x3F)) == 0 { index += 3; continue }
                }
                let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
                if scalar < 0x10000, foldBits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) == 0 { index += length; continue }
                if let replacement = foldTable[scalar], replacement.count == length {
                    for offset in 0..<length { result[index + offset] = replacement[offset] }
                }
                index += length
            }
        }
        return result
    }
}
