/// Names are reported in the document's own script: a mention found in the
/// folded text (traditional characters and full-width letters folded) takes
/// the original bytes at its offsets, 國務院 rather than 国务院.
enum OriginalScript {
    /// `mentions` with each surface replaced by the original text at its
    /// offsets, when that text folds to the surface (so nothing but the
    /// script differs: no markup, line break or dropped character inside).
    static func restore(_ mentions: [Mention], text: NormalizedText, original: [UInt8], folding: CharacterFolding) -> [Mention] {
        guard !text.maps.isEmpty else { return mentions }
        return mentions.map { mention in
            guard let surface = originalSurface(of: mention.range, text: text, original: original),
                  surface != mention.surface, folding.fold(surface) == mention.surface else { return mention }
            var restored = mention
            restored.surface = surface
            return restored
        }
    }

    /// The decoded text that `range` of the normalised text came from
    /// (`original` is the decoded UTF-8, whatever the file's encoding).
    static func originalSurface(of range: Range<Int>, text: NormalizedText, original: [UInt8]) -> String? {
        let mapped = text.decodedRange(of: range)
        let start = mapped.lowerBound
        let end = mapped.upperBound
        guard start >= 0, end <= original.count, start < end else { return nil }
        return String(decoding: original[start..<end], as: UTF8.self)
    }
}
