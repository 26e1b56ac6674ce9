/// Traditional characters the time grammar reads, folded to their simplified
/// forms for parsing only: 2030年後, 未來3年內 and 於2026年 parse like 2030年后,
/// 未来3年内 and 于2026年. Documents are folded by ``NormalizedText`` already, but
/// its table leaves out characters whose simplified form is ambiguous (後, 於);
/// the time grammar knows which reading it wants. The pairs are data
/// (`patterns/time.tsv`, role `fold`), each three bytes to three bytes, so byte
/// offsets stay those of the original text.
extension TimeVocabulary {
    /// A copy of `bytes` with the foldings applied, of the same length; from `start` on only,
    /// when the caller knows that nothing before it folds (and that `start` is where the
    /// folding's steps from the first byte pass).
    func fold(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> [UInt8] {
        var result = Array(bytes)
        guard !foldTable.isEmpty else { return result }
        foldBits.withUnsafeBufferPointer { foldBits in
            var index = start
            while true {
                index = nextFolded(bytes, from: index, before: bytes.count, foldBits: foldBits)
                guard index < bytes.count else { break }
                let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
                if let replacement = foldTable[scalar], replacement.count == length {
                    for offset in 0..<length { result[index + offset] = replacement[offset] }
                }
                index += length
            }
        }
        return result
    }

    /// Whether folding changes `scalar` (or might: a scalar of the table, whatever its length).
    @inline(__always)
    func folds(_ scalar: UInt32) -> Bool {
        scalar < 0x10000 ? foldBits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0 : foldTable[scalar] != nil
    }

    /// Where ``fold(_:from:)`` may first change a scalar that starts in `range`, stepping as it
    /// steps from `range.lowerBound`; `nil` when it changes none. Every scalar of the table
    /// counts, whatever its bytes (a place too early only costs a fold), and a last step that
    /// goes past the range's end gives the range's start (the steps after it would not be the scan's).
    func firstFolded(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int? {
        let index = foldBits.withUnsafeBufferPointer {
            nextFolded(bytes, from: range.lowerBound, before: range.upperBound, foldBits: $0)
        }
        return index < range.upperBound ? index : index == range.upperBound ? nil : range.lowerBound
    }

    /// The steps of the folding, written once for ``fold(_:from:)`` and ``firstFolded(_:in:)``:
    /// from `index`, the first place before `end` where a scalar of the table may start, or
    /// where the steps reach or pass `end`. Bytes below E0 are stepped over one at a time (no
    /// scalar of the table is below U+0800); a three-byte sequence is one step, a place when its
    /// bit in `foldBits` is set, whatever its continuation bytes; one cut short by the end of
    /// `bytes` is stepped over one byte at a time; a four-byte scalar (or a stray lead from F0
    /// up) is decoded by ``UTF8Bytes/scalar(in:at:)`` and is a place when ``folds(_:)`` says so.
    /// `foldBits`: ``foldBits`` itself, read through a pointer.
    @inline(__always)
    func nextFolded(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, before end: Int, foldBits: UnsafeBufferPointer<UInt64>) -> Int {
        var index = index
        while index < end {
            let lead = bytes[index]
            if lead < 0xE0 { index += 1; continue }
            if lead < 0xF0 {
                // Three bytes (every Chinese character): the block of 64 from the first two,
                // the bit from the third, as ``UTF8Bytes/scalar(in:at:)`` decodes them.
                guard index + 3 <= bytes.count else { index += 1; continue }
                let block = Int(lead & 0x0F) << 6 | Int(bytes[index + 1] & 0x3F)
                if foldBits[block] & (1 << UInt64(bytes[index + 2] & 0x3F)) != 0 { return index }
                index += 3
                continue
            }
            let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
            if folds(scalar) { return index }
            index += length
        }
        return index
    }
}
