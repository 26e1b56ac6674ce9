/// The last holder before a bound that has a given mention key: what a dictionary of every
/// holder's key to its last holder answers (a spokesperson's company, ``TargetExtractor``),
/// without hashing the key of every holder of the text when only a few keys are asked for.
///
/// Each of the first ``scannedKeys`` keys asked for is compared (``CanonicalKey``: bytes, no
/// hashing) with the holders' keys once, from where its last question stopped to the new bound
/// (the bound only grows); a further key turns to the dictionary, filled once. So the work
/// stays linear in the holders.
struct LastKeyedHolder {
    /// How many different keys are answered by comparing before the dictionary is made.
    static let scannedKeys = 4

    private var scans: [(key: CanonicalKey, scanned: Int, last: Int?)] = []
    private var table: [CanonicalKey: Int]? = nil
    private var tabled = 0

    init() {}

    /// The last index below `bound` whose key (`keyOf`) is `==` to `key`; `bound` is never
    /// smaller than in an earlier question.
    mutating func last(of key: String, before bound: Int, keyOf: (Int) -> String) -> Int? {
        let wanted = CanonicalKey(key)
        if table == nil {
            if let found = scans.firstIndex(where: { $0.key == wanted }) {
                var scanned = scans[found].scanned, last = scans[found].last
                while scanned < bound {
                    if CanonicalKey(keyOf(scanned)) == wanted { last = scanned }
                    scanned += 1
                }
                scans[found] = (wanted, scanned, last)
                return last
            }
            if scans.count < Self.scannedKeys {
                var last: Int? = nil
                for index in 0..<bound where CanonicalKey(keyOf(index)) == wanted { last = index }
                scans.append((wanted, bound, last))
                return last
            }
            table = [:]
        }
        while tabled < bound {
            table![CanonicalKey(keyOf(tabled))] = tabled
            tabled += 1
        }
        return table![wanted]
    }
}
