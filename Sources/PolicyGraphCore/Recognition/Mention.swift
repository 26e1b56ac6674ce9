/// One recognised mention of an entity in a document.
///
/// The range, type and entity are stored inline; the five reference-counted fields
/// (surface, rule, key, extra aliases, affiliation) share one copy-on-write box, so
/// that copying a mention (every pass that filters, sorts or iterates the mentions)
/// retains one reference instead of five. The fields read and write as before.
public struct Mention: Hashable, Sendable {
    /// UTF-8 byte range in the normalised text.
    public var range: Range<Int>
    public var type: EntityType
    /// The ontology entity it names, when the dictionary knows it.
    public var entityIndex: Int?
    private var names: Names

    public init(range: Range<Int>, type: EntityType, surface: String, entityIndex: Int?, rule: String, key: String,
                extraAliases: [String] = [], affiliation: String? = nil) {
        self.range = range
        self.type = type
        self.entityIndex = entityIndex
        names = Names(surface: surface, rule: rule, key: key, extraAliases: extraAliases, affiliation: affiliation)
    }

    /// The text of the mention as normalised (traditional folded to simplified).
    public var surface: String {
        get { names.surface }
        set { uniqueNames().surface = newValue }
    }

    /// The rule that found it: `dictionary`, `suffix:有限公司`, `title:policy`,
    /// `title:short`, `declared-alias`, `short-name`, `named-policy`.
    public var rule: String {
        get { names.rule }
        set { uniqueNames().rule = newValue }
    }

    /// Mentions with the same key name the same entity within the document.
    public var key: String {
        get { names.key }
        set { uniqueNames().key = newValue }
    }

    /// Other names this mention adds to its entity (the name without its
    /// leading region, a declared short form).
    public var extraAliases: [String] {
        get { names.extraAliases }
        set { uniqueNames().extraAliases = newValue }
    }

    /// For a person: the key of the organisation named before their title
    /// (苏州易来科得科技有限公司 in …有限公司首席执行官陈新虹).
    public var affiliation: String? {
        get { names.affiliation }
        set { uniqueNames().affiliation = newValue }
    }

    /// The box, copied first when another mention shares it (copy on write).
    private mutating func uniqueNames() -> Names {
        if !isKnownUniquelyReferenced(&names) { names = names.copy() }
        return names
    }

    public static func == (lhs: Mention, rhs: Mention) -> Bool {
        lhs.range == rhs.range && lhs.type == rhs.type && lhs.entityIndex == rhs.entityIndex
            && (lhs.names === rhs.names || lhs.names.hasSameValue(as: rhs.names))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(type)
        hasher.combine(entityIndex)
        names.hash(into: &hasher)
    }

    /// The reference-counted fields of a mention. Written only through a mention that
    /// holds the sole reference (``Mention/uniqueNames()``), so never while shared.
    private final class Names: @unchecked Sendable {
        var surface: String
        var rule: String
        var key: String
        var extraAliases: [String]
        var affiliation: String?

        init(surface: String, rule: String, key: String, extraAliases: [String], affiliation: String?) {
            self.surface = surface
            self.rule = rule
            self.key = key
            self.extraAliases = extraAliases
            self.affiliation = affiliation
        }

        func copy() -> Names {
            Names(surface: surface, rule: rule, key: key, extraAliases: extraAliases, affiliation: affiliation)
        }

        func hasSameValue(as other: Names) -> Bool {
            surface == other.surface && rule == other.rule && key == other.key && extraAliases == other.extraAliases
                && affiliation == other.affiliation
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(surface)
            hasher.combine(rule)
            hasher.combine(key)
            hasher.combine(extraAliases)
            hasher.combine(affiliation)
        }
    }
}

extension Mention {
    /// The key of the mentions of ontology entity `index`: `entity:` and the index in
    /// decimal, as `"entity:\(index)"` spells it, written as bytes (no interpolation;
    /// up to 15 bytes the string is stored inline).
    static func entityKey(_ index: Int) -> String {
        guard index >= 0, index < 100_000_000 else { return "entity:\(index)" }
        var digits = 1, rest = index / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let prefix: StaticString = "entity:"
        return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + digits) { buffer in
            var at = 0
            prefix.withUTF8Buffer { for byte in $0 { buffer[at] = byte; at += 1 } }
            var value = index
            var position = at + digits - 1
            for _ in 0..<digits {
                buffer[position] = UInt8(0x30 + value % 10)
                value /= 10
                position -= 1
            }
            return at + digits
        }
    }
}

extension Array where Element == Mention {
    /// Whether no mention starts before the one ahead of it (the order `sort` by start gives).
    var isSortedByStart: Bool {
        var previous = Int.min
        for index in indices {
            let start = self[index].range.lowerBound
            if start < previous { return false }
            previous = start
        }
        return true
    }

    /// The index of the first mention that starts at or after `position`, by binary search;
    /// the mentions must be sorted by start. `count` when none does.
    func firstIndex(startingAtOrAfter position: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].range.lowerBound < position { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The mentions without those at `offsets` (any order; repeats and offsets outside
    /// the array are ignored), in order, in one pass: no set is hashed per mention and
    /// no pair is made per mention, as `enumerated().filter { … }.map(\.element)` does.
    func removing<Offsets: Sequence<Int>>(offsets: Offsets) -> [Mention] {
        var dropped = [Bool](repeating: false, count: count)
        var any = false
        for offset in offsets where offset >= 0 && offset < count {
            dropped[offset] = true
            any = true
        }
        guard any else { return self }
        var result: [Mention] = []
        result.reserveCapacity(count)
        for index in indices where !dropped[index] { result.append(self[index]) }
        return result
    }

    /// The indices of the mentions that start inside `range`, when all of them are regions
    /// that end inside it too (a name found by pattern takes their place); `nil` when any
    /// other mention, or one that runs past the end, stands there.
    func regions(inside range: Range<Int>) -> [Int]? {
        var inside: [Int] = []
        var index = firstIndex(startingAtOrAfter: range.lowerBound)
        while index < count, self[index].range.lowerBound < range.upperBound {
            guard self[index].type == .region, self[index].range.upperBound <= range.upperBound else { return nil }
            inside.append(index)
            index += 1
        }
        return inside
    }
}
