/// Runs the whole per-document pipeline: normalisation, recognition and
/// (in later stages) target and issuance extraction.
///
/// ```swift
/// let extractor = try Extractor()
/// let result = try extractor.extract(SourceDocument(reading: "seeds/003_210949ef34f18676.txt"))
/// ```
public struct Extractor: Sendable {
    public let lexicon: Lexicon
    public let normalizer: TextNormalizer
    public let recognizer: EntityRecognizer

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        normalizer = TextNormalizer(folding: lexicon.ontology.folding)
        recognizer = EntityRecognizer(lexicon: lexicon)
    }

    /// An extractor with the bundled ontology.
    public init() throws(OntologyError) {
        self.init(lexicon: try Lexicon.bundled())
    }

    /// Normalises a document.
    public func normalize(_ document: SourceDocument) -> NormalizedText {
        normalizer.normalize(document.text, markup: document.markup)
    }

    /// Extracts one document; `published` overrides the page header's date.
    public func extract(_ document: SourceDocument, published: String? = nil) -> DocumentExtraction {
        let text = normalize(document)
        let mentions = recognizer.mentions(in: text)
        let entities = EntityGrouping.entities(from: mentions, text: text, ontology: lexicon.ontology)
        return DocumentExtraction(document: document.name, published: published ?? PublicationDate.fromHeader(text),
                                  entities: entities)
    }
}
