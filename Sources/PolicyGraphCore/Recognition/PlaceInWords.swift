/// Two-character place names cut across by ordinary words (rule
/// `place-in-word`, words in `patterns/place-words.tsv`, generated from jieba's
/// list): a place name read by the dictionary is no mention when a common word
/// ends on its first character and another begins on its second — 美丽|水乡
/// names no 丽水, 长江|门户 no 江门. A word on one side only is not enough
/// (到丽水乡村 still names 丽水), and names longer than two characters are
/// never cut. Linear: each such mention looks at two characters on either side.
struct PlaceInWords {
    let patterns: PatternLexicon

    /// The longest word looked for on either side, in characters.
    private static let longestWord = 3

    func resolve(_ mentions: [Mention], cursor: TextCursor) -> [Mention] {
        guard !patterns.placeWordsLeft.isEmpty, !patterns.placeWordsRight.isEmpty else { return mentions }
        return mentions.filter { mention in
            guard mention.type == .region, mention.rule == "dictionary", cursor.scalarCount(mention.range) == 2,
                  let (_, middle) = cursor.scalar(at: mention.range.lowerBound) else { return true }
            return !(cutOnTheLeft(mention.range.lowerBound, middle, cursor) && cutOnTheRight(middle, mention.range.upperBound, cursor))
        }
    }

    /// Whether a left word ends with the place's first character (start..<middle).
    private func cutOnTheLeft(_ start: Int, _ middle: Int, _ cursor: TextCursor) -> Bool {
        var from = start
        for _ in 1..<Self.longestWord {
            guard let (scalar, previous) = cursor.scalar(before: from), ScalarClass.isIdeograph(scalar) else { return false }
            from = previous
            if patterns.placeWordsLeft.contains(cursor.text(from..<middle)) { return true }
        }
        return false
    }

    /// Whether a right word begins with the place's second character (middle..<end).
    private func cutOnTheRight(_ middle: Int, _ end: Int, _ cursor: TextCursor) -> Bool {
        var to = end
        for _ in 1..<Self.longestWord {
            guard let (scalar, next) = cursor.scalar(at: to), ScalarClass.isIdeograph(scalar) else { return false }
            to = next
            if patterns.placeWordsRight.contains(cursor.text(middle..<to)) { return true }
        }
        return false
    }
}
