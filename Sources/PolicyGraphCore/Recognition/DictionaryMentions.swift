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
/// every token. The payloads and entities are numbered in an ``IndexNumberTable``.
///
/// ```swift
/// var made = DictionaryMentions()
/// if made.mentions(payload: token.payload, entity: entity, range: token.range) == nil {
///     made.add(payload: token.payload, entity: entity, mention: Mention(range: token.range, …), component: nil)
/// }
/// ```
struct DictionaryMentions {
    private struct Made {
        let mention: Mention
        let component: Mention?
    }

    /// The index in ``made`` of each payload and entity, by ``key(_:_:)``.
    private var numbers = IndexNumberTable(expected: 64)
    private var made: [Made] = []

    init() { made.reserveCapacity(64) }

    /// The mention of a token of `payload` naming `entity` over `range`, and its component,
    /// when a token of the same payload and entity made them (``add(payload:entity:mention:component:)``):
    /// copies of those, moved to `range`'s start (the mention takes `range`). `nil` when none did.
    func mentions(payload: Int32, entity: Int, range: Range<Int>) -> (mention: Mention, component: Mention?)? {
        guard let key = Self.key(payload, entity), let index = numbers.value(of: key) else { return nil }
        let known = made[index]
        var mention = known.mention
        mention.range = range
        guard var component = known.component else { return (mention, nil) }
        // A component starts where its mention does and is no longer than it.
        component.range = range.lowerBound..<(range.lowerBound + component.range.count)
        return (mention, component)
    }

    /// Keeps the mention and component made for a token of `payload` naming `entity` (asked
    /// for first with ``mentions(payload:entity:range:)``, which found none).
    mutating func add(payload: Int32, entity: Int, mention: Mention, component: Mention?) {
        guard let key = Self.key(payload, entity) else { return }
        if numbers.value(of: key, orInsert: made.count).isNew {
            made.append(Made(mention: mention, component: component))
        }
    }

    /// One integer for a payload and an entity: the payload's 32 bits above the entity's. An
    /// entity number outside `0..<2^31` (no lexicon holds that many) has none and is not kept,
    /// so its mentions are made at every token; so is the one pair whose key would be
    /// `Int.min`, the table's mark of an empty slot.
    @inline(__always)
    private static func key(_ payload: Int32, _ entity: Int) -> Int? {
        guard entity >= 0, entity < 1 << 31 else { return nil }
        let key = Int(payload) << 32 | entity
        return key == Int.min ? nil : key
    }
}
