/// “Did you mean …?”: the known names nearest to a name that matched nothing,
/// shared by the graph's and the store's lookups.
///
/// ```swift
/// NameSuggestions.closest(to: "工信布", among: ["工信部", "国务院"], limit: 5)   // ["工信部"]
/// ```
public enum NameSuggestions {
    /// The candidates closest to `name` by edit distance over characters (Latin letters in any
    /// case), at most `limit`, without duplicates, nearest first, then in code point order.
    /// Names more than half the query's length away (at least 2) are no suggestion.
    public static func closest(to name: String, among candidates: [String], limit: Int) -> [String] {
        let query = Array(name.lowercased())
        var best: [String: Int] = [:]
        for candidate in candidates {
            let distance = between(query, Array(candidate.lowercased()))
            guard distance <= max(2, query.count / 2) else { continue }
            best[candidate] = min(best[candidate] ?? .max, distance)
        }
        return best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(limit).map(\.key)
    }

    /// Levenshtein distance over characters.
    static func between(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
