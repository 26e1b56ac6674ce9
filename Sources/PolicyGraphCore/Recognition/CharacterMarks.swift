/// Three-byte characters whose starts the dictionary scan notes as it passes them
/// (``DictionaryScanner/scan(_:marking:)``), so that no pass after it walks the text again to
/// find them: a byte per lead index slot (``DoubleArrayTrie/Tables/slot(_:)``), 0 for a
/// character not marked (the other values are the marker's own: ``FixedWords`` numbers its
/// words' first characters).
///
/// The scan reads every character outside its tokens once already; it tests the character's
/// byte there, and looks at the characters inside each token (and inside what it steps over in
/// text that is not UTF-8) with ``note(in:from:to:into:)``. Every start of a complete three-byte
/// character of the text is so tested exactly once, in ascending order.
struct CharacterMarks {
    /// 2^16 bytes, by slot.
    let table: UnsafePointer<UInt8>

    /// The number of bytes of a table of marks: one per slot.
    static let tableSize = 1 << 16

    /// A table of no marks, for scans that note nothing.
    static let none = [UInt8](repeating: 0, count: tableSize)

    /// Whether the character in `slot` is marked.
    @inline(__always)
    func contains(slot: Int) -> Bool {
        table[slot] != 0
    }

    /// Appends to `marked` every start of a complete, marked three-byte character in
    /// `start..<end` (cut to the text), in order. Complexity: O(end − start).
    @inline(__always)
    func note(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into marked: inout GrowingBuffer<Int>) {
        let count = bytes.count
        let end = min(end, count)
        var index = start
        while index < end {
            if bytes[index] & 0xF0 == 0xE0, index &+ 2 < count {
                let packed = DoubleArrayTrie.Tables.packedCharacter(bytes, at: index)
                if DoubleArrayTrie.Tables.isThreeByteCharacter(packed) {
                    if contains(slot: DoubleArrayTrie.Tables.slot(packed)) { marked.append(index) }
                    index &+= 3
                    continue
                }
            }
            index &+= 1
        }
    }
}
