import Foundation
import Testing
@testable import PolicyGraphCore

/// The dictionary mentions made once per key and entity in a document (``DictionaryMentions``)
/// are the mentions made afresh at every token.
@Suite struct DictionaryMentionsTests {
    /// At every token of the seeds, the dev texts and texts at the edges (empty, CR LF, a scalar
    /// outside the BMP, a combining mark after a name, a name cut by a line break), for every
    /// entity its key names: the mention and component taken from the cache are the ones made
    /// from this token.
    @Test func sameAsMadeAtEveryToken() {
        let recognizer = sharedExtractor.recognizer
        let lexicon = sharedExtractor.lexicon
        let entities = lexicon.ontology.entities
        let texts = RecognitionPassesTests.texts + ["工业和信息化部\u{301}工业和信息化部", "𠀀工业和信息化部𠀀工业和信息化部\r\n工业和\r\n信息化部",
                                                    "宁德时代、宁德时代宁德时代", "中国科学院科技战略咨询研究院、中国科学院科技战略咨询研究院"]
        var repeats = 0, components = 0
        for string in texts {
            let text = sharedExtractor.normalize(SourceDocument(name: "test.txt", string: string))
            text.bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer)
                var cache = DictionaryMentions()
                for token in recognizer.scanner.scan(buffer) {
                    for case let .entity(entity, _) in lexicon.payloads[Int(token.payload)] {
                        let mention = Mention(range: token.range, type: entities[entity].type, surface: cursor.text(token.range),
                                              entityIndex: entity, rule: "dictionary", key: Mention.entityKey(entity))
                        let component = recognizer.component(of: token, entity: entity, cursor: cursor)
                        if let cached = cache.mentions(payload: token.payload, entity: entity, range: token.range) {
                            #expect(cached.mention == mention, "\(string.prefix(20)) at \(token.range)")
                            #expect(cached.component == component, "\(string.prefix(20)) at \(token.range)")
                            repeats += 1
                            if component != nil { components += 1 }
                        } else {
                            cache.add(payload: token.payload, entity: entity, mention: mention, component: component)
                        }
                    }
                }
            }
        }
        #expect(repeats > 100)   // the cache answered
        #expect(components > 0)  // components too
    }

    /// Many payloads and entities, asked in order and again: each pair made once, each answer
    /// the mention made for its pair with the range asked (probing and growing the table).
    @Test(arguments: [1, 31, 32, 33, 1_000, 5_000])
    func manyKeys(count: Int) {
        var generator = SplitMix(seed: UInt64(count))
        var cache = DictionaryMentions()
        var makes = 0
        // Two entities for most payloads, negative payloads, entity 0 and a very large one.
        func key(_ index: Int) -> (payload: Int32, entity: Int) {
            let payload = Int32(truncatingIfNeeded: (index / 2) &* 7_919 &- (index % 3 == 0 ? 1_000_000 : 0))
            let entity = index % 2 == 0 ? 0 : index % 3 == 0 ? Int.max - index : index
            return (payload, entity)
        }
        var distinct: Set<[Int]> = []
        for round in 0..<3 {
            for index in (round == 1 ? Array((0..<count).reversed()) : Array(0..<count)) {
                let (payload, entity) = key(index)
                // An entity number no lexicon reaches is not kept: made at every token.
                if entity < 1 << 31 { distinct.insert([Int(payload), entity]) } else { distinct.insert([Int(payload), entity, round, index]) }
                let start = Int(generator.next() % 10_000)
                let range = start..<(start + 3)
                let made = Mention(range: range, type: .company, surface: "名\(payload)-\(entity)", entityIndex: entity,
                                   rule: "dictionary", key: Mention.entityKey(entity))
                // A component as long as the mention's first three bytes, or none.
                let component = index % 5 == 0 ? nil : Mention(range: range.lowerBound..<(range.lowerBound + 3), type: .company,
                                                                surface: "部\(entity)", entityIndex: entity, rule: "dictionary:component",
                                                                key: Mention.entityKey(entity))
                let mention: Mention
                if let cached = cache.mentions(payload: payload, entity: entity, range: range) {
                    mention = cached.mention
                    #expect(cached.component?.range == component?.range)
                    #expect(cached.component?.surface == component?.surface)
                } else {
                    makes += 1
                    cache.add(payload: payload, entity: entity, mention: made, component: component)
                    mention = made
                }
                #expect(mention.range == range)
                #expect(mention.surface == "名\(payload)-\(entity)")
                #expect(mention.entityIndex == entity)
                #expect(mention.key == Mention.entityKey(entity))
            }
        }
        #expect(makes == distinct.count)
    }
}
