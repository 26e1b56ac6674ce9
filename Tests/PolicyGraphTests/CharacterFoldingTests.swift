import Testing
@testable import PolicyGraphCore

/// ``CharacterFolding/fold(_:lineLengths:)`` reads a run of ASCII bytes in one loop of its own:
/// the folded bytes, their map and the line lengths counted on the way (the joiner's median)
/// are those of folding one scalar at a time (``TextFifthRoundSpeedPathTests/fold(_:with:lineLengths:)``),
/// for runs of every length at every alignment among traditional characters, full-width forms,
/// odd spaces, ignorable scalars, combining marks, non-BMP scalars and malformed bytes.
@Suite struct CharacterFoldingTests {
    @Test func asciiRunsFoldAsOneScalarAtATime() {
        let folding = sharedExtractor.normalizer.folding
        var changed = 0
        for (index, text) in TextDecodingTests.asciiRunTexts.enumerated() {
            var newLengths = LineLengths(), oldLengths = LineLengths()
            let new = folding.fold(text, lineLengths: &newLengths)
            let old = TextFifthRoundSpeedPathTests.fold(text, with: folding, lineLengths: &oldLengths)
            #expect(new.bytes == old.bytes, "text \(index)")
            #expect(new.map == old.map, "text \(index)")
            #expect(newLengths.median == oldLengths.median, "text \(index)")
            if new.bytes != text { changed += 1 }
        }
        #expect(changed > 100 && changed < TextDecodingTests.asciiRunTexts.count - 100)
    }
}
