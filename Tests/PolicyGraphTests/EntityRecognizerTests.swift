import Testing
@testable import PolicyGraphCore

/// ``EntityRecognizer``'s last step: the names recognised only so that nothing shorter matches
/// inside them are dropped, read from the entities in place.
@Suite struct EntityRecognizerTests {
    /// A name recognised only so that nothing shorter matches inside it is no mention; the
    /// names around it are.
    @Test func unreportedNamesAreNoMentions() {
        let extractor = sharedExtractor
        let entities = extractor.recognizer.lexicon.ontology.entities
        let text = extractor.normalizer.normalize("亚洲与中国的合作，欧洲")
        let mentions = extractor.recognizer.mentions(in: text)
        #expect(!mentions.contains { $0.entityIndex.map { !entities[$0].isReported } ?? false })
        #expect(mentions.contains { $0.surface == "中国" })
        // The entities are there to be dropped: the continents are in the ontology, not reported.
        #expect(entities.contains { $0.name == "亚洲" && !$0.isReported })
        #expect(entities.contains { $0.name == "欧洲" && !$0.isReported })
    }
}
