/// The first scalars of a word list that are three bytes long in UTF-8 (U+0800…U+FFFF,
/// every Chinese character), one bit each by scalar (``TimeNormalizer/bits(_:)``): the gate
/// of a scan at a three-byte sequence, which is most of a Chinese text.
///
/// At a well-formed three-byte sequence only the words whose first scalar it is can start,
/// and its two continuation bytes start no word: the scan tests one bit and steps three
/// bytes, instead of a gate per byte. At a lead byte E0…EF without two continuation bytes
/// after it no word starts (a word is valid UTF-8, so a word that opens with that byte has
/// them): the scan steps one byte. The gate only turns places down; a place it lets through
/// is still matched against the words' bytes.
struct ThreeByteStarts: Sendable {
    private let bits: [UInt64]

    init(_ words: [String]) {
        var scalars: Set<UInt32> = []
        for word in words {
            if let scalar = word.unicodeScalars.first, scalar.value >= 0x800, scalar.value < 0x10000 { scalars.insert(scalar.value) }
        }
        bits = TimeNormalizer.bits(scalars)
    }

    /// Whether a lead byte is E0…EF: the byte ``test(at:in:)`` answers for.
    @inline(__always)
    static func isLead(_ byte: UInt8) -> Bool { byte & 0xF0 == 0xE0 }

    /// At `index`, where a lead byte E0…EF stands (``isLead(_:)``): whether a word can start
    /// there, and how far the scan steps (3 over a well-formed sequence, else 1).
    @inline(__always)
    func test(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (mayStart: Bool, step: Int) {
        guard index &+ 2 < bytes.count, bytes[index &+ 1] & 0xC0 == 0x80, bytes[index &+ 2] & 0xC0 == 0x80 else { return (false, 1) }
        let block = Int(bytes[index] & 0x0F) &<< 6 | Int(bytes[index &+ 1] & 0x3F)
        let bit = UInt64(1) &<< UInt64(bytes[index &+ 2] & 0x3F)
        return (bits.withUnsafeBufferPointer { $0[block] } & bit != 0, 3)
    }
}
