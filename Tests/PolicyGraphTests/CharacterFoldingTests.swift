import Testing
@testable import PolicyGraphCore

/// ``CharacterFolding/fold(_:lineLengths:)`` reads a run of ASCII bytes in one loop of its own,
/// and tells two unchanged three-byte scalars at a time from the bytes as loaded
/// (``CharacterFolding/threeByteChanges``): the folded bytes, their map and the line lengths
/// counted on the way (the joiner's median) are those of folding one scalar at a time
/// (``TextFifthRoundSpeedPathTests/fold(_:with:lineLengths:)``), for runs of every length at every
/// alignment among traditional characters, full-width forms, odd spaces, ignorable scalars,
/// combining marks, non-BMP scalars and malformed bytes, and for every three-byte sequence.
@Suite struct CharacterFoldingTests {
    static let foldings = [sharedExtractor.normalizer.folding, CharacterFolding()]

    @Test func threeByteChangesAreThoseOfTheTable() {
        for folding in Self.foldings {
            var changed = 0
            for u in 0..<0x10000 {
                // The bits of E0|u>>12, 80|u>>6&3F, 80|u&3F as a little-endian load holds them.
                let bits = UInt64(0xE0 | u >> 12) | UInt64(0x80 | u >> 6 & 0x3F) << 8 | UInt64(0x80 | u & 0x3F) << 16
                let bit = folding.threeByteChanges[Int(bits & 0x3F0F)] >> (bits >> 16 & 0x3F) & 1
                #expect((bit == 1) == (folding.bmp[u] != 0), "U+\(String(u, radix: 16))")
                if bit == 1 { changed += 1 }
            }
            #expect(changed >= 80)
        }
    }

    @Test func everyThreeByteSequenceFoldsAsOneScalarAtATime() {
        // Every lead E0…EF with every pair of continuation bytes (overlong forms and surrogates
        // too), after an ideograph and after none, so that each stands first and second in a word.
        for folding in Self.foldings {
            for lead in UInt8(0xE0)...0xEF {
                for prefix in [[UInt8](), Array("中".utf8), Array("中a".utf8)] {
                    var text = prefix
                    for second in UInt8(0x80)...0xBF {
                        for third in UInt8(0x80)...0xBF { text += [lead, second, third] + Array("电".utf8) }
                    }
                    Self.expectFoldsAsOneScalarAtATime(text, with: folding, "lead \(lead)")
                }
            }
        }
    }

    @Test func asciiRunsFoldAsOneScalarAtATime() {
        let folding = Self.foldings[0]
        var changed = 0
        for (index, text) in TextDecodingTests.asciiRunTexts.enumerated() {
            if Self.expectFoldsAsOneScalarAtATime(text, with: folding, "text \(index)") { changed += 1 }
        }
        #expect(changed > 100 && changed < TextDecodingTests.asciiRunTexts.count - 100)
    }

    /// Folds `text` with `folding` and one scalar at a time, and expects the same bytes, map and
    /// line lengths (`note` names the text); returns whether folding changed the text.
    @discardableResult
    static func expectFoldsAsOneScalarAtATime(_ text: [UInt8], with folding: CharacterFolding, _ note: String) -> Bool {
        var newLengths = LineLengths(), oldLengths = LineLengths()
        let new = folding.fold(text, lineLengths: &newLengths)
        let old = TextFifthRoundSpeedPathTests.fold(text, with: folding, lineLengths: &oldLengths)
        #expect(new.bytes == old.bytes, "\(note)")
        #expect(new.map == old.map, "\(note)")
        #expect(newLengths.median == oldLengths.median, "\(note)")
        return new.bytes != text
    }
}
