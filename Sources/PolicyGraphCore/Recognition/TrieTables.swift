extension DoubleArrayTrie {
    /// The trie's tables as buffer pointers, taken once for a scan that starts a walk at
    /// every character (``DictionaryScanner/scan(_:)``), instead of once per walk as
    /// ``forEachPrefix(in:from:_:)`` does.
    struct Tables {
        let cells: UnsafeBufferPointer<Cell>
        let values: UnsafeBufferPointer<Int32>
        /// The lead character index's tables (``LeadCharacterIndex``).
        let ids: UnsafeBufferPointer<UInt16>
        let firsts: UnsafeBufferPointer<LeadCharacterIndex.First>
        let pairs: UnsafeBufferPointer<UInt64>
        let usable: Bool

        /// The keys that start at `start`, shortest first, as ``forEachPrefix(in:from:_:)``
        /// finds them: the first `capacity` (at least 1) are written to `ends` and `found`,
        /// and their number is returned.
        @inline(__always)
        func prefixes(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, ends: UnsafeMutablePointer<Int>,
                      found: UnsafeMutablePointer<Int32>, capacity: Int) -> Int {
            let count = bytes.count
            guard start < count else { return 0 }
            if usable, start + 2 < count {
                let packed = Self.packedCharacter(bytes, at: start)
                if Self.isThreeByteCharacter(packed) {
                    return prefixes(afterCharacter: packed, in: bytes, from: start, ends: ends, found: found, capacity: capacity)
                }
            }
            return walk(in: bytes, from: start, state: 0, base: cells[0].base, kept: 0, ends: ends, found: found, capacity: capacity)
        }

        /// Three bytes from `start` as one number, `bytes[start]` highest (the caller checks that
        /// they are there): in one four-byte load when a fourth byte follows, else byte by byte.
        @inline(__always)
        static func packedCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32 {
            if start &+ 4 <= bytes.count, let base = bytes.baseAddress {
                // The four bytes in text order whatever the machine's byte order, less the fourth.
                return UInt32(bigEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt32.self)) >> 8
            }
            return UInt32(bytes[start]) << 16 | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2])
        }

        /// The lead index slot of a three-byte character's packed bytes: (lead & 0F) << 12 |
        /// (second & 3F) << 6 | (third & 3F), as ``LeadCharacterIndex/slot(_:_:_:)``.
        @inline(__always)
        static func slot(_ packed: UInt32) -> Int {
            Int((packed >> 4) & 0xF000 | (packed >> 2) & 0x0FC0 | packed & 0x3F)
        }

        /// Whether three packed bytes are a lead byte E0–EF and two continuation bytes, in one comparison.
        @inline(__always)
        static func isThreeByteCharacter(_ packed: UInt32) -> Bool {
            packed & 0xF0_C0C0 == 0xE0_8080
        }

        /// ``prefixes(in:from:ends:found:capacity:)`` at a three-byte character already read
        /// (`packed`, ``isThreeByteCharacter(_:)``) when the lead index is usable: the lead
        /// index answers the first character and the next one's filter.
        @inline(__always)
        func prefixes(afterCharacter packed: UInt32, in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                      ends: UnsafeMutablePointer<Int>, found: UnsafeMutablePointer<Int32>, capacity: Int) -> Int {
            let slot = Self.slot(packed)
            let id = ids[slot]
            let index = start &+ 3
            let count = bytes.count
            if id == 0 { return 0 }
            let first = firsts[Int(id)]
            var kept = 0
            if first.cell.base < 0 {
                ends[0] = index
                found[0] = first.value
                kept = 1
            }
            if first.filtered {
                guard index < count else { return kept }
                let next: UInt32
                let nextLead = bytes[index]
                if nextLead & 0xF0 == 0xE0 {
                    // A Chinese character follows (most often): its three bytes at once.
                    guard index &+ 3 <= count else { return kept }
                    next = Self.packedCharacter(bytes, at: index)
                } else {
                    let length = UTF8Bytes.sequenceLength(lead: nextLead)
                    guard index &+ length <= count else { return kept }
                    next = LeadCharacterIndex.packed(bytes, from: index, length: length)
                }
                var longer = first.mask & (1 << UInt64(LeadCharacterIndex.maskBit(next: next))) != 0
                if longer {
                    let bit = LeadCharacterIndex.pairBit(slot: slot, next: next)
                    longer = pairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0
                }
                if !longer { return kept }
            }
            return walk(in: bytes, from: index, state: Int(first.state), base: first.cell.base, kept: kept, ends: ends, found: found,
                        capacity: capacity)
        }

        /// From the three-byte character `packed` at `start`, the characters at which no key
        /// starts passed over in one tight loop, each read once (as the character after the one
        /// before, for the pair filter, and then as a start of its own):
        /// - `(position, found)` with `found > 0`: the keys at `position`, a three-byte
        ///   character, written to `ends` and `found` as ``prefixes(in:from:ends:found:capacity:)``
        ///   writes them;
        /// - `found == 0`: none start at `position`, a three-byte character near the end of the
        ///   text, to be passed over;
        /// - `found < 0`: `position`, after `start`, is a character the loop does not read whole
        ///   (not three bytes, or fewer than four bytes before the end): to be looked at afresh.
        ///
        /// Each answer is the one ``prefixes(afterCharacter:in:from:ends:found:capacity:)``
        /// gives at that position (tested in `RecognizerFifthRoundSpeedPathTests`).
        @inline(__always)
        func passingOver(from start: Int, character packed: UInt32, in bytes: UnsafeBufferPointer<UInt8>,
                         ends: UnsafeMutablePointer<Int>, found: UnsafeMutablePointer<Int32>, capacity: Int) -> (position: Int, found: Int) {
            guard let base = bytes.baseAddress, let ids = ids.baseAddress, let firsts = firsts.baseAddress,
                  let pairs = pairs.baseAddress else { return (start, 0) }
            let count = bytes.count
            var position = start
            var character = packed
            while true {
                let slot = Self.slot(character)
                let id = ids[slot]
                let index = position &+ 3
                // The next character's three bytes in one load, when a fourth byte follows them.
                guard index &+ 4 <= count else {
                    if id == 0 { return (index, -1) }
                    return (position, prefixes(afterCharacter: character, in: bytes, from: position, ends: ends, found: found,
                                               capacity: capacity))
                }
                let next = UInt32(bigEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self)) >> 8
                let nextIsCharacter = Self.isThreeByteCharacter(next)
                if id != 0 {
                    let first = firsts[Int(id)]
                    // A key of this character alone, keys cut inside the next one, or a next
                    // character that is not three bytes: the full answer at this position.
                    if first.cell.base < 0 || !first.filtered || !nextIsCharacter {
                        let kept = prefixes(afterCharacter: character, in: bytes, from: position, ends: ends, found: found,
                                            capacity: capacity)
                        if kept > 0 || !nextIsCharacter { return (position, kept) }
                    } else if first.mask & (1 << UInt64(LeadCharacterIndex.maskBit(next: next))) != 0 {
                        let bit = LeadCharacterIndex.pairBit(slot: slot, next: next)
                        if pairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0 {
                            let kept = walk(in: bytes, from: index, state: Int(first.state), base: first.cell.base, kept: 0, ends: ends,
                                            found: found, capacity: capacity)
                            if kept > 0 { return (position, kept) }
                        }
                    }
                }
                guard nextIsCharacter else { return (index, -1) }
                position = index
                character = next
            }
        }

        /// The trie walk from `state` (with its `base`) at `index`, byte by byte, keeping keys
        /// after the `kept` already written.
        @inline(__always)
        func walk(in bytes: UnsafeBufferPointer<UInt8>, from index: Int, state: Int, base: Int32, kept: Int,
                  ends: UnsafeMutablePointer<Int>, found: UnsafeMutablePointer<Int32>, capacity: Int) -> Int {
            let count = bytes.count
            let limit = cells.count
            var index = index, state = state, base = base, kept = kept
            while index < count {
                let next = Int(base & ~DoubleArrayTrie.terminal) &+ Int(bytes[index]) &+ 1
                guard next < limit else { return kept }
                let cell = cells[next]
                if cell.check != Int32(truncatingIfNeeded: state) { return kept }
                state = next
                base = cell.base
                index += 1
                if base < 0, kept < capacity {
                    ends[kept] = index
                    found[kept] = values[state]
                    kept += 1
                }
            }
            return kept
        }
    }

    /// Calls `body` with the trie's tables as buffer pointers, valid only inside it.
    func withTables<Result>(_ body: (Tables) -> Result) -> Result {
        cells.withUnsafeBufferPointer { cells in
            values.withUnsafeBufferPointer { values in
                lead.ids.withUnsafeBufferPointer { ids in
                    lead.firsts.withUnsafeBufferPointer { firsts in
                        lead.pairs.withUnsafeBufferPointer { pairs in
                            body(Tables(cells: cells, values: values, ids: ids, firsts: firsts, pairs: pairs, usable: lead.usable))
                        }
                    }
                }
            }
        }
    }
}
