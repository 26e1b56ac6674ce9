import Testing
@testable import PolicyGraphCore

/// `TargetExtractor.namedHolders` looks each holder's name up without a cache: it gives the
/// holders and names the cache by entity (the last answer kept with its key) gave.
@Suite struct TargetNamedHoldersTests {
    /// Texts whose entities repeat under one key and under several (a short name, a full name),
    /// and whose holders stand on both sides of a bound; edge cases: empty text, non-BMP scalars,
    /// combining marks, CR LF.
    static let edges: [String] = [
        "", "国务院", "国务院\r\n国务院办公厅\r\n国务院印发《行动方案》。",
        "比亚迪宣布，比亚迪股份有限公司将于2026年实现量产。比亚迪计划2027年建成。",
        "丰田汽车表示，丰田将在2027年量产。𠀀丰田汽车e\u{301}宣布，北京市将于2030年前建成示范区。北京将发展。",
        String(repeating: "工业和信息化部表示，将发展产业。", count: 40) + "新华社北京1月24日电",
    ]

    /// The names as the cache by entity read them: the last answer for each entity kept with the
    /// key it was for, reused when the key is the same string.
    static func cachedReading(_ mentions: [Mention], names: EntityNames, before bound: Int) -> (indices: [Int], names: [String]) {
        var indices: [Int] = [], holderNames: [String] = []
        var namesByEntity: [Int: (key: String, name: String?)] = [:]
        for index in mentions.indices where TargetExtractor.isHolderType(mentions[index].type) && mentions[index].range.lowerBound < bound {
            let key = mentions[index].key
            let found: String?
            if let entity = mentions[index].entityIndex {
                if let cached = namesByEntity[entity], cached.key == key {
                    found = cached.name
                } else {
                    found = names[key]
                    namesByEntity[entity] = (key, found)
                }
            } else {
                found = names[key]
            }
            guard let name = found else { continue }
            indices.append(index)
            holderNames.append(name)
        }
        return (indices, holderNames)
    }

    @Test func namesAreThoseTheCacheGave() {
        var compared = 0, failures: [String] = []
        for source in Self.edges + TargetHolderBoundTests.sources {
            let (text, mentions, names) = TargetFourthRoundSpeedPathTests.prepared(source)
            // Every bound at which the holders change, and none.
            let bounds = [0, Int.max, text.bytes.count / 2] + mentions.map(\.range.lowerBound) + mentions.map { $0.range.lowerBound + 1 }
            for bound in bounds {
                let fast = TargetExtractor.namedHolders(mentions, names: names, before: bound)
                let cached = Self.cachedReading(mentions, names: names, before: bound)
                compared += fast.indices.count
                if fast.indices != cached.indices || fast.names != cached.names { failures.append("\(source.prefix(40)) @\(bound)") }
            }
        }
        #expect(compared > 1_000)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    /// Holders only (no technology), before the bound only, and only those with a name.
    @Test func holdersBeforeTheBoundWithANameOnly() {
        let (text, mentions, names) = TargetFourthRoundSpeedPathTests.prepared("国务院印发《行动方案》，将发展固态电池。比亚迪表示，将实现量产。")
        #expect(!text.bytes.isEmpty)
        let all = TargetExtractor.namedHolders(mentions, names: names, before: .max)
        #expect(!all.indices.isEmpty)
        for (index, name) in zip(all.indices, all.names) {
            #expect(mentions[index].type != .technology)
            #expect(names[mentions[index].key] == name)
        }
        #expect(all.indices.count == mentions.indices.filter { mentions[$0].type != .technology && names[mentions[$0].key] != nil }.count)
        let none = TargetExtractor.namedHolders(mentions, names: names, before: 0)
        #expect(none.indices.isEmpty && none.names.isEmpty)
        let bound = mentions.map(\.range.lowerBound).sorted().dropFirst().first ?? 0
        #expect(TargetExtractor.namedHolders(mentions, names: names, before: bound).indices.allSatisfy { mentions[$0].range.lowerBound < bound })
    }
}
