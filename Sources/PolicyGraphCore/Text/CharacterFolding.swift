/// A per-scalar folding table: traditional → simplified characters, and the
/// fixed foldings of full-width digits and letters and of odd spaces.
///
/// Lookup is an array index for the Basic Multilingual Plane and a dictionary
/// beyond it, so folding a large text costs one load per scalar.
public struct CharacterFolding: Sendable {
    private(set) var bmp: [UInt32]       // 0 = keep; `longEntry` = look in bmpLong; `dropEntry` = remove; otherwise the replacement scalar + 1
    private(set) var astral: [UInt32: [UInt8]]
    private(set) var bmpLong: [UInt32: [UInt8]] // replacements that are astral scalars
    /// Which three-byte scalars ``bmp`` changes (a non-zero entry), read straight from the bits of a
    /// little-endian load of the sequence: the word at `bits & 0x3F0F` (the lead's low nibble, and
    /// the second byte's low six bits shifted by 8) has bit `bits >> 16 & 0x3F` (the third byte's
    /// low six bits) set for such a scalar. The bits of the lead's high nibble and of the
    /// continuation bytes' top two bits are not read, as ``UTF8Bytes/scalar(in:at:)`` does not read them.
    private(set) var threeByteChanges: [UInt64] = []

    /// Folding with only the fixed rules (no traditional table).
    public init() {
        bmp = [UInt32](repeating: 0, count: 0x10000)
        astral = [:]
        bmpLong = [:]
        // Full-width digits, letters and the symbols numbers use.
        for u in UInt32(0xFF10)...0xFF19 { bmp[Int(u)] = u - 0xFF10 + 0x30 + 1 }
        for u in UInt32(0xFF21)...0xFF3A { bmp[Int(u)] = u - 0xFF21 + 0x41 + 1 }
        for u in UInt32(0xFF41)...0xFF5A { bmp[Int(u)] = u - 0xFF41 + 0x61 + 1 }
        for (from, to) in [(0xFF05, 0x25), (0xFF0B, 0x2B), (0xFF0D, 0x2D), (0xFF0F, 0x2F), (0xFF0E, 0x2E),
                           (0xFF06, 0x26), (0xFF03, 0x23), (0xFF20, 0x40), (0xFF3F, 0x5F)] as [(UInt32, UInt32)] {
            bmp[Int(from)] = to + 1
        }
        // Spaces: no-break, ideographic and the typographic ones become a space.
        for u in [UInt32(0x00A0), 0x3000, 0x2002, 0x2003, 0x2009, 0x202F, 0x205F] { bmp[Int(u)] = 0x20 + 1 }
        markIgnorables()
    }

    /// The ``bmp`` entry of a scalar whose replacement is in ``bmpLong``.
    static let longEntry = UInt32.max
    /// The ``bmp`` entry of a scalar that is removed (``isIgnorable(_:)``), so that one
    /// load tells every scalar's fate and the scalars that stay need no other test.
    static let dropEntry = UInt32.max - 1
    /// The scalars ``isIgnorable(_:)`` names.
    private static let ignorables: [UInt32] = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]

    /// Gives the ignorable scalars that no rule replaces the entry ``dropEntry``, and indexes the
    /// finished table in ``threeByteChanges`` (the last step of every initialiser).
    private mutating func markIgnorables() {
        for u in Self.ignorables where bmp[Int(u)] == 0 { bmp[Int(u)] = Self.dropEntry }
        var changes = [UInt64](repeating: 0, count: 0x3F10)
        for u in 0..<0x10000 where bmp[u] != 0 { changes[u >> 12 | (u >> 6 & 0x3F) << 8] |= 1 << UInt64(u & 0x3F) }
        threeByteChanges = changes
    }

    /// Folding with a traditional → simplified table (scalar pairs).
    public init(traditionalToSimplified pairs: [(UInt32, UInt32)]) {
        self.init()
        // The pairs come first: an ignorable scalar that a pair replaces is replaced, as before.
        for u in Self.ignorables where bmp[Int(u)] == Self.dropEntry { bmp[Int(u)] = 0 }
        for (from, to) in pairs {
            if from < 0x10000 {
                if to < 0x10000 {
                    bmp[Int(from)] = to + 1
                } else {
                    bmpLong[from] = UTF8Bytes.encode(to)
                    // A scalar-to-scalar entry made earlier keeps its precedence.
                    if bmp[Int(from)] == 0 { bmp[Int(from)] = Self.longEntry }
                }
            } else {
                astral[from] = UTF8Bytes.encode(to)
            }
        }
        markIgnorables()
    }

    /// Scalars removed outright: zero-width spaces and joiners, soft hyphens,
    /// a byte-order mark inside the text.
    @inline(__always)
    static func isIgnorable(_ u: UInt32) -> Bool {
        u == 0x200B || u == 0x200C || u == 0x200D || u == 0x2060 || u == 0xFEFF || u == 0x00AD
    }

    /// Folds `input`, returning the folded bytes and their map to `input`.
    public func fold(_ input: [UInt8]) -> (bytes: [UInt8], map: OffsetMap) {
        var none = NoLineLengths()
        return fold(input, lineLengths: &none)
    }

    /// Folds `input` and counts the folded text's lines into `lineLengths` on the way
    /// (``LineLengths``: the median line length of the line joiner), so that no other pass
    /// reads the text for them. `input` must be valid UTF-8 for the count to be exact
    /// (a three-byte scalar that stays is counted as one, unread), as a ``DecodedText`` is.
    func fold<Lengths: LineLengthCounting>(_ input: [UInt8], lineLengths: inout Lengths) -> (bytes: [UInt8], map: OffsetMap) {
        // The tables through pointers: one load per scalar, no copy-on-write check in the loop.
        threeByteChanges.withUnsafeBufferPointer { changes in
            bmp.withUnsafeBufferPointer { bmp in
                input.withUnsafeBufferPointer { buffer in
                    var writer = ByteRewriter(input: buffer)
                    var runStart = 0
                    var index = 0
                    let count = buffer.count
                    // The length of the folded text's current line so far (``LineLengths``).
                    var lineLength = 0
                    while index < count {
                        // Three-byte scalars that stay (most of Chinese text), decoded as `UTF8Bytes.scalar`
                        // decodes them and stepped over; then ASCII. (Wrapping adds: `index` stays below `count`.)
                        let threes = index
                        // Two at a time while eight bytes can be read (the six of two scalars used): both
                        // leads E0…EF and both scalars unchanged, told by ``threeByteChanges`` from the
                        // bytes as loaded, without decoding the scalars (the scalars of the loop below).
                        if let raw = UnsafeRawPointer(buffer.baseAddress) {
                            while index &+ 8 <= count {
                                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                                guard word & 0xF000_00F0 == 0xE000_00E0 else { break }
                                let second = word >> 24
                                let firstChanges = changes[Int(truncatingIfNeeded: word & 0x3F0F)] >> (word >> 16 & 0x3F)
                                let secondChanges = changes[Int(truncatingIfNeeded: second & 0x3F0F)] >> (second >> 16 & 0x3F)
                                guard (firstChanges | secondChanges) & 1 == 0 else { break }
                                index &+= 6
                            }
                        }
                        while index &+ 2 < count {
                            let lead = buffer[index]
                            guard lead &- 0xE0 <= 0x0F,
                                  bmp[Int(lead & 0x0F) << 12 | Int(buffer[index &+ 1] & 0x3F) << 6 | Int(buffer[index &+ 2] & 0x3F)] == 0
                            else { break }
                            index &+= 3
                        }
                        // Each one counts once in its line (its lead byte; the others continue it).
                        lineLength &+= (index &- threes) / 3
                        guard index < count else { break }
                        if buffer[index] < 0x80 {
                            // The run of ASCII bytes here (a line break, a number), none folded, is read
                            // in this loop, not byte by byte through the tests of the loops above.
                            repeat {
                                lineLengths.count(buffer[index], into: &lineLength)
                                index &+= 1
                            } while index < count && buffer[index] < 0x80
                            continue
                        }
                        let (u, length) = UTF8Bytes.scalar(in: buffer, at: index)
                        var replacement: [UInt8]? = nil
                        if u < 0x10000 {
                            // One load decides: no hashing for the scalars that stay.
                            let entry = bmp[Int(u)]
                            if entry == 0 {
                                lineLengths.count(UnsafeBufferPointer(rebasing: buffer[index..<min(count, index + length)]), into: &lineLength)
                                index += length
                                continue
                            }
                            if entry < Self.dropEntry {
                                // A scalar for a scalar, written without an array.
                                writer.copy(runStart..<index)
                                writer.replace(index..<(index + length), withScalar: entry - 1)
                                // Its encoding holds one byte that is not a continuation byte, its first.
                                if entry - 1 < 0x80 { lineLengths.count(UInt8(entry - 1), into: &lineLength) } else { lineLength &+= 1 }
                                index += length
                                runStart = index
                                continue
                            }
                            replacement = entry == Self.longEntry ? bmpLong[u] : []   // `dropEntry`: removed
                        } else if !astral.isEmpty, let long = astral[u] {
                            replacement = long
                        }
                        if let replacement {
                            writer.copy(runStart..<index)
                            writer.replace(index..<(index + length), with: replacement)
                            lineLengths.count(replacement, into: &lineLength)
                            runStart = index + length
                        } else {
                            lineLengths.count(UnsafeBufferPointer(rebasing: buffer[index..<min(count, index + length)]), into: &lineLength)
                        }
                        index += length
                    }
                    lineLengths.add(lineLength)
                    return writer.finish(copyingFrom: runStart, sharing: input)
                }
            }
        }
    }

    /// Folds a string (for dictionary entries, which are folded like the text).
    public func fold(_ text: String) -> String {
        // Most words fold to themselves: told by one look-up per scalar, without
        // making the byte array, the rewritten copy, its map and a new string.
        let utf8 = text.utf8
        if let unchanged = utf8.withContiguousStorageIfAvailable({ isUnchanged($0) }), unchanged { return text }
        return String(decoding: fold(Array(utf8)).bytes, as: UTF8.self)
    }

    /// Whether folding leaves `buffer` as it is: no scalar has a replacement or is ignorable.
    func isUnchanged(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        bmp.withUnsafeBufferPointer { bmp in
            var index = 0
            let count = buffer.count
            while index < count {
                if buffer[index] < 0x80 { index += 1; continue }
                let (u, length) = UTF8Bytes.scalar(in: buffer, at: index)
                if u < 0x10000 {
                    if bmp[Int(u)] != 0 { return false }   // a replacement, or an ignorable scalar
                } else if !astral.isEmpty, astral[u] != nil {
                    return false
                }
                index += length
            }
            return true
        }
    }
}
