/// The order in which a full write numbers the targets (``TargetRows``): subject kind, modality,
/// year, month (none first), subject id, then id, each text in `String` order.
///
/// Sorting by that tuple compared six values, four of them strings, at every comparison: at
/// 100 MB of corpus (12 k targets) the sort took more than the rows' inserts. Here each text
/// column is ranked once (its distinct values sorted, a few kinds and modalities, one value a
/// subject), and the targets are sorted by integers; only targets equal in all five of them
/// compare their ids. The order is the tuple's: ranks follow `String`'s order, and two texts
/// `String` holds equal (canonically equivalent) get one rank.
///
/// ```swift
/// let order = TargetOrder.indices(of: keys)   // keys[order[0]] is numbered 1
/// ```
enum TargetOrder {
    /// What a target is ordered by.
    struct Key {
        let subjectKind: String
        let modality: String
        let year: Int
        /// The month, 0 when the time names none.
        let month: Int
        let subject: String
        let id: String
    }

    /// The indices of `keys` in numbering order (ids are distinct, so the order is total).
    static func indices(of keys: [Key]) -> [Int] {
        let kinds = ranks(keys.map(\.subjectKind))
        let modalities = ranks(keys.map(\.modality))
        let subjects = ranks(keys.map(\.subject))
        var ranked = keys.indices.map { index in
            (ranks: (kinds[index], modalities[index], keys[index].year, keys[index].month, subjects[index]), index: index)
        }
        ranked.sort { left, right in
            if left.ranks != right.ranks { return left.ranks < right.ranks }
            return keys[left.index].id < keys[right.index].id
        }
        return ranked.map(\.index)
    }

    /// Each value's rank among the distinct values, in `String` order.
    static func ranks(_ values: [String]) -> [Int] {
        var rank: [String: Int] = [:]
        for value in values { rank[value] = 0 }
        for (position, value) in rank.keys.sorted().enumerated() { rank[value] = position }
        return values.map { rank[$0] ?? 0 }
    }
}
