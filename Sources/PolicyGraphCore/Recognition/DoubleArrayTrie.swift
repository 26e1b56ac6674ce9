/// A double-array trie over UTF-8 bytes, compiled once from a set of keys.
///
/// State `s` moves on byte `b` to `t = base[s] + b + 1` when `check[t] == s`.
/// Each key's last state holds the key's value. Matching walks the text's
/// bytes directly, so a scan never decodes characters.
public struct DoubleArrayTrie: Sendable {
    private var base: [Int32]
    private var check: [Int32]
    private var values: [Int32]

    /// The number of states (for statistics).
    public var stateCount: Int { base.count }

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

        // 2. Place states breadth first, first fit.
        var base = [Int32](repeating: 0, count: 1024)
        var check = [Int32](repeating: -1, count: 1024)
        var values = [Int32](repeating: -1, count: 1024)
        var used = [Bool](repeating: false, count: 1024)
        used[0] = true
        check[0] = 0
        var stateOf = [Int32](repeating: -1, count: children.count)
        stateOf[0] = 0
        var queue: [Int32] = [0]
        var head = 0
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
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
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
                queue.append(child)
            }
        }
        // Trim the unused tail.
        var last = used.count - 1
        while last > 0, !used[last] { last -= 1 }
        self.base = Array(base[0...last])
        self.check = Array(check[0...last])
        self.values = Array(values[0...last])
    }

    /// The value of `key`, or `nil` when it is not a key.
    public func value(of key: some Sequence<UInt8>) -> Int32? {
        var state = 0
        for byte in key {
            let next = Int(base[state]) + Int(byte) + 1
            guard next < check.count, check[next] == Int32(state) else { return nil }
            state = next
        }
        let value = values[state]
        return value >= 0 ? value : nil
    }

    /// Calls `body(end, value)` for every key that starts at `start` in
    /// `bytes`, shortest first; stops early when `body` returns `false`.
    @inline(__always)
    public func forEachPrefix(in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                              _ body: (_ end: Int, _ value: Int32) -> Bool) {
        base.withUnsafeBufferPointer { base in
            check.withUnsafeBufferPointer { check in
                values.withUnsafeBufferPointer { values in
                    var state = 0
                    var index = start
                    let count = bytes.count
                    let limit = check.count
                    while index < count {
                        let next = Int(base[state]) &+ Int(bytes[index]) &+ 1
                        if next >= limit || check[next] != Int32(truncatingIfNeeded: state) { return }
                        state = next
                        index += 1
                        let value = values[state]
                        if value >= 0, !body(index, value) { return }
                    }
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
