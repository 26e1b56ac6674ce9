/// Every start of a set of names (the persons, short forms and company short names a document's
/// passes found) in one pass over the text, for all names at once.
///
/// The passes search the names they found again over the whole text. One `memchr` search per
/// name costs a call per byte that could end it; with several names one pass for all is
/// cheaper. The pass slides a window as long as the shortest name (`m` bytes) and reads the two
/// bytes that end it (one 16-bit load): a table of every pair says how far the window may move
/// before those two bytes could end the first `m` bytes of a name (a Horspool–Wu–Manber shift,
/// up to `m - 1`). The table (64 KB, filled once per search) is indexed by the pair itself:
/// no hash, no collision that would shorten a shift. Only where the shift is 0 are the names tried
/// whose first bytes are the window's (by a sorted key of up to eight bytes). In Chinese text and
/// names of two ideographs or more (`m` ≥ 6) the window moves by about five bytes a step.
///
/// ```swift
/// let search = NameSearch(["欧阳明高", "王明"].map { Array($0.utf8) })
/// search.forEachStart(in: buffer) { position, name in … }   // every start, overlapping ones too
/// ```
///
/// - Complexity: O(n) steps of at most `m - 1` bytes each, plus, where a window's last two
///   bytes end a name's first `m` bytes, the names that begin with the window's first bytes.
struct NameSearch {
    /// The names, as given (an empty name never matches).
    let names: [[UInt8]]
    /// The length of the shortest name that is not empty (0 when every name is empty).
    let shortest: Int
    /// By byte pair (first byte | second byte << 8): how far the window may move when its last two bytes are that pair.
    private let shifts: [UInt8]
    /// The names that are not empty, by their first `min(shortest, 8)` bytes packed (ascending,
    /// names in index order among equal keys).
    private let keys: [UInt64]
    private let order: [Int]

    /// The names' bytes packed into a number from `min(shortest, 8)` bytes: a window's key.
    private var keyLength: Int { min(shortest, 8) }

    init(_ names: [[UInt8]]) {
        self.names = names
        let shortest = names.lazy.map(\.count).filter { $0 > 0 }.min() ?? 0
        self.shortest = shortest
        var shifts = [UInt8](repeating: UInt8(min(max(shortest - 1, 0), 255)), count: 65_536)
        if shortest >= 2 {
            for name in names where !name.isEmpty {
                // The pair ending at offset `end` of the name's first `shortest` bytes: the window
                // may move `shortest - 1 - end` bytes before that pair ends it.
                for end in 1..<shortest {
                    let slot = Self.slot(name[end - 1], name[end])
                    shifts[slot] = min(shifts[slot], UInt8(min(shortest - 1 - end, 255)))
                }
            }
        }
        self.shifts = shifts
        let keyLength = min(shortest, 8)
        let keyed = names.indices.filter { !names[$0].isEmpty }
            .map { (key: Self.key(names[$0], count: keyLength), index: $0) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        keys = keyed.map(\.key)
        order = keyed.map(\.index)
    }

    /// The table slot of a byte pair, as a little-endian 16-bit load of the two reads it.
    @inline(__always)
    private static func slot(_ first: UInt8, _ second: UInt8) -> Int {
        Int(first) | Int(second) << 8
    }

    private static func key(_ bytes: [UInt8], count: Int) -> UInt64 {
        var key: UInt64 = 0
        for offset in 0..<count { key |= UInt64(bytes[offset]) << (8 * UInt64(offset)) }
        return key
    }

    /// Calls `body` with every start of every name in `bytes` and the name's index, overlapping
    /// starts too: positions ascending, at one position the names in index order.
    func forEachStart(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ position: Int, _ name: Int) -> Void) {
        guard shortest > 0, bytes.count >= shortest, let base = bytes.baseAddress else { return }
        let count = bytes.count
        let keyLength = self.keyLength
        @inline(__always) func tryNames(at start: Int) {
            var key: UInt64 = 0
            for offset in 0..<keyLength { key |= UInt64(base[start + offset]) << (8 * UInt64(offset)) }
            // The first of the names with this key.
            var low = 0, high = keys.count
            while low < high {
                let mid = (low + high) / 2
                if keys[mid] < key { low = mid + 1 } else { high = mid }
            }
            while low < keys.count, keys[low] == key {
                let index = order[low]
                let name = names[index]
                if start + name.count <= count {
                    var offset = keyLength
                    while offset < name.count, base[start + offset] == name[offset] { offset += 1 }
                    if offset == name.count { body(start, index) }
                }
                low += 1
            }
        }
        guard shortest >= 2 else {
            // A name of one byte: every position is tried.
            for start in 0..<count { tryNames(at: start) }
            return
        }
        let raw = UnsafeRawPointer(base)
        shifts.withUnsafeBufferPointer { shifts in
            let table = shifts.baseAddress!
            // The window's last pair is read at `start + tail`.
            let tail = shortest - 2
            var start = 0
            let last = count - shortest
            while start <= last {
                let pair = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start &+ tail, as: UInt16.self))
                let shift = Int(table[Int(pair)])
                if shift == 0 {
                    tryNames(at: start)
                    start += 1
                } else {
                    start += shift
                }
            }
        }
    }
}
