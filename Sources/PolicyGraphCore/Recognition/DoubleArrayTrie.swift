/// A double-array trie over UTF-8 bytes, compiled once from a set of keys.
///
/// State `s` moves on byte `b` to `t = base(s) + b + 1` when `check(t) == s`.
/// Each key's last state holds the key's value. Matching walks the text's
/// bytes directly, so a scan never decodes characters.
///
/// Layout: one 8-byte cell per state holds both `base` and `check`, so a
/// transition reads one cache line (the scan's cost is cache misses on a
/// trie of some 10^5 states, not instructions). The top bit of `base` marks a
/// state that ends a key; its value sits in a separate array that only
/// matches read.
public struct DoubleArrayTrie: Sendable, Equatable {
    /// One state: where its children start, and which state it is a child of.
    struct Cell: Sendable, Equatable {
        /// `base | DoubleArrayTrie.terminal` when the state ends a key.
        var base: Int32
        var check: Int32
    }

    /// The bit of `Cell.base` that marks a state ending a key (bases are never negative).
    static let terminal: Int32 = Int32.min
    private(set) var cells: [Cell]
    private(set) var values: [Int32]
    /// The shortcut over a walk's first character.
    private(set) var lead: LeadCharacterIndex

    /// The number of states (for statistics).
    public var stateCount: Int { cells.count }

    /// Compiles `keys` (byte strings) with their values; later duplicates of a
    /// key replace earlier ones. Empty keys are ignored.
    public init(keys: [(key: [UInt8], value: Int32)]) {
        // 1. An ordinary trie with sorted children.
        var children: [[(UInt8, Int32)]] = [[]]
        var nodeValue: [Int32] = [-1]
        for (key, value) in keys where !key.isEmpty {
            var node: Int32 = 0
            for byte in key {
                if let next = children[Int(node)].first(where: { $0.0 == byte })?.1 {
                    node = next
                } else {
                    let next = Int32(children.count)
                    children.append([])
                    nodeValue.append(-1)
                    children[Int(node)].append((byte, next))
                    node = next
                }
            }
            nodeValue[Int(node)] = value
        }
        for index in children.indices { children[index].sort { $0.0 < $1.0 } }

        // 2. Place states depth first, first fit.
        var base = [Int32](repeating: 0, count: 1024)
        var check = [Int32](repeating: -1, count: 1024)
        var values = [Int32](repeating: -1, count: 1024)
        var used = [Bool](repeating: false, count: 1024)
        used[0] = true
        check[0] = 0
        var stateOf = [Int32](repeating: -1, count: children.count)
        stateOf[0] = 0
        // Depth first: a state's children are placed soon after it, so that a
        // walk down one key stays within a few cache lines.
        var pending: [Int32] = [0]
        // First fit for the first child's slot, skipping the dense prefix of
        // the array as the darts construction does, so building stays linear.
        var nextCheckPosition = 0
        func grow(to size: Int) {
            guard size > base.count else { return }
            let newSize = max(size, base.count * 2)
            base += [Int32](repeating: 0, count: newSize - base.count)
            check += [Int32](repeating: -1, count: newSize - check.count)
            values += [Int32](repeating: -1, count: newSize - values.count)
            used += [Bool](repeating: false, count: newSize - used.count)
        }
        while let next = pending.popLast() {
            let node = Int(next)
            let state = Int(stateOf[node])
            values[state] = nodeValue[node]
            let kids = children[node]
            guard !kids.isEmpty else { continue }
            let firstByte = Int(kids[0].0) + 1
            let span = Int(kids.last!.0) + 1
            var slot = max(nextCheckPosition, firstByte + 1)
            var occupied = 0
            var firstFreeSeen = true
            let searchStart = slot
            var candidate = 0
            search: while true {
                grow(to: slot + span + 2)
                if used[slot] {
                    occupied += 1
                    slot += 1
                    continue
                }
                if firstFreeSeen {
                    nextCheckPosition = slot
                    firstFreeSeen = false
                }
                candidate = slot - firstByte
                for (byte, _) in kids where used[candidate + Int(byte) + 1] {
                    slot += 1
                    continue search
                }
                break
            }
            if Double(occupied) / Double(slot - searchStart + 1) >= 0.95 { nextCheckPosition = slot }
            base[state] = Int32(candidate)
            for (byte, child) in kids {
                let slot = candidate + Int(byte) + 1
                used[slot] = true
                check[slot] = Int32(state)
                stateOf[Int(child)] = Int32(slot)
                pending.append(child)
            }
        }
        // Trim the unused tail.
        var last = used.count - 1
        while last > 0, !used[last] { last -= 1 }
        let cells = (0...last).map { state in
            Cell(base: base[state] | (values[state] >= 0 ? Self.terminal : 0), check: check[state])
        }
        self.cells = cells
        self.values = Array(values[0...last])
        lead = LeadCharacterIndex(keys: keys.map(\.key), cells: cells, values: self.values,
                                  state: { Self.state(after: $0, in: cells) })
    }

    /// A trie read back from its compiled parts (``CompiledLexiconFile``), already checked.
    init(cells: [Cell], values: [Int32], lead: LeadCharacterIndex) {
        self.cells = cells
        self.values = values
        self.lead = lead
    }

    /// The state reached from the root over `bytes`, or `nil`.
    private static func state(after bytes: [UInt8], in cells: [Cell]) -> Int? {
        var state = 0
        for byte in bytes {
            let next = Int(cells[state].base & ~Self.terminal) + Int(byte) + 1
            guard next < cells.count, cells[next].check == Int32(state) else { return nil }
            state = next
        }
        return state
    }

    /// The value of `key`, or `nil` when it is not a key.
    public func value(of key: some Sequence<UInt8>) -> Int32? {
        guard let state = Self.state(after: Array(key), in: cells), cells[state].base & Self.terminal != 0 else { return nil }
        return values[state]
    }

    /// Calls `body(end, value)` for every key that starts at `start` in
    /// `bytes`, shortest first; stops early when `body` returns `false`.
    @inline(__always)
    public func forEachPrefix(in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                              _ body: (_ end: Int, _ value: Int32) -> Bool) {
        cells.withUnsafeBufferPointer { cells in
            values.withUnsafeBufferPointer { values in
                let count = bytes.count
                guard start < count else { return }
                var state = 0
                var base = cells[0].base
                var index = start
                // The first character through the lead index: two table reads instead of three
                // trie steps, and most walks end here.
                if lead.usable, start + 2 < count,
                   let slot = LeadCharacterIndex.slot(bytes[start], bytes[start + 1], bytes[start + 2]) {
                    let id = lead.ids.withUnsafeBufferPointer { $0[slot] }
                    if id == 0 { return }
                    let first = lead.firsts.withUnsafeBufferPointer { $0[Int(id)] }
                    state = Int(first.state)
                    base = first.cell.base
                    index = start + 3
                    if base < 0, !body(index, first.value) { return }
                    if first.filtered {
                        guard index < count else { return }
                        let length = UTF8Bytes.sequenceLength(lead: bytes[index])
                        guard index + length <= count else { return }
                        let next = LeadCharacterIndex.packed(bytes, from: index, length: length)
                        if first.mask & (1 << UInt64(LeadCharacterIndex.maskBit(next: next))) == 0 { return }
                        let bit = LeadCharacterIndex.pairBit(slot: slot, next: next)
                        let word = lead.pairs.withUnsafeBufferPointer { $0[bit >> 6] }
                        if word & (1 << UInt64(bit & 63)) == 0 { return }
                    }
                }
                let limit = cells.count
                while index < count {
                    let next = Int(base & ~Self.terminal) &+ Int(bytes[index]) &+ 1
                    guard next < limit else { return }
                    let cell = cells[next]
                    if cell.check != Int32(truncatingIfNeeded: state) { return }
                    state = next
                    base = cell.base
                    index += 1
                    if base < 0, !body(index, values[state]) { return }
                }
            }
        }
    }

    /// The longest key starting at `start`: its end and value.
    @inline(__always)
    public func longestPrefix(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, value: Int32)? {
        var best: (Int, Int32)? = nil
        forEachPrefix(in: bytes, from: start) { end, value in
            best = (end, value)
            return true
        }
        return best
    }
}
