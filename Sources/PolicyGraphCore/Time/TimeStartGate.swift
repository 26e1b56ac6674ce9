/// The time scan's first look at a place whose scalar can start an expression
/// (``TimeNormalizer/parse(_:at:scalar:length:)``): from that scalar and the one after it,
/// whether a core form can start there or after a lead word read there, before the lead is
/// read and the form table looked up.
///
/// Most such places start nothing (力 of 力量, 大 of 大力, 年 before ，, 上 of 上海, 在 of
/// 在会上, 一 of 一步, 零 of 零碳, 5%): their scalar starts only words of two scalars or more,
/// and the pair there is no word's; or it is a lead word of one scalar (在, 到, 约 …) and the
/// scalar after it starts neither a core nor a lead word; or it starts a number and the scalar
/// after it neither goes on with the number nor starts a word a number form reads after it. The
/// gate turns those down; every other place is read as before.
///
/// A place is turned down only where the form table gives no form where the lead read there
/// ends (so that ``TimeNormalizer/parse(_:at:scalar:length:)`` would give `nil`):
/// - a scalar of ``gated`` is no form's word alone, and no lead word of one scalar unless it is
///   in ``singleLead``, so a word of a form or lead there is one of two scalars or more, and its
///   first two scalars are a pair of ``pairs``;
/// - a scalar of ``singleLead`` is a lead word of one scalar besides: the lead may read it, and
///   then a core, another lead word (约在) or an aim's preposition must start with the scalar
///   after it (``follows``);
/// - a scalar of ``numberStart`` starts a number form besides: the run of number scalars from
///   it ends before a word its form reads, or goes on (``numberFollowers``).
/// `TimeStartGateTests` checks it at every place of generated texts, bytes, the seeds and the dev texts.
struct TimeStartGate: Sendable {
    /// The scalars below U+10000 that the gate looks at, one bit each.
    private let gated: [UInt64]
    /// Of ``gated``, the lead words of one scalar (在, 到, 约 …), one bit each.
    private let singleLead: [UInt64]
    /// Of ``gated``, the scalars that start a number form (digits, 一, 两 …), one bit each.
    private let numberStart: [UInt64]
    /// The first two scalars of every lead word and every core form's word, as
    /// ``TimeFormTable/pairFilterBit(_:_:)`` folds them to 12 bits, one bit each (pairs that
    /// share a bit let more places through, never fewer).
    private let pairs: [UInt64]
    /// The scalars below U+10000 that a core, a lead word or an aim's preposition can start with, one bit each.
    private let follows: [UInt64]
    /// ``TimeFormTable/numberRunFollowers`` below U+10000, one bit each.
    private let numberFollowers: [UInt64]

    /// The gate for `formTable` and the lead words the parser reads at a start (`leadWords`:
    /// approximations and prefixes) and after an aim (`afterAimWords`), looking at the places
    /// whose scalar is one of `starts` (every other place is let through); `nil` when a lead
    /// word is empty (it would start everywhere).
    init?(formTable: TimeFormTable, starts: Set<UInt32>, leadWords: [String], afterAimWords: [String]) {
        var pairKeys = formTable.pairKeys
        var singles = Set<UInt32>()
        var followScalars = formTable.startScalars
        for word in leadWords + afterAimWords {
            guard let first = word.unicodeScalars.first?.value else { return nil }
            followScalars.insert(first)
        }
        for word in leadWords {
            let scalars = word.unicodeScalars.prefix(2).map(\.value)
            if scalars.count == 1 { singles.insert(scalars[0]) } else { pairKeys.append(TimeFormTable.pairKey(scalars[0], scalars[1])) }
        }
        var gated = [UInt64](repeating: 0, count: 0x10000 / 64)
        var singleLead = gated
        var numberStart = gated
        for scalar in starts where scalar < 0x10000 && !formTable.startsWordOfOneScalar(scalar) {
            let number = formTable.startsNumberForm(scalar)
            let single = singles.contains(scalar)
            // Both a number and a lead word (none is): read as before.
            if number && single { continue }
            let word = Int(scalar >> 6), bit = UInt64(1) << UInt64(scalar & 63)
            gated[word] |= bit
            if single { singleLead[word] |= bit }
            if number { numberStart[word] |= bit }
        }
        var pairs = [UInt64](repeating: 0, count: 4096 / 64)
        for key in pairKeys {
            let bit = TimeFormTable.pairFilterBit(UInt32(truncatingIfNeeded: key >> 32), UInt32(truncatingIfNeeded: key))
            pairs[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.gated = gated
        self.singleLead = singleLead
        self.numberStart = numberStart
        self.pairs = pairs
        follows = TimeNormalizer.bits(followScalars)
        numberFollowers = TimeNormalizer.bits(formTable.numberRunFollowers)
    }

    /// Whether a core form can start at `index` of `bytes`, where `scalar` (`length` bytes) is,
    /// or after a lead word read there: `false` only where ``TimeFormTable/forms(in:at:)`` gives
    /// no form where ``TimeParser/lead(at:)`` ends (the place itself where it reads nothing).
    ///
    /// - Complexity: O(1): the scalar after is decoded only where `scalar` is gated.
    @inline(__always)
    func mayStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, scalar: UInt32, length: Int) -> Bool {
        guard scalar < 0x10000 else { return true }
        let word = Int(scalar >> 6), bit = UInt64(1) << UInt64(scalar & 63)
        guard gated[word] & bit != 0 else { return true }
        let next = index &+ length
        guard next < bytes.count else { return false }
        let following = UTF8Bytes.scalar(in: bytes, at: next).value
        let pair = TimeFormTable.pairFilterBit(scalar, following)
        if pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 { return true }
        let followingWord = Int(following >> 6), followingBit = UInt64(1) << UInt64(following & 63)
        if singleLead[word] & bit != 0 { return following >= 0x10000 || follows[followingWord] & followingBit != 0 }
        // No number scalar, and no word a number form reads after its number, is beyond U+FFFF.
        if numberStart[word] & bit != 0 { return following < 0x10000 && numberFollowers[followingWord] & followingBit != 0 }
        return false
    }
}
