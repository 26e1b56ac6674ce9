/// Extracts which bodies issued which policies.
///
/// At each issuing verb (印发, 联合印发, 出台, 制定, 颁布, 公布 — from
/// `patterns/issuance.tsv`) the policies are the policy mentions that follow
/// in the sentence, one after another (《A》《B》); the issuers the bodies named
/// just before the verb: a list joined by 、, 和, 与, 及, 联合 or a space, of
/// which only the named ones count in 工业和信息化部等8部门. Rule ids:
/// `issued.verb` (the policy in the verb's clause) and `issued.next-clause`
/// (the policy named in a following clause of the sentence).
struct IssuanceExtractor {
    static let issuerTypes: Set<EntityType> = [.government, .zone, .region, .institution]
    static let joiners: Set<String> = ["、", "和", "与", "及", "联合", " ", "，", ",", "以及"]

    func extract(text: NormalizedText, cursor: TextCursor, segments: TextSegments, mentions: [Mention], markers: [Marker],
                 names: [String: String]) -> [IssuedPair] {
        var pairs: [IssuedPair] = []
        var seen: Set<String> = []
        let starts = SortedStarts(mentions)
        func firstMention(atOrAfter offset: Int) -> Int { starts.firstIndex(atOrAfter: offset) }
        for marker in markers {
            guard case let .issuance(position) = marker.kind, position != .after,
                  let sentenceIndex = segments.sentenceIndex(containing: marker.range.lowerBound) else { continue }
            let sentence = segments.sentences[sentenceIndex]
            // The policies: the first policy after the verb in the sentence, and those right after it.
            var policies: [Mention] = []
            var rule = "issued.verb"
            var index = firstMention(atOrAfter: marker.range.upperBound)
            while index < mentions.count, mentions[index].range.lowerBound < sentence.range.upperBound {
                let mention = mentions[index]
                if mention.type == .policy {
                    let gap = cursor.text(from: (policies.last?.range.upperBound ?? marker.range.upperBound), to: mention.range.lowerBound)
                    if policies.isEmpty {
                        guard gap.unicodeScalars.count <= 8 else {
                            // Named in a later clause: …印发了一份方案，即《…》.
                            if gap.contains("，") || gap.contains(",") { rule = "issued.next-clause" } else { break }
                            policies.append(mention)
                            index += 1
                            continue
                        }
                        policies.append(mention)
                    } else if gap.unicodeScalars.count <= 2, gap.allSatisfy({ "《》、和及与 ".contains($0) }) {
                        policies.append(mention)
                    } else {
                        break
                    }
                } else if !policies.isEmpty {
                    break
                }
                index += 1
            }
            guard !policies.isEmpty else { continue }
            let issuers = self.issuers(before: marker.range.lowerBound, sentence: sentence, cursor: cursor, mentions: mentions,
                                       firstMention: firstMention)
            for issuer in issuers {
                for policy in policies {
                    guard let issuerName = names[issuer.key], let policyName = names[policy.key] else { continue }
                    guard seen.insert("\(issuerName)→\(policyName)").inserted else { continue }
                    pairs.append(IssuedPair(issuer: issuerName, policy: policyName, rule: rule,
                                            sentence: segments.sentenceText(containing: marker.range.lowerBound, cursor: cursor),
                                            issuerOffsets: offsets(issuer.range, text), verbOffsets: offsets(marker.range, text),
                                            policyOffsets: offsets(policy.range, text)))
                }
            }
        }
        return pairs
    }

    /// The bodies listed just before the verb.
    func issuers(before offset: Int, sentence: TextSegments.Sentence, cursor: TextCursor, mentions: [Mention],
                 firstMention: (Int) -> Int) -> [Mention] {
        var index = firstMention(offset) - 1
        var result: [Mention] = []
        var boundary = offset
        // Between the list and the verb: 近日, 日前, 联合, 先后, 等8部门 … but no clause break.
        while index >= 0, mentions[index].range.lowerBound >= sentence.range.lowerBound {
            let mention = mentions[index]
            // A part of a longer name (中国科学院 in 中国科学院…研究院) is not a list item.
            if mention.range.upperBound > boundary { index -= 1; continue }
            let gap = cursor.text(from: mention.range.upperBound, to: boundary)
            if result.isEmpty {
                // Up to 20 characters: 等18个部委今天（1月4日）发布.
                guard gap.unicodeScalars.count <= 20, !gap.contains("，"), !gap.contains(","), !gap.contains("《"), !gap.contains("“") else { break }
                guard Self.issuerTypes.contains(mention.type) else { index -= 1; continue }
            } else {
                guard Self.joiners.contains(gap) || gap.isEmpty, Self.issuerTypes.contains(mention.type) else { break }
            }
            // 等8部门: only the named body before 等 counts, and the walk goes on before it.
            result.insert(mention, at: 0)
            boundary = mention.range.lowerBound
            index -= 1
        }
        return result
    }

    func offsets(_ range: Range<Int>, _ text: NormalizedText) -> [Int] {
        let original = text.originalRange(of: range)
        return [original.lowerBound, original.upperBound]
    }
}
