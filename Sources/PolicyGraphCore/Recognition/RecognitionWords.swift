/// The word sets of the pattern passes after the dictionary scan, compiled once
/// with the ``Lexicon`` instead of once per document (building them cost more
/// than some passes' work on a news article).
struct RecognitionWords: Sendable {
    /// ``CompanyContexts``: where a name found by its context starts.
    let companyBounds: WordSet
    /// ``CompanyContexts`` and ``PersonRecognizer``: surnames.
    let surnames: WordSet
    /// ``CompanyContexts``: words between a company and a title (董事长 …).
    let companyTitleModifiers: WordSet
    /// ``CompanyContexts``: where a name shown by a `before` word (上市公司) ends.
    let companyNameEnds: WordSet
    /// ``JointBodies``: where a list of bodies after 联合/会同 ends.
    let jointListEnds: WordSet
    /// ``ListHeads``: where a list's first item starts.
    let listLeads: WordSet
    /// ``ListHeads``: words between 等 and the head (重点, 骨干 …).
    let listModifiers: WordSet
    /// ``MeasurePackages``: where a package's name starts, and the words that open one.
    let measureStops: WordSet
    let measureOpeners: WordSet
    /// ``PersonRecognizer``: speech verbs and the words that may end a name.
    let speech: WordSet
    let personEndWords: WordSet
    /// ``AliasResolution``: the company legal forms, longest first (``PatternLexicon/companyLegalForms``).
    let companyLegalForms: [String]
    /// ``EntityRecognizer``: the policy endings that stand alone as a short title
    /// (``PatternLexicon/isShortTitle(_:)`` as one set lookup).
    let shortTitles: Set<String>
    /// ``CompanyContexts``: the suffixes of the name patterns (公司, 集团 …), which alone name no one.
    let suffixWords: Set<String>

    init(patterns: PatternLexicon) {
        companyBounds = WordSet(patterns.stopWords + patterns.policyVerbs + patterns.listLeads + patterns.companyLeads)
        surnames = WordSet(patterns.surnames)
        companyTitleModifiers = WordSet(patterns.companyTitleModifiers)
        companyNameEnds = WordSet(patterns.stopWords + patterns.speechVerbs + patterns.companyAfterWords + patterns.policyVerbs
                                  + patterns.issuanceVerbs.map(\.verb))
        jointListEnds = WordSet(patterns.stopWords + patterns.policyVerbs + patterns.issuanceVerbs.map(\.verb) + ["等"])
        listLeads = WordSet(patterns.listLeads + patterns.stopWords + patterns.policyVerbs)
        listModifiers = WordSet(patterns.listModifiers)
        measureStops = WordSet(patterns.stopWords + patterns.policyVerbs + patterns.listLeads + patterns.issuanceVerbs.map(\.verb))
        measureOpeners = WordSet(patterns.issuanceVerbs.map(\.verb) + patterns.listLeads + MeasurePackages.extraOpeners)
        speech = WordSet(patterns.speechVerbs)
        personEndWords = WordSet(patterns.personEndWords)
        companyLegalForms = patterns.companyLegalForms
        suffixWords = Set(patterns.suffixes.map(\.suffix))
        shortTitles = Set(patterns.titleEndings.filter { $0.class == .policy }.map(\.ending))
    }
}
