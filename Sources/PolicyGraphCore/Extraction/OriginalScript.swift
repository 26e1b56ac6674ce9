#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Names are reported in the document's own script: a mention found in the
/// folded text (traditional characters and full-width letters folded) takes
/// the original bytes at its offsets, 國務院 rather than 国务院.
enum OriginalScript {
    /// `mentions` with each surface replaced by the original text at its
    /// offsets, when that text folds to the surface (so nothing but the
    /// script differs: no markup, line break or dropped character inside).
    static func restore(_ mentions: [Mention], text: NormalizedText, original: [UInt8], folding: CharacterFolding) -> [Mention] {
        // Folding changed nothing (the text was in simplified script already, with no full-width
        // letter or odd space): each mention's original bytes fold to themselves, so none whose
        // bytes differ from its surface folds to it. Nothing is mapped back.
        guard !text.maps.isEmpty, !text.foldingChangedNothing else { return mentions }
        // Mostly nothing changes (the text was in simplified script already): the array is
        // copied only when a surface is replaced, and a surface whose original bytes are its
        // own bytes is passed over without a string being made.
        var result = mentions
        for index in mentions.indices {
            let mapped = text.decodedRange(of: mentions[index].range)
            guard mapped.lowerBound >= 0, mapped.upperBound <= original.count, mapped.lowerBound < mapped.upperBound,
                  !sameBytes(mentions[index].surface, original, mapped),
                  let surface = originalSurface(of: mentions[index].range, text: text, original: original),
                  surface != mentions[index].surface, folding.fold(surface) == mentions[index].surface else { continue }
            result[index].surface = surface
        }
        return result
    }

    /// Whether `surface` is, byte for byte, `range` of `original` (then it is that text,
    /// and nothing is restored).
    private static func sameBytes(_ surface: String, _ original: [UInt8], _ range: Range<Int>) -> Bool {
        var surface = surface
        return surface.withUTF8 { bytes in
            bytes.count == range.count && original.withUnsafeBufferPointer { buffer in
                memcmp(bytes.baseAddress!, buffer.baseAddress! + range.lowerBound, range.count) == 0
            }
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
