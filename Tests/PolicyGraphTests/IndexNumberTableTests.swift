import Testing
@testable import PolicyGraphCore

/// The integer table that numbers a document's entity indices answers as the
/// `Dictionary<Int, Int>` it replaced.
@Suite struct IndexNumberTableTests {
    /// Keys the table meets and some it should not confuse: 0, neighbours, the largest index a
    /// key spells (eight digits), negative and extreme integers, keys whose products share high
    /// bits, and many more keys than the first slots hold (the table grows several times).
    static let keys: [Int] = {
        var keys = [0, 1, 2, 0, 99_999_999, 1, -1, Int.max, Int.min + 1, 16, 32, 1 << 40, (1 << 40) + 16, 7, 7]
        var state: UInt64 = 11
        for step in 0..<4_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            keys.append(step % 4 == 0 ? Int(state >> 33) : Int(state >> 52))
        }
        return keys
    }()

    /// Values given on first use only (`isNew` exactly then), the same value after, and `nil`
    /// for keys never given, whatever size the table starts with.
    @Test(arguments: [-1, 0, 1, 7, 5_000])
    func tableAnswersAsADictionary(_ expected: Int) {
        var table = expected < 0 ? IndexNumberTable() : IndexNumberTable(expected: expected)
        var reference: [Int: Int] = [:]
        var failures: [Int] = []
        #expect(table.value(of: 5) == nil)
        for (step, key) in Self.keys.enumerated() {
            if table.value(of: key) != reference[key] { failures.append(key) }
            let (value, isNew) = table.value(of: key, orInsert: 1_000 + step)
            if let known = reference[key] {
                if isNew || value != known { failures.append(key) }
            } else {
                if !isNew || value != 1_000 + step { failures.append(key) }
                reference[key] = 1_000 + step
            }
        }
        #expect(table.count == reference.count)
        for (key, value) in reference where table.value(of: key) != value { failures.append(key) }
        for absent in [3, 99_999_998, -2, Int.max - 1, 1 << 41] where reference[absent] == nil && table.value(of: absent) != nil {
            failures.append(absent)
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }
}
