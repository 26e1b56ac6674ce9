import Foundation
import Testing
@testable import PolicyGraphCore

/// The recognizer's fourth-round paths answer as the ones they replaced: the scan over the
/// trie's tables against a walk per position through `forEachPrefix`, the payload bits
/// against the entries, the zone groups as bytes against the `String` groups, entity flags
/// against a set.
@Suite struct RecognizerFourthRoundSpeedPathTests {
    static var recognizer: EntityRecognizer { sharedExtractor.recognizer }

    /// The seeds and the dev texts, normalised, whole.
    static let texts: [[UInt8]] = {
        let folders = [repositoryRoot.appendingPathComponent("seeds"), fixturesDirectory.appendingPathComponent("dev/texts")]
        var result: [[UInt8]] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".txt") {
                guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
                result.append(sharedExtractor.normalize(SourceDocument(name: name, string: text)).bytes)
            }
        }
        return result
    }()

    /// Generated input: the texts' characters and words shuffled with ASCII words, digits,
    /// spaces, list separators and broken UTF-8 (lone continuation bytes, cut characters).
    static let generated: [[UInt8]] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = texts.flatMap { text in
            String(decoding: text, as: UTF8.self).split(whereSeparator: { "，。；：\n（）《》“”".contains($0) }).map { Array($0.utf8) }
        }
        let extras: [[UInt8]] = [Array("CATL".utf8), Array("CATLX".utf8), Array("5G".utf8), Array("、".utf8), Array("和".utf8),
                                 Array(" ".utf8), Array("\n".utf8), [0x80], [0xFF], [0xE4, 0xB8], [0xE4], Array("ABC123".utf8)]
        return (0..<40).map { _ in
            var bytes: [UInt8] = []
            for _ in 0..<200 {
                if next(4) == 0 {
                    bytes += extras[next(extras.count)]
                } else {
                    let word = words[next(words.count)]
                    // Whole words, or a cut through one (which may split a character).
                    bytes += next(3) == 0 ? Array(word.prefix(next(word.count + 1))) : word
                }
            }
            return bytes
        }
    }()

    /// The scan as it was: at each scalar start outside an ASCII word, every key through
    /// `forEachPrefix` (the first 64), the longest acceptable one taken.
    static func walkPerPosition(_ scanner: DictionaryScanner, _ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        var established = EntityFlags(count: scanner.lexicon.ontology.entities.count)
        var position = 0
        while position < bytes.count {
            let lead = bytes[position]
            if UTF8Bytes.isContinuation(lead) || (scanner.isWordByte(lead) && position > 0 && scanner.isWordByte(bytes[position - 1])) {
                position += 1
                continue
            }
            var candidates: [(end: Int, value: Int32)] = []
            scanner.lexicon.trie.forEachPrefix(in: bytes, from: position) { end, value in
                if candidates.count < 64 { candidates.append((end, value)) }
                return true
            }
            var accepted = false
            for candidate in candidates.reversed() {
                if let inContext = scanner.acceptable(value: candidate.value, start: position, end: candidate.end, bytes: bytes,
                                                      previous: tokens.last, established: &established) {
                    tokens.append(Token(start: position, end: candidate.end, payload: candidate.value, inContext: inContext))
                    position = candidate.end
                    accepted = true
                    break
                }
            }
            if !accepted { position += UTF8Bytes.sequenceLength(lead: lead) }
        }
        return tokens
    }

    @Test func scanAsWalkPerPosition() {
        let scanner = Self.recognizer.scanner
        #expect(Self.texts.count >= 20)
        var tokens = 0
        for bytes in Self.texts + Self.generated {
            bytes.withUnsafeBufferPointer { buffer in
                let scanned = scanner.scan(buffer)
                tokens += scanned.count
                #expect(scanned == Self.walkPerPosition(scanner, buffer))
            }
        }
        #expect(tokens > 10_000)
    }

    /// The tables' walk finds at every position what `forEachPrefix` finds, also when fewer
    /// keys are kept than there are.
    @Test func prefixesAsForEachPrefix() {
        let trie = Self.recognizer.lexicon.trie
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: 64)
        let values = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        defer {
            ends.deallocate()
            values.deallocate()
        }
        var several = 0
        for bytes in Self.texts.prefix(8) + Self.generated.prefix(8) {
            bytes.withUnsafeBufferPointer { buffer in
                trie.withTables { tables in
                    for start in 0...buffer.count {
                        var expected: [(Int, Int32)] = []
                        trie.forEachPrefix(in: buffer, from: start) { end, value in
                            expected.append((end, value))
                            return true
                        }
                        if expected.count > 1 { several += 1 }
                        for capacity in [64, 1] {
                            let kept = tables.prefixes(in: buffer, from: start, ends: ends, found: values, capacity: capacity)
                            #expect(kept == min(expected.count, capacity))
                            for index in 0..<kept where ends[index] != expected[index].0 || values[index] != expected[index].1 {
                                Issue.record("key \(index) at \(start): \(ends[index]) \(values[index]), expected \(expected[index])")
                            }
                        }
                    }
                }
            }
        }
        #expect(several > 100)
    }

    /// Each payload's bits say what its entries hold.
    @Test func payloadKindsAsEntries() {
        let recognizer = Self.recognizer
        let payloads = recognizer.lexicon.payloads
        #expect(recognizer.payloadKinds.count == payloads.count)
        for (index, entries) in payloads.enumerated() {
            let kinds = recognizer.payloadKinds[index]
            #expect(kinds.contains(.stop) == entries.contains(.stop))
            #expect(kinds.contains(.softStop) == entries.contains(.softStop))
            #expect(kinds.contains(.marker) == entries.contains { if case .marker = $0 { true } else { false } })
            #expect(kinds.contains(.suffix) == entries.contains { if case .suffix = $0 { true } else { false } })
            #expect(kinds.contains(.entity) == entries.contains { if case .entity(_, false) = $0 { true } else { false } })
            #expect(kinds.contains(.contextualEntity) == entries.contains { if case .entity(_, true) = $0 { true } else { false } })
            // No entity is chosen where the bits say none may be.
            let state = NameUnits(entityCount: recognizer.lexicon.ontology.entities.count)
            for inContext in [false, true] where !(kinds.contains(.entity) || (inContext && kinds.contains(.contextualEntity))) {
                #expect(recognizer.chooseEntity(entries, inContext: inContext, state: state) == nil)
            }
        }
    }

    /// Zones grouped by their bytes as by their `String` groups: every form's ending after
    /// places of one, two and more characters, with and without an ontology entity, plain
    /// and not (a compatibility ideograph is its unified one only as a `String`).
    @Test func zoneGroupsAsStrings() {
        let forms = ZoneForms(patterns: Self.recognizer.lexicon.ontology.patterns)
        let endings = Self.recognizer.lexicon.ontology.patterns.zoneForms.map(\.ending)
        #expect(!endings.isEmpty)
        let places = ["宜", "宜宾", "福建", "杭州滨江", "A", "Ab", "车\u{F900}", "车\u{8C48}"]
        var mentions: [Mention] = []
        var offset = 0
        for (number, ending) in endings.enumerated() {
            for (placeNumber, place) in places.enumerated() {
                let surface = place + ending
                let entity = (number + placeNumber) % 3 == 0 ? number : nil
                mentions.append(Mention(range: offset..<(offset + surface.utf8.count), type: .zone, surface: surface, entityIndex: entity,
                                        rule: "dictionary", key: entity.map(Mention.entityKey) ?? "zone:\(surface)"))
                mentions.append(Mention(range: offset..<(offset + 3), type: .region, surface: place, entityIndex: nil,
                                        rule: "dictionary", key: "region:\(place)"))
                offset += surface.utf8.count
            }
        }
        #expect(forms.resolve(mentions) == forms.resolve(mentions, bytes: false))
        // Plain documents alone take the byte path.
        let plain = mentions.filter { !$0.surface.unicodeScalars.contains { $0.value == 0xF900 } }
        #expect(forms.resolve(plain) == forms.resolve(plain, bytes: false))
        #expect(forms.resolve(plain) != plain)
    }

    @Test func entityFlagsAsSet() {
        var flags = EntityFlags(count: 130)
        var set: Set<Int> = []
        for index in [0, 63, 64, 65, 127, 128, 129, 130, 1_000, -1, 5, 5] {
            flags.insert(index)
            set.insert(index)
        }
        for index in -3...1_001 { #expect(flags.contains(index) == set.contains(index)) }
    }

    /// A title's qualifier removed on bytes as by scalars and `String` searches: every title
    /// and clause of the seeds and dev texts, closed by each parenthesis around each
    /// qualifier, a year, digits alone, and text that is not plain or qualifiers that are not.
    @Test func qualifierRemovalAsStrings() {
        let qualifiers = sharedExtractor.lexicon.ontology.patterns.titleQualifiers
        #expect(!qualifiers.isEmpty)
        let insides = qualifiers + ["2021-2035年", "2024年版", "2024", "年", "试", "", "（试行）", "\u{F900}", "e\u{301}"]
        let pieces = Self.texts.flatMap { text in
            String(decoding: text, as: UTF8.self).split(whereSeparator: { "，。；：\n“”".contains($0) }).map(String.init)
        }
        var titles = pieces
        for (number, inside) in insides.enumerated() {
            let body = pieces.isEmpty ? "实施方案" : pieces[number % pieces.count]
            titles += ["\(body)（\(inside)）", "\(body)(\(inside))", "（\(inside)）", "\(body)（\(inside))", "\(body)(甲)（\(inside)）",
                       "\(body)（\(inside)）（乙）", "车\u{F900}（\(inside)）", "\(body)\r(\(inside))"]
        }
        var removed = 0
        for title in titles {
            let answer = TitleRecognizer.removingQualifier(title, qualifiers: qualifiers, yearUnits: ["年"])
            #expect(answer == TitleRecognizer.removingQualifierAsStrings(title, qualifiers: qualifiers, yearUnits: ["年"]), "\(title)")
            if answer != title { removed += 1 }
        }
        #expect(removed > 20)
        // Qualifiers that are not plain (or empty) send every title to the `String` path.
        for odd in [["试行", ""], ["e\u{301}"], ["\u{F900}"]] {
            for title in ["方案（试行）", "方案（e\u{301}）", "方案（é）", "方案（\u{8C48}）", "方案"] {
                #expect(TitleRecognizer.removingQualifier(title, qualifiers: odd, yearUnits: ["年"])
                        == TitleRecognizer.removingQualifierAsStrings(title, qualifiers: odd, yearUnits: ["年"]), "\(title) \(odd)")
            }
        }
    }
}
