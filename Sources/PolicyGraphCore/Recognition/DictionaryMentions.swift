/// The mentions of dictionary tokens in one document, made once per key and entity: a later
/// token of the same key naming the same entity takes copies of the first one's mention and
/// component (which share their reference-counted names), moved to its own start.
///
/// A dictionary mention is its token's range, its entity's type, index and key, the rule
/// `dictionary`, and the token's text as its surface; its component (the organisation whose
/// full name begins it) is found from the token's bytes and the entity alone. The text is that
/// of the key the token matched (its payload): one key, one text. So for the same payload and
/// entity all but the start is the same, and the surface `String`s, the entity keys, the
/// boxes that hold them and the component's trie walk are made once a document instead of at
/// every token.
///
/// ```swift
/// var made = DictionaryMentions()
/// if made.mentions(payload: token.payload, entity: entity, range: token.range) == nil {
///     made.add(payload: token.payload, entity: entity, mention: Mention(range: token.range, …), component: nil)
/// }
/// ```
struct DictionaryMentions {
    private struct Made {
        let payload: Int32
        let entity: Int
        let mention: Mention
        let component: Mention?
    }

    /// By slot: 0 when empty, else the index in ``made`` plus 1 (open addressing, linear
    /// probing); the number of slots is a power of two at least twice the mentions made.
    private var slots = [Int32](repeating: 0, count: 128)
    private var made: [Made] = []

    init() { made.reserveCapacity(64) }

    /// The mention of a token of `payload` naming `entity` over `range`, and its component,
    /// when a token of the same payload and entity made them (``add(payload:entity:mention:component:)``):
    /// copies of those, moved to `range`'s start (the mention takes `range`). `nil` when none did.
    func mentions(payload: Int32, entity: Int, range: Range<Int>) -> (mention: Mention, component: Mention?)? {
        let mask = slots.count &- 1
        var slot = Self.slot(payload, entity, mask: mask)
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let known = made[entry &- 1]
            if known.payload == payload, known.entity == entity {
                var mention = known.mention
                mention.range = range
                guard var component = known.component else { return (mention, nil) }
                // A component starts where its mention does and is no longer than it.
                component.range = range.lowerBound..<(range.lowerBound + component.range.count)
                return (mention, component)
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// Keeps the mention and component made for a token of `payload` naming `entity` (asked
    /// for first with ``mentions(payload:entity:range:)``, which found none).
    mutating func add(payload: Int32, entity: Int, mention: Mention, component: Mention?) {
        made.append(Made(payload: payload, entity: entity, mention: mention, component: component))
        if made.count * 2 > slots.count {
            rehash(slotCount: slots.count * 2)
            return
        }
        let mask = slots.count &- 1
        var slot = Self.slot(payload, entity, mask: mask)
        while slots[slot] != 0 { slot = (slot &+ 1) & mask }
        slots[slot] = Int32(truncatingIfNeeded: made.count)
    }

    /// A slot from the payload and entity: the top bits of a multiply-mix, masked.
    @inline(__always)
    private static func slot(_ payload: Int32, _ entity: Int, mask: Int) -> Int {
        let mixed = (UInt64(UInt32(bitPattern: payload)) | UInt64(truncatingIfNeeded: entity) << 32) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }

    /// Every made mention placed again in `slotCount` slots.
    private mutating func rehash(slotCount: Int) {
        slots = [Int32](repeating: 0, count: slotCount)
        let mask = slotCount - 1
        for index in made.indices {
            var slot = Self.slot(made[index].payload, made[index].entity, mask: mask)
            while slots[slot] != 0 { slot = (slot &+ 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: index + 1)
        }
    }
}
