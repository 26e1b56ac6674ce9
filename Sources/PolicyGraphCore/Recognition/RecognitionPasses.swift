/// The passes that run after the dictionary scan, in their order, made once with the
/// recognizer rather than once per document.
///
/// Each pass keeps the pattern lexicon or the recognition words (about a hundred
/// reference-counted fields each) in it: a pass made per document copied them in and destroyed
/// them again (some 40,000 instructions a document in all). The passes hold no state of a
/// document, so one set serves every document.
struct RecognitionPasses: Sendable {
    let placeInWords: PlaceInWords
    let aliasResolution: AliasResolution
    let localBodies: LocalBodies
    let listHeads: ListHeads
    let jointBodies: JointBodies
    let companyContexts: CompanyContexts
    let measurePackages: MeasurePackages
    let zoneForms: ZoneForms
    let latinCompanies: LatinCompanies

    init(lexicon: Lexicon) {
        let patterns = lexicon.ontology.patterns
        let words = lexicon.words
        placeInWords = PlaceInWords(patterns: patterns, words: words)
        aliasResolution = AliasResolution(lexicon: lexicon)
        localBodies = LocalBodies(lexicon: lexicon)
        listHeads = ListHeads(lexicon: lexicon)
        jointBodies = JointBodies(lexicon: lexicon)
        companyContexts = CompanyContexts(lexicon: lexicon)
        measurePackages = MeasurePackages(patterns: patterns, words: words)
        zoneForms = ZoneForms(patterns: patterns)
        latinCompanies = LatinCompanies(patterns: patterns)
    }

    /// The mentions after every pass, from the scan's `mentions` sorted by start.
    func resolve(_ input: [Mention], cursor: TextCursor, titles: [TitleSpan], markers: [Marker]) -> [Mention] {
        var mentions = placeInWords.resolve(input, cursor: cursor)
        mentions = aliasResolution.resolve(mentions, cursor: cursor, titles: titles, markers: markers)
        mentions = localBodies.resolve(mentions, cursor: cursor)
        mentions = listHeads.resolve(mentions, cursor: cursor)
        mentions = jointBodies.resolve(mentions, cursor: cursor)
        mentions = companyContexts.resolve(mentions, cursor: cursor)
        mentions = measurePackages.resolve(mentions, cursor: cursor)
        mentions = zoneForms.resolve(mentions)
        return latinCompanies.resolve(mentions, cursor: cursor)
    }
}
