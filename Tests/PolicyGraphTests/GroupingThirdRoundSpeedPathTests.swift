import Foundation
import Testing
@testable import PolicyGraphCore

/// The third round of speed work on grouping and output answers exactly as the
/// paths it replaced: mention keys as entity indices, the one-surface groups,
/// the vector test for bytes JSON escapes, the plain test of `CanonicalKey`.
@Suite struct GroupingThirdRoundSpeedPathTests {
    /// Keys at the edges of `entity:` and an index: each row is one kind.
    static let keys: [String] = [
        "entity:0",            // the index 0
        "entity:00",           // a leading zero: not an index's spelling
        "entity:05",           // a leading zero before a digit
        "entity:5",            // one digit
        "entity:12345678",     // eight digits, the most Mention.entityKey writes as bytes
        "entity:123456789",    // nine digits: read as a string key
        "entity:",             // no digits
        "entity:-1",           // a sign
        "entity:5a",           // a letter after the digits
        "entity:５",           // a full-width digit
        "entity:٣",            // an Arabic-Indic digit
        "Entity:5",            // another case
        "entitx:5",            // another prefix
        "company:中国",         // a key made from a name
        "policy:方案",
        "e\u{301}cole",         // decomposed: equal to the composed form as a String
        "école",
        "",
    ]

    /// Two mention keys are equal (and hash alike) exactly when their strings are `==`.
    @Test func mentionKeysAreEqualExactlyWhenTheirStringsAre() {
        var failures: [String] = []
        for a in Self.keys {
            for b in Self.keys {
                let equal = MentionKey(a) == MentionKey(b)
                if equal != (a == b) { failures.append("\(a) \(b)") }
                if equal, MentionKey(a).hashValue != MentionKey(b).hashValue { failures.append("hash \(a) \(b)") }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// The key of every ontology entity index reads back as that index.
    @Test(arguments: [0, 1, 9, 10, 99, 100, 12_345, 99_999_999]) func entityKeysReadBackAsTheirIndex(_ index: Int) {
        #expect(MentionKey.entityIndex(Mention.entityKey(index)) == index)
        #expect(MentionKey(Mention.entityKey(index)) == .entity(index))
    }

    @Test func entityNamesAnswerThroughEitherKind() {
        var names = EntityNames()
        names["entity:42"] = "国务院"
        names["company:宁德时代"] = "宁德时代新能源科技股份有限公司"
        #expect(names["entity:42"] == "国务院")
        #expect(names[MentionKey(Mention.entityKey(42))] == "国务院")
        #expect(names["entity:042"] == nil)
        #expect(names["company:宁德时代"] == "宁德时代新能源科技股份有限公司")
        #expect(Set(names.values) == ["国务院", "宁德时代新能源科技股份有限公司"])
    }

    /// The seeds and the dev texts.
    static let realTexts: [(name: String, text: String)] = {
        var texts: [(String, String)] = []
        for folder in [repositoryRoot.appendingPathComponent("seeds"), fixturesDirectory.appendingPathComponent("dev/texts")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() {
                if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
                    texts.append((name, String(decoding: data, as: UTF8.self)))
                }
            }
        }
        return texts
    }()

    /// A group that repeats one surface and adds no alias is named as the general path names it,
    /// for every group of the seeds and dev texts and for surfaces with the marks `clean` takes off.
    @Test func oneSurfaceGroupsAreNamedAsBefore() {
        var groups: [[Mention]] = []
        #expect(Self.realTexts.count > 20)
        for (name, text) in Self.realTexts {
            let normalized = sharedExtractor.normalize(SourceDocument(name: name, string: text))
            let mentions = sharedExtractor.recognizer.recognize(normalized).mentions
            var byKey: [String: Int] = [:]
            for mention in mentions where mention.type != .technology {
                if let group = byKey[mention.key] {
                    groups[group].append(mention)
                } else {
                    byKey[mention.key] = groups.count
                    groups.append([mention])
                }
            }
        }
        let marked = ["《方案》", "“国务院", "国务院”", "“中国”", " 国务院\u{3000}", "《“十四五”规划》", "e\u{301}cole", "ｅｃｏｌｅ"]
        for surface in marked {
            let mention = Mention(range: 0..<1, type: .government, surface: surface, entityIndex: nil, rule: "dictionary", key: "x")
            groups.append([mention, mention])
            var aliased = mention
            aliased.extraAliases = ["国务院"]
            groups.append([mention, aliased])
            groups.append([mention, Mention(range: 2..<3, type: .government, surface: surface + "办公厅", entityIndex: nil, rule: "dictionary", key: "x")])
        }
        var failures: [String] = []
        var single = 0
        for group in groups {
            let members = ArraySlice(group.indices)
            let fast = EntityGrouping.nameAndAliases(of: members, in: group, firstSurface: group[0].surface)
            let general = EntityGrouping.distinctSurfaces(of: members, in: group)
            if fast.name != general.name || fast.aliases != general.aliases { failures.append(group[0].surface) }
            if group.allSatisfy({ $0.surface == group[0].surface && $0.extraAliases.isEmpty }) { single += 1 }
        }
        #expect(single > 100, "the one-surface path must be taken")
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// The vector test for bytes JSON escapes agrees with the byte loop, for each such byte and its
    /// neighbours at every place of strings of 0–48 bytes (the vector's 16 bytes, the word's 8, the rest).
    @Test func jsonEscapeVectorTestAgreesWithTheByteLoop() {
        var failures: [[UInt8]] = []
        let specials: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x2E, 0x2F, 0x30, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE4, 0xFF]
        let filler = Array("中文新闻文本abcdefghijklmnop工业和信息化部印发方案".utf8)
        for slashes in [false, true] {
            for length in 0...48 {
                for place in 0..<max(length, 1) {
                    for special in specials {
                        var bytes = Array(filler.prefix(length))
                        if place < bytes.count { bytes[place] = special }
                        let slow = bytes.contains { (byte: UInt8) -> Bool in byte < 0x20 || byte == 0x22 || byte == 0x5C || (slashes && byte == 0x2F) }
                        if bytes.withUnsafeBufferPointer({ JSONEscaping.needsEscape($0, slashes: slashes) }) != slow { failures.append(bytes) }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    /// `CanonicalKey`'s inline test for plain text (ASCII, ideographs) keeps its equality that of `String`.
    @Test func canonicalKeysAreEqualExactlyWhenTheirStringsAre() {
        let strings = ["国务院", "国务院\r\n", "国务院\n", "e\u{301}", "é", "Ａ", "A", "工业和信息化部", "工业和信息化部 ", "\u{3000}", "·", "“”", "한국", "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}"]
        var failures: [String] = []
        for a in strings {
            for b in strings where (CanonicalKey(a) == CanonicalKey(b)) != (a == b) { failures.append("\(a)|\(b)") }
        }
        #expect(failures.isEmpty, "\(failures)")
    }
}
