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
struct AliasResolution {
    let lexicon: Lexicon
    var patterns: PatternLexicon { lexicon.ontology.patterns }

    func resolve(_ input: [Mention], cursor: TextCursor, titles: [TitleSpan]) -> [Mention] {
        var mentions = input
        addNamedPolicies(&mentions, cursor: cursor, titles: titles)
        addDeclaredAliases(&mentions, cursor: cursor)
        resolveShortTitles(&mentions)
        addCompanyShortNames(&mentions, cursor: cursor)
        mentions.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return mentions
    }

    // MARK: Policies without 《》

    private func addNamedPolicies(_ mentions: inout [Mention], cursor: TextCursor, titles: [TitleSpan]) {
        let all = 0..<cursor.bytes.count
        func insideTitle(_ range: Range<Int>) -> Bool {
            titles.contains { $0.outer.overlaps(range) }
        }
        var found: [Mention] = []
        for (ending, kind) in patterns.titleEndings where kind == .named {
            for start in cursor.occurrences(of: Array(ending.utf8), in: all) {
                var range = start..<(start + ending.utf8.count)
                guard !insideTitle(range) else { continue }
                // A region (or its government) just before belongs to the title.
                if let prior = mentions.last(where: { $0.range.upperBound > range.lowerBound - 16 && $0.range.lowerBound < range.lowerBound
                                                        && $0.range.upperBound <= range.upperBound }),
                   prior.type == .region || prior.type == .government,
                   prior.range.upperBound == range.lowerBound || prior.range.upperBound > range.lowerBound {
                    range = prior.range.lowerBound..<range.upperBound
                }
                found.append(policy(range, cursor: cursor, rule: "named-policy"))
            }
        }
        // Titles closed by a qualifier: …办法（试行）.
        for qualifier in patterns.titleQualifiers {
            for open in ["（", "("] {
                let close = open == "（" ? "）" : ")"
                let needle = Array((open + qualifier + close).utf8)
                for start in cursor.occurrences(of: needle, in: all) where !insideTitle(start..<(start + needle.count)) {
                    let before = cursor.text(max(0, start - 12)..<start)
                    guard patterns.titleEndings.contains(where: { $0.class == .policy && before.hasSuffix($0.ending) }) else { continue }
                    var left = start
                    var steps = 0
                    while steps < 40, let (scalar, previous) = cursor.scalar(before: left), ScalarClass.isIdeograph(scalar) {
                        if let stop = mentions.first(where: { $0.range.upperBound == left }), stop.type == .region {
                            left = stop.range.lowerBound
                            break
                        }
                        if steps > 0, patterns.policyVerbs.contains(where: { cursor.text(max(0, left - $0.utf8.count)..<left) == $0 }) { break }
                        left = previous
                        steps += 1
                    }
                    guard steps >= 4 else { continue }
                    found.append(policy(left..<(start + needle.count), cursor: cursor, rule: "qualified-policy"))
                }
            }
        }
        found += policiesBesideVerbs(cursor: cursor, insideTitle: insideTitle)
        for policy in found {
            mentions.removeAll { $0.range.overlaps(policy.range) && $0.range.lowerBound >= policy.range.lowerBound }
            mentions.append(policy)
        }
    }

    /// Policies named without 《》 right after an issuing verb (印发了数字经济统计监测工作方案和…)
    /// or right before one (…资金管理暂行办法发布): a clause-long span that ends
    /// with a policy word at a boundary.
    private func policiesBesideVerbs(cursor: TextCursor, insideTitle: (Range<Int>) -> Bool) -> [Mention] {
        let all = 0..<cursor.bytes.count
        let conjunctions: Set<UInt32> = Set("和与及并等".unicodeScalars.map(\.value))
        let policyEndings = patterns.titleEndings.filter { $0.class == .policy }.map(\.ending)
        func isNameScalar(_ u: UInt32) -> Bool {
            ScalarClass.isIdeograph(u) || ScalarClass.isASCIIAlphanumeric(u) || u == .leftQuote || u == .rightQuote
                || u == 0x2B || u == 0x2D
        }
        func isGeneric(_ range: Range<Int>) -> Bool {
            let text = cursor.text(range)
            return patterns.genericPrefixes.contains { text.hasPrefix($0) }
        }
        func endsWithPolicyWord(_ range: Range<Int>) -> Bool {
            let text = cursor.text(range)
            guard patterns.titleClass(of: text) == .policy else { return false }
            return policyEndings.contains { text.hasSuffix($0) && text.count >= $0.count + 4 }
        }
        var result: [Mention] = []
        for verb in ["印发了", "印发", "出台了", "出台", "颁布了", "颁布", "制定了", "制定"] {
            for start in cursor.occurrences(of: Array(verb.utf8), in: all) {
                let begin = start + verb.utf8.count
                guard let (first, _) = cursor.scalar(at: begin), first != 0x4E86, // 了
                      ScalarClass.isIdeograph(first) || first == .leftQuote else { continue }
                var scan = begin
                var count = 0
                while let (scalar, next) = cursor.scalar(at: scan), count < 30, isNameScalar(scalar) {
                    scan = next
                    count += 1
                    guard count >= 6, endsWithPolicyWord(begin..<scan) else { continue }
                    let following = cursor.scalar(at: scan)?.value ?? 0x0A
                    if !isNameScalar(following) || conjunctions.contains(following) {
                        let range = begin..<scan
                        if !insideTitle(range), !isGeneric(range) { result.append(policy(range, cursor: cursor, rule: "verb-policy")) }
                        break
                    }
                }
            }
        }
        for verb in ["发布", "印发", "出台", "施行", "出炉"] {
            for start in cursor.occurrences(of: Array(verb.utf8), in: all) where start > 0 {
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
        }
        return result
    }

    private func policy(_ range: Range<Int>, cursor: TextCursor, rule: String) -> Mention {
        let surface = cursor.text(range)
        let core = TitleRecognizer.removingQualifier(surface, qualifiers: patterns.titleQualifiers)
        return Mention(range: range, type: .policy, surface: surface, entityIndex: nil, rule: rule, key: "policy:\(core)")
    }

    // MARK: Declared short forms

    private func addDeclaredAliases(_ mentions: inout [Mention], cursor: TextCursor) {
        let all = 0..<cursor.bytes.count
        var added: [Mention] = []
        for marker in ["以下简称", "下称", "简称"] {
            for start in cursor.occurrences(of: Array(marker.utf8), in: all) {
                // （以下简称“X”） — the opening parenthesis is just before the marker.
                guard let (open, openStart) = cursor.scalar(before: start), open == .leftParenWide || open == .leftParen else { continue }
                var scan = start + marker.utf8.count
                var alias: [UInt32] = []
                var closed = false
                while let (scalar, next) = cursor.scalar(at: scan), alias.count <= 12 {
                    if scalar == .rightParenWide || scalar == .rightParen { closed = true; scan = next; break }
                    if ScalarClass.isIdeograph(scalar) || ScalarClass.isASCIIAlphanumeric(scalar) { alias.append(scalar) }
                    else if !(scalar == .leftQuote || scalar == .rightQuote || scalar == .leftTitle || scalar == .rightTitle
                              || scalar == 0x22 || scalar == 0x201C || scalar == 0xFF1A || scalar == 0x3A) { break }
                    scan = next
                }
                guard closed, alias.count >= 2,
                      let owner = mentions.last(where: { $0.range.upperBound <= openStart && openStart - $0.range.upperBound <= 3 }) else { continue }
                let text = String(String.UnicodeScalarView(alias.compactMap(Unicode.Scalar.init)))
                guard let ownerIndex = mentions.firstIndex(of: owner) else { continue }
                mentions[ownerIndex].extraAliases.append(text)
                // Later uses of the short form name the same entity.
                for use in cursor.occurrences(of: Array(text.utf8), in: scan..<cursor.bytes.count) {
                    let range = use..<(use + text.utf8.count)
                    guard !mentions.contains(where: { $0.range.overlaps(range) }) else { continue }
                    added.append(Mention(range: range, type: owner.type, surface: text, entityIndex: owner.entityIndex,
                                         rule: "declared-alias", key: owner.key))
                }
            }
        }
        mentions += added
    }

    // MARK: Abbreviated titles

    private func resolveShortTitles(_ mentions: inout [Mention]) {
        let policies = mentions.indices.filter { mentions[$0].type == .policy && mentions[$0].rule != "title:short" }
        var resolved: [Int: String] = [:]
        for index in mentions.indices where mentions[index].rule == "title:short" {
            let short = mentions[index].surface
            func core(_ i: Int) -> String { String(mentions[i].key.dropFirst("policy:".count)) }
            let matching = policies.filter { core($0).hasSuffix(short) && core($0) != short }
            let earlier = matching.last { mentions[$0].range.lowerBound < mentions[index].range.lowerBound }
            if let target = earlier ?? matching.first {
                resolved[index] = mentions[target].key
            }
        }
        var unresolved: [Int] = []
        for index in mentions.indices where mentions[index].rule == "title:short" {
            if let key = resolved[index] { mentions[index].key = key } else { unresolved.append(index) }
        }
        // A short title with nothing to stand for names no entity of its own.
        for index in unresolved.reversed() { mentions.remove(at: index) }
    }

    // MARK: Company short names

    private func addCompanyShortNames(_ mentions: inout [Mention], cursor: TextCursor) {
        let legalForms = ["股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "控股集团", "集团", "公司"]
        var added: [Mention] = []
        for mention in mentions where mention.type == .company && mention.rule.hasPrefix("suffix:") {
            var name = mention.extraAliases.first ?? mention.surface
            if let region = mentions.first(where: { $0.type == .region && mention.range.lowerBound == $0.range.lowerBound }) {
                name = String(name.dropFirst(region.surface.count))
            }
            guard let form = legalForms.first(where: { name.hasSuffix($0) }) else { continue }
            var core = String(name.dropLast(form.count))
            if let parenthesis = core.firstIndex(where: { $0 == "（" || $0 == "(" }) { core = String(core[..<parenthesis]) }
            var changed = true
            while changed {
                changed = false
                for word in patterns.genericBodies where word.count >= 2 && core.hasSuffix(word) && core.count - word.count >= 2 {
                    core = String(core.dropLast(word.count))
                    changed = true
                }
            }
            guard core.count >= 2, core != name, !patterns.genericBodies.contains(core) else { continue }
            for use in cursor.occurrences(of: Array(core.utf8), in: 0..<cursor.bytes.count) {
                let range = use..<(use + core.utf8.count)
                guard !mentions.contains(where: { $0.range.overlaps(range) }), !added.contains(where: { $0.range.overlaps(range) }) else { continue }
                added.append(Mention(range: range, type: .company, surface: core, entityIndex: mention.entityIndex,
                                     rule: "short-name", key: mention.key))
            }
        }
        mentions += added
    }
}
