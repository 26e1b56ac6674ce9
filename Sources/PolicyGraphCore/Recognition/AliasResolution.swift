/// Resolves the short forms of one document to the entities they stand for
/// and finds the policies named without 《》:
/// - declared short forms: `宁德时代新能源科技股份有限公司（以下简称“宁德时代”）`;
/// - abbreviated titles: 《实施方案》, 《纲要》, 《意见》 → the nearest earlier
///   (else later) policy whose title ends with the same words;
/// - a policy named by its core title (政府工作报告 ↔ 《政府工作报告（征求意见稿）》);
/// - policies named without 《》: 政府工作报告 (with its region, 北京市政府工作报告)
///   and titles closed by a qualifier, 北京市重点实验室认定与管理办法（试行）;
/// - a company's short name derived from its registered name
///   (苏州易来科得科技有限公司 → 易来科得) when the document uses it.
/// Answers "does any mention overlap this range?" in O(log n) over mentions
/// sorted by start, so that no resolution step is quadratic on long texts.
struct OverlapIndex {
    private var starts: [Int] = []
    private var prefixMaximumEnd: [Int] = []

    init(_ ranges: [Range<Int>]) {
        // The passes hand over mentions sorted by start nearly always, or sorted mentions and
        // then sorted additions (the persons' pass): a linear check spares the sort (which cost
        // more than every question the index then answers), and two sorted runs are merged.
        let sorted: [Range<Int>]
        let split = Self.sortedPrefixCount(ranges[...])
        if split == ranges.count {
            sorted = ranges
        } else if split + Self.sortedPrefixCount(ranges[split...]) == ranges.count {
            sorted = Self.merged(ranges[..<split], ranges[split...])
        } else {
            sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        }
        starts.reserveCapacity(sorted.count)
        prefixMaximumEnd.reserveCapacity(sorted.count)
        var maximum = Int.min
        for range in sorted {
            starts.append(range.lowerBound)
            maximum = max(maximum, range.upperBound)
            prefixMaximumEnd.append(maximum)
        }
    }

    /// How many ranges at the start of `ranges` are in order of their starts.
    static func sortedPrefixCount(_ ranges: ArraySlice<Range<Int>>) -> Int {
        guard var previous = ranges.first?.lowerBound else { return 0 }
        var index = ranges.startIndex + 1
        while index < ranges.endIndex, previous <= ranges[index].lowerBound {
            previous = ranges[index].lowerBound
            index += 1
        }
        return index - ranges.startIndex
    }

    /// Two runs sorted by start, merged into one (the first run's range first at equal starts).
    static func merged(_ first: ArraySlice<Range<Int>>, _ second: ArraySlice<Range<Int>>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(first.count + second.count)
        var left = first.startIndex, right = second.startIndex
        while left < first.endIndex, right < second.endIndex {
            if second[right].lowerBound < first[left].lowerBound {
                result.append(second[right])
                right += 1
            } else {
                result.append(first[left])
                left += 1
            }
        }
        result += first[left...]
        result += second[right...]
        return result
    }

    func overlaps(_ range: Range<Int>) -> Bool {
        // Count the ranges that start before range.upperBound.
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < range.upperBound { low = mid + 1 } else { high = mid }
        }
        return low > 0 && prefixMaximumEnd[low - 1] > range.lowerBound
    }
}

struct AliasResolution: Sendable {
    let lexicon: Lexicon
    /// Up to this many names, ``occurrences(of:in:from:)`` may search each with `memchr`
    /// (``searchesTogether(_:)``); more always share one pass over the text.
    static let namesSearchedOneByOne = 8
    /// Read out of the lexicon once here: each read copied the pattern lexicon.
    let patterns: PatternLexicon
    /// The passes this one runs, made once with it rather than at every document.
    let noticeTitles: NoticeTitles
    let personRecognizer: PersonRecognizer

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        patterns = lexicon.ontology.patterns
        noticeTitles = NoticeTitles(patterns: patterns, words: lexicon.words)
        personRecognizer = PersonRecognizer(patterns: patterns, words: lexicon.words)
    }

    func resolve(_ input: [Mention], cursor: TextCursor, titles: [TitleSpan], markers: [Marker]) -> [Mention] {
        var mentions = input
        func sort() { mentions.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) } }
        addNamedPolicies(&mentions, cursor: cursor, titles: titles, markers: markers)
        sort()
        mentions = noticeTitles.resolve(mentions, cursor: cursor, titles: titles)
        addDeclaredAliases(&mentions, cursor: cursor, markers: markers)
        sort()
        // The company short names are cut here, before the persons: the passes in between add
        // persons and change policies only, so the cores are the ones cut after them, and their
        // search shares the walk of the persons' names (``addPersons(_:cursor:markers:searchingToo:)``).
        let cores = companyCores(mentions)
        let coreUses = addPersons(&mentions, cursor: cursor, markers: markers, searchingToo: cores.map(\.core))
        personRecognizer.addPersons(&mentions, cursor: cursor, markers: markers)
        sort()
        resolveShortTitles(&mentions)
        addCompanyShortNames(&mentions, cores: cores, uses: coreUses)
        mentions.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return mentions
    }

    // MARK: Policies without 《》

    private func addNamedPolicies(_ mentions: inout [Mention], cursor: TextCursor, titles: [TitleSpan], markers: [Marker]) {
        let titleIndex = OverlapIndex(titles.map(\.outer))
        func insideTitle(_ range: Range<Int>) -> Bool { titleIndex.overlaps(range) }
        var found: [Mention] = []
        for marker in markers where marker.kind == .namedPolicy {
            var range = marker.range
            guard !insideTitle(range) else { continue }
            // A region (or its government) just before belongs to the title.
            if let prior = mentionEnding(near: range, in: mentions),
               prior.type == .region || prior.type == .government,
               prior.range.upperBound == range.lowerBound || prior.range.upperBound > range.lowerBound {
                range = prior.range.lowerBound..<range.upperBound
                // So does the year before the region: 2026年重庆市政府工作报告.
                range = yearBefore(range.lowerBound, cursor: cursor).map { $0..<range.upperBound } ?? range
            }
            found.append(policy(range, cursor: cursor, rule: "named-policy"))
        }
        // The bare name (政府工作报告) is the document's fuller one (2026年天津市政府工作报告).
        let bareNames = lexicon.words.namedTitleEndings
        func isBareName(_ surface: String) -> Bool { bareNames.contains(surface) }
        if let fuller = found.first(where: { $0.rule == "named-policy" && !isBareName($0.surface) }) {
            for index in found.indices where isBareName(found[index].surface) && fuller.surface.hasSuffix(found[index].surface) {
                found[index].key = fuller.key
            }
        }
        // Titles closed by a qualifier: …办法（试行）.
        for marker in markers where marker.kind == .qualifier && !insideTitle(marker.range) {
            let start = marker.range.lowerBound
            let before = cursor.text(max(0, start - 12)..<start)
            guard patterns.titleEndings.contains(where: { $0.class == .policy && before.hasUTF8Suffix($0.ending) }) else { continue }
            var left = start
            var steps = 0
            while steps < 40, let (scalar, previous) = cursor.scalar(before: left), ScalarClass.isIdeograph(scalar) {
                if let stop = mentionEnding(near: left..<left, in: mentions), stop.range.upperBound == left, stop.type == .region {
                    left = stop.range.lowerBound
                    break
                }
                if steps > 0, policyVerbEnds(at: left, cursor: cursor) { break }
                left = previous
                steps += 1
            }
            guard steps >= 4 else { continue }
            found.append(policy(left..<marker.range.upperBound, cursor: cursor, rule: "qualified-policy"))
        }
        found += policiesBesideVerbs(cursor: cursor, markers: markers, insideTitle: insideTitle)
        // Keep the first of overlapping policies, then drop what they cover.
        found.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var kept: [Mention] = []
        for policy in found where kept.last.map({ $0.range.upperBound <= policy.range.lowerBound }) ?? true { kept.append(policy) }
        guard !kept.isEmpty else { return }
        let covered = OverlapIndex(kept.map(\.range))
        mentions.removeAll { mention in
            covered.overlaps(mention.range) && kept.contains { $0.range.overlaps(mention.range) && mention.range.lowerBound >= $0.range.lowerBound }
        }
        mentions += kept
    }

    /// Whether the text that ends at `end` and is as long as a policy verb is that verb
    /// (as `String`s: `cursor.text(max(0, end - verb.count)..<end) == verb`).
    ///
    /// Where every verb is plain (``PlainUTF8``), bytes answer: equal bytes are equal text, and
    /// plain text that differs in its bytes differs; only a piece that is not plain (a
    /// compatibility ideograph, a combining mark, a scalar cut in two) is compared as `String`s.
    func policyVerbEnds(at end: Int, cursor: TextCursor) -> Bool {
        let words = lexicon.words
        guard words.policyVerbsArePlain else { return policyVerbEndsAsStrings(at: end, cursor: cursor) }
        for (index, verb) in words.policyVerbBytes.enumerated() {
            let start = max(0, end - verb.count)
            if end - start == verb.count, cursor.matches(verb, at: start) { return true }
            let piece = UnsafeBufferPointer(rebasing: cursor.bytes[start..<end])
            if PlainUTF8.plainCount(piece) == nil, cursor.text(start..<end) == patterns.policyVerbs[index] { return true }
        }
        return false
    }

    /// ``policyVerbEnds(at:cursor:)`` as it was written, on `String`s.
    func policyVerbEndsAsStrings(at end: Int, cursor: TextCursor) -> Bool {
        patterns.policyVerbs.contains(where: { cursor.text(max(0, end - $0.utf8.count)..<end) == $0 })
    }

    /// The start of a year written just before `position`: 2026年 (a `year-unit` word of `published.tsv`).
    private func yearBefore(_ position: Int, cursor: TextCursor) -> Int? {
        guard let unit = lexicon.words.yearUnitBytes.first(where: { position >= $0.count && cursor.matches($0, at: position - $0.count) }),
              case let yearEnd = position - unit.count, yearEnd >= 4 else { return nil }
        for index in (yearEnd - 4)..<yearEnd where !(0x30...0x39).contains(cursor.bytes[index]) { return nil }
        if yearEnd > 4, (0x30...0x39).contains(cursor.bytes[yearEnd - 5]) { return nil }
        return yearEnd - 4
    }

    /// Policies named without 《》 right after an issuing verb (印发了数字经济统计监测工作方案和…)
    /// or right before one (…资金管理暂行办法发布): a clause-long span that ends
    /// with a policy word at a boundary.
    private func policiesBesideVerbs(cursor: TextCursor, markers: [Marker], insideTitle: (Range<Int>) -> Bool) -> [Mention] {
        func isNameScalar(_ u: UInt32) -> Bool {
            ScalarClass.isIdeograph(u) || ScalarClass.isASCIIAlphanumeric(u) || u == .leftQuote || u == .rightQuote
                || u == 0x2B || u == 0x2D
        }
        let words = lexicon.words
        func isGeneric(_ range: Range<Int>) -> Bool {
            words.startsWithGenericPrefix(range, cursor: cursor, prefixes: patterns.genericPrefixes)
        }
        func endsWithPolicyWord(_ range: Range<Int>) -> Bool {
            guard let (last, _) = cursor.scalar(before: range.upperBound), words.endsPolicyEnding(last) else { return false }
            let text = cursor.text(range)
            guard lexicon.words.titleClass(of: text) == .policy else { return false }
            return words.endsWithPolicyEnding(range, cursor: cursor, minimumBefore: 4)
        }
        var result: [Mention] = []
        // 印发了: the `completed` words of `issuance.tsv`.
        let completedWords = lexicon.words.completedBytes
        for marker in markers {
            guard case let .issuance(position) = marker.kind, position != .after else { continue }
            var begin = marker.range.upperBound
            if let completed = completedWords.first(where: { cursor.matches($0, at: begin) }) { begin += completed.count } // 印发了
            guard let (first, _) = cursor.scalar(at: begin),
                  ScalarClass.isIdeograph(first) || first == .leftQuote else { continue }
            var scan = begin
            var count = 0
            while let (scalar, next) = cursor.scalar(at: scan), count < 30, isNameScalar(scalar) {
                scan = next
                count += 1
                guard count >= 6, endsWithPolicyWord(begin..<scan) else { continue }
                let following = cursor.scalar(at: scan)?.value ?? 0x0A
                if !isNameScalar(following) || words.policyEndScalars.contains(following) {
                    let range = begin..<scan
                    if !insideTitle(range), !isGeneric(range) { result.append(policy(range, cursor: cursor, rule: "verb-policy")) }
                    break
                }
            }
        }
        for marker in markers {
            guard case let .issuance(position) = marker.kind, position != .before else { continue }
            let start = marker.range.lowerBound
            var left = start
            var count = 0
            while let (scalar, previous) = cursor.scalar(before: left), count < 30, isNameScalar(scalar) {
                left = previous
                count += 1
            }
            let range = left..<start
            guard count >= 6, endsWithPolicyWord(range), !insideTitle(range), !isGeneric(range),
                  cursor.scalar(at: left).map({ ScalarClass.isIdeograph($0.value) || $0.value == .leftQuote }) ?? false
            else { continue }
            result.append(policy(range, cursor: cursor, rule: "verb-policy"))
        }
        return result
    }


    /// The mention that ends at most 3 bytes before `offset` (the owner of a
    /// declaration in parentheses), found by binary search.
    private func index(ofMentionEndingJustBefore offset: Int, in mentions: [Mention]) -> Int? {
        var low = 0, high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        var best: Int? = nil
        var index = low - 1
        while index >= 0, index >= low - 6 {
            let end = mentions[index].range.upperBound
            if end <= offset, offset - end <= 3, best.map({ mentions[$0].range.upperBound < end }) ?? true { best = index }
            index -= 1
        }
        return best
    }

    /// The last mention (sorted by start) that starts before `range` and ends
    /// within it or just before it.
    private func mentionEnding(near range: Range<Int>, in mentions: [Mention]) -> Mention? {
        var low = 0, high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].range.lowerBound < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var index = low - 1
        while index >= 0, index >= low - 4 {
            let candidate = mentions[index]
            if candidate.range.upperBound > range.lowerBound - 16, candidate.range.upperBound <= range.upperBound { return candidate }
            index -= 1
        }
        return nil
    }

    private func policy(_ range: Range<Int>, cursor: TextCursor, rule: String) -> Mention {
        let surface = cursor.text(range)
        let core = TitleRecognizer.removingQualifier(surface, qualifiers: patterns.titleQualifiers, yearUnits: patterns.yearUnits)
        return Mention(range: range, type: .policy, surface: surface, entityIndex: nil, rule: rule, key: "policy:\(core)")
    }

    // MARK: Persons

    /// A name of two to four ideographs between a title and a speech verb
    /// (中国电动汽车百人会副理事长欧阳明高预计); later uses of the name are
    /// mentions of the same person.
    ///
    /// `others` (the company short names) are searched in the same walk as the persons'
    /// names; their occurrences, by name, are returned.
    private func addPersons(_ mentions: inout [Mention], cursor: TextCursor, markers: [Marker],
                            searchingToo others: [String]) -> [[Int]] {
        var names: [String] = []
        // Keyed on composed bytes (``CanonicalKey``): a `String` key normalised each name on every hash.
        var knownNames: Set<CanonicalKey> = []
        var found: [Mention] = []
        // The mentions do not change in the loop: one index answers every overlap question.
        let taken = OverlapIndex(mentions.map(\.range))
        var lastTitleEnd: Int? = nil
        var lastTitleStart: Int? = nil
        var affiliations: [CanonicalKey: String] = [:]
        for marker in markers {
            switch marker.kind {
            case .personTitle:
                if lastTitleEnd != marker.range.lowerBound { lastTitleStart = marker.range.lowerBound }
                lastTitleEnd = marker.range.upperBound
            case .speech:
                defer { lastTitleEnd = nil }
                guard let start = lastTitleEnd, start < marker.range.lowerBound else { continue }
                let range = start..<marker.range.lowerBound
                // A name is two to four scalars of at most four bytes.
                guard range.count <= 16 else { continue }
                let count = cursor.scalarCount(range)
                var allIdeographs = true
                var position = start
                while position < range.upperBound, let (scalar, next) = cursor.scalar(at: position) {
                    if !ScalarClass.isIdeograph(scalar) { allIdeographs = false; break }
                    position = next
                }
                guard allIdeographs, (2...4).contains(count) else { continue }
                let name = cursor.text(range)
                guard !lexicon.words.isGenericBody(name, in: patterns.genericBodies), !taken.overlaps(range) else { continue }
                let nameKey = CanonicalKey(name)
                var person = Mention(range: range, type: .person, surface: name, entityIndex: nil, rule: "person:title-speech", key: "person:\(name)")
                if let titleStart = lastTitleStart, let owner = index(ofMentionEndingJustBefore: titleStart, in: mentions),
                   mentions[owner].range.upperBound == titleStart, mentions[owner].type.isOrganisation {
                    person.affiliation = mentions[owner].key
                    affiliations[nameKey] = mentions[owner].key
                }
                found.append(person)
                if knownNames.insert(nameKey).inserted { names.append(name) }
            default:
                continue
            }
        }
        let existing = OverlapIndex(mentions.map(\.range) + found.map(\.range))
        let (personUses, otherUses) = Self.occurrences(of: names, and: others, in: cursor)
        for (name, uses) in zip(names, personUses) where !uses.isEmpty {
            let affiliation = affiliations[CanonicalKey(name)]
            for use in uses {
                let range = use..<(use + name.utf8.count)
                guard !existing.overlaps(range) else { continue }
                var person = Mention(range: range, type: .person, surface: name, entityIndex: nil, rule: "person:repeated", key: "person:\(name)")
                person.affiliation = affiliation
                found.append(person)
            }
        }
        // In the order the sort after the persons' passes gives them (stable, so that sort
        // changes nothing more): the persons' pass then indexes two sorted runs (``OverlapIndex``).
        found.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        mentions += found
        return otherUses
    }

    /// ``occurrences(of:in:from:)`` of two lists of names in one search (one walk over the
    /// text where ``NameSearch`` serves them): for each list, what a search of it alone gives.
    static func occurrences(of names: [String], and others: [String], in cursor: TextCursor) -> (names: [[Int]], others: [[Int]]) {
        let uses = occurrences(of: names + others, in: cursor)
        guard !uses.isEmpty else { return ([[Int]](repeating: [], count: names.count), []) }
        return (Array(uses[..<names.count]), Array(uses[names.count...]))
    }

    /// For each name, its non-overlapping occurrences left to right from
    /// `starts[i]` (or the text's start), as ``TextCursor/occurrences(of:in:)``
    /// gives them. A name or two are searched with `memchr` each; more share one pass over
    /// the text (``NameSearch``), so that many names do not make it quadratic.
    static func occurrences(of names: [String], in cursor: TextCursor, from starts: [Int]? = nil) -> [[Int]] {
        guard !names.isEmpty else { return [] }
        let needles = names.map { Array($0.utf8) }
        if !Self.searchesTogether(needles) {
            return needles.indices.map { index in
                let start = min(max(starts?[index] ?? 0, 0), cursor.bytes.count)
                return cursor.occurrences(of: needles[index], in: start..<cursor.bytes.count)
            }
        }
        var result = [[Int]](repeating: [], count: names.count)
        var nextAllowed = starts ?? [Int](repeating: 0, count: names.count)
        NameSearch(needles).forEachStart(in: cursor.bytes) { position, index in
            guard position >= nextAllowed[index] else { return }
            result[index].append(position)
            nextAllowed[index] = position + needles[index].count
        }
        return result
    }

    /// Whether one pass for all `names` (``NameSearch``) costs less than a `memchr` search per
    /// name: a search costs about a byte's worth per byte of text and name, the pass about ten
    /// instructions per step of `shortest - 1` bytes. More than ``namesSearchedOneByOne`` names
    /// always share the pass.
    static func searchesTogether(_ names: [[UInt8]]) -> Bool {
        guard names.count > 1 else { return false }
        guard names.count <= namesSearchedOneByOne else { return true }
        let shortest = names.lazy.map(\.count).min() ?? 0
        return names.count * (shortest - 1) >= 12
    }

    // MARK: Declared short forms

    private func addDeclaredAliases(_ mentions: inout [Mention], cursor: TextCursor, markers: [Marker]) {
        var added: [Mention] = []
        var declared: [(owner: Mention, alias: String, after: Int)] = []
        let existing = OverlapIndex(mentions.map(\.range))
        for marker in markers where marker.kind == .declaration {
            let start = marker.range.lowerBound
            // （以下简称“X”） — the opening parenthesis is just before the marker.
            guard let (open, openStart) = cursor.scalar(before: start), open == .leftParenWide || open == .leftParen else { continue }
            var scan = marker.range.upperBound
            var alias: [UInt32] = []
            var closed = false
            while let (scalar, next) = cursor.scalar(at: scan), alias.count <= 12 {
                if scalar == .rightParenWide || scalar == .rightParen { closed = true; scan = next; break }
                if ScalarClass.isIdeograph(scalar) || ScalarClass.isASCIIAlphanumeric(scalar) { alias.append(scalar) }
                else if !(scalar == .leftQuote || scalar == .rightQuote || scalar == .leftTitle || scalar == .rightTitle
                          || scalar == 0x22 || scalar == 0x201C || scalar == 0xFF1A || scalar == 0x3A) { break }
                scan = next
            }
            guard closed, alias.count >= 2, let ownerIndex = index(ofMentionEndingJustBefore: openStart, in: mentions) else { continue }
            let owner = mentions[ownerIndex]
            let text = String(String.UnicodeScalarView(alias.compactMap(Unicode.Scalar.init)))
            mentions[ownerIndex].extraAliases.append(text)
            declared.append((owner, text, scan))
        }
        // Later uses of each short form name the same entity; one pass finds them all.
        let uses = Self.occurrences(of: declared.map(\.alias), in: cursor, from: declared.map(\.after))
        for (declaration, positions) in zip(declared, uses) {
            let text = declaration.alias, owner = declaration.owner
            for use in positions {
                let range = use..<(use + text.utf8.count)
                guard !existing.overlaps(range), !(added.last.map { $0.range.overlaps(range) } ?? false) else { continue }
                added.append(Mention(range: range, type: owner.type, surface: text, entityIndex: owner.entityIndex,
                                     rule: "declared-alias", key: owner.key))
            }
        }
        mentions += added
    }

    // MARK: Abbreviated titles

    private func resolveShortTitles(_ mentions: inout [Mention]) {
        // One pass sorts the policies into short titles and full ones; only policies are asked
        // their rule (a short title is a policy: ``EntityRecognizer`` makes it so, and no pass
        // changes a mention's type or rule).
        var shortTitles: [Int] = []
        var fullPolicies: [Int] = []
        for index in mentions.indices where mentions[index].type == .policy {
            if mentions[index].rule == "title:short" { shortTitles.append(index) } else { fullPolicies.append(index) }
        }
        // Most documents use no short title: nothing to resolve, and no policy core to cut.
        guard !shortTitles.isEmpty else { return }
        // Full policies in text order with their core titles, computed once.
        let policies: [(position: Int, core: String, key: String)] = fullPolicies.map { index in
            let key = mentions[index].key
            return (mentions[index].range.lowerBound, Self.policyCore(of: key), key)
        }.sorted { $0.position < $1.position }
        // Each core's bytes when all its scalars are plain, read once here, not per short form.
        let plainCores = policies.map { Self.plainBytes($0.core) }
        // For each distinct short form, the policies it may stand for.
        var candidatesByShort: [CanonicalKey: [(position: Int, key: String)]] = [:]
        var unresolved: [Int] = []
        for index in shortTitles {
            let short = mentions[index].surface
            let shortKey = CanonicalKey(short)
            let candidates: [(position: Int, key: String)]
            if let known = candidatesByShort[shortKey] {
                candidates = known
            } else {
                let plainShort = Self.plainBytes(short)
                candidates = policies.indices.filter { policy in
                    Self.standsFor(short, plainShort, core: policies[policy].core, plainCores[policy])
                }.map { (policies[$0].position, policies[$0].key) }
                candidatesByShort[shortKey] = candidates
            }
            guard !candidates.isEmpty else { unresolved.append(index); continue }
            // The nearest earlier one, else the first.
            let position = mentions[index].range.lowerBound
            var low = 0, high = candidates.count
            while low < high {
                let mid = (low + high) / 2
                if candidates[mid].position < position { low = mid + 1 } else { high = mid }
            }
            mentions[index].key = low > 0 ? candidates[low - 1].key : candidates[0].key
        }
        // A short title with nothing to stand for names no entity of its own.
        if !unresolved.isEmpty {
            mentions = mentions.removing(offsets: unresolved)
        }
    }

    /// The UTF-8 bytes of `text` when all its scalars are plain (``PlainUTF8``), else `nil`.
    static func plainBytes(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { PlainUTF8.plainCount($0) != nil ? Array($0) : nil }
    }

    /// Whether a short title may stand for a policy of `core`: the core ends with it and is
    /// not it (`core.hasSuffix(short) && core != short`). Where both are plain (their bytes
    /// given, ``plainBytes(_:)``), each scalar is a character and none has another form, so the
    /// bytes answer: the core's last bytes are the short title's, and it has more; otherwise
    /// the `String`s are asked, as before.
    static func standsFor(_ short: String, _ plainShort: [UInt8]?, core: String, _ plainCore: [UInt8]?) -> Bool {
        guard let plainShort, let plainCore else { return core.hasUTF8Suffix(short) && core != short }
        return plainCore.count > plainShort.count && plainCore.suffix(plainShort.count).elementsEqual(plainShort)
    }

    /// A policy's key without its first seven characters (`policy:`), as `dropFirst(7)`
    /// cuts it: by bytes when the key starts so and what follows begins a character of
    /// its own (a plain scalar), else by characters.
    static func policyCore(of key: String) -> String {
        let prefix = "policy:".utf8
        var text = key
        let fast: String? = text.withUTF8 { bytes in
            guard bytes.count >= prefix.count, zip(bytes, prefix).allSatisfy({ $0 == $1 }) else { return nil }
            if bytes.count == prefix.count { return "" }
            guard PlainUTF8.plainLength(bytes, at: prefix.count) != nil else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[prefix.count...]), as: UTF8.self)
        }
        return fast ?? String(key.dropFirst("policy:".count))
    }

    // MARK: Company short names

    /// `core` without the generic words that end it (科技 in 易来科得科技 … as long as two
    /// characters stay), each of two characters or more, until none ends it.
    ///
    /// Where the core and every generic word are plain (``PlainUTF8``: bytes compare as
    /// characters do), only the words whose last scalar ends the core are tried, the
    /// longest first (``WordSet``); else every generic word, as `String`s.
    static func removingGenericEndings(_ core: String, words: RecognitionWords, genericBodies: Set<String>) -> String {
        var core = core
        if words.genericWordsArePlain {
            while true {
                let cut: Int?? = core.withUTF8 { bytes -> Int?? in
                    guard let coreLength = PlainUTF8.plainCount(bytes) else { return nil }
                    guard !bytes.isEmpty, let start = PlainUTF8.plainStart(bytes, before: bytes.count) else { return .some(nil) }
                    var cut: Int? = nil
                    words.genericBodyWords.forEachWord(endingWith: UTF8Bytes.scalar(in: bytes, at: start).value) { word in
                        guard cut == nil, bytes.count >= word.count,
                              UnsafeBufferPointer(rebasing: bytes[(bytes.count - word.count)...]).elementsEqual(word),
                              let length = word.withUnsafeBufferPointer({ PlainUTF8.plainCount($0) }),
                              length >= 2, coreLength - length >= 2 else { return }
                        cut = word.count
                    }
                    return .some(cut)
                }
                guard let decided = cut else { break } // not plain: the `String` path below
                guard let bytes = decided else { return core }
                core = String(decoding: Array(core.utf8.dropLast(bytes)), as: UTF8.self)
            }
        }
        var changed = true
        while changed {
            changed = false
            // The bytes first: the lengths in characters only for the words that end the core.
            for word in genericBodies where core.hasUTF8Suffix(word) && word.count >= 2 && core.count - word.count >= 2 {
                core = String(core.dropLast(word.count))
                changed = true
            }
        }
        return core
    }

    /// `core` up to its first （ or (, as `core.firstIndex(where: { $0 == "（" || $0 == "(" })`
    /// cuts it: by bytes when every scalar is plain (``PlainUTF8``: each is a character of its
    /// own, so the first such bytes are the first such character), else by characters.
    static func beforeParenthesis(_ core: String) -> String {
        var text = core
        let cut: Int?? = text.withUTF8 { bytes -> Int?? in
            guard PlainUTF8.plainCount(bytes) != nil else { return nil }
            var index = 0
            while index < bytes.count {
                // ( is 28; （ is EF BC 88, whose lead byte starts a scalar wherever it stands.
                if bytes[index] == 0x28 { return .some(index) }
                if bytes[index] == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x88 { return .some(index) }
                index += 1
            }
            return .some(nil)
        }
        switch cut {
        case let .some(.some(end)): return String(decoding: core.utf8.prefix(end), as: UTF8.self)
        case .some(.none): return core
        case .none: return beforeParenthesisAsCharacters(core)
        }
    }

    /// ``beforeParenthesis(_:)`` by characters: the reading for text that is not plain.
    static func beforeParenthesisAsCharacters(_ core: String) -> String {
        guard let parenthesis = core.firstIndex(where: { $0 == "（" || $0 == "(" }) else { return core }
        return String(core[..<parenthesis])
    }

    /// The short names that the companies named by suffix rules may go by (苏州易来科得科技有限公司 →
    /// 易来科得), each once, with the mention of the full name, in the mentions' order.
    private func companyCores(_ mentions: [Mention]) -> [(core: String, mention: Mention)] {
        let legalForms = lexicon.words.companyLegalForms
        var triedCores: Set<CanonicalKey> = []
        var cores: [(core: String, mention: Mention)] = []
        for mention in mentions where mention.type == .company && mention.rule.hasUTF8Prefix("suffix:") {
            let name = mention.extraAliases.first ?? mention.surface
            guard let form = legalForms.first(where: { name.hasUTF8Suffix($0) }) else { continue }
            var core = String(name.dropLast(form.count))
            core = Self.beforeParenthesis(core)
            core = Self.removingGenericEndings(core, words: lexicon.words, genericBodies: patterns.genericBodies)
            guard core.count >= 2, core != name, !lexicon.words.isGenericBody(core, in: patterns.genericBodies),
                  triedCores.insert(CanonicalKey(core)).inserted else { continue }
            cores.append((core, mention))
        }
        return cores
    }

    /// The company short names' `uses` (``companyCores(_:)``, found in one search with the
    /// persons' names: one search per core made long documents with many registered names
    /// quadratic) that no mention overlaps, as mentions of their companies.
    private func addCompanyShortNames(_ mentions: inout [Mention], cores: [(core: String, mention: Mention)], uses: [[Int]]) {
        var added: [Mention] = []
        let existing = OverlapIndex(mentions.map(\.range))
        for ((core, mention), uses) in zip(cores, uses) {
            for use in uses {
                let range = use..<(use + core.utf8.count)
                guard !existing.overlaps(range) else { continue }
                added.append(Mention(range: range, type: .company, surface: core, entityIndex: mention.entityIndex,
                                     rule: "short-name", key: mention.key))
            }
        }
        mentions += added
    }
}
