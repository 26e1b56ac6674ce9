import PolicyGraphCore

/// Finds a web page's article by structure and text density, as readability
/// and trafilatura do (rule `html.main-content`, words in `patterns/page.tsv`):
///
/// 1. Elements that are never the article are marked: tags such as nav,
///    footer and aside, class or id tokens such as sidebar, share or
///    breadcrumb, blocks opened by a heading such as 热点推荐, and lists
///    whose text is mostly links.
/// 2. Every block of prose (text outside links, with commas and full stops)
///    scores for its parent, and half for its grandparent; an article tag or
///    a content class adds a bonus. The best-scoring element is the article.
/// 3. Everything outside the article (except the page's `<h1>` headline) and
///    every marked element inside it is left out, each with its reason.
///
/// ```swift
/// let parts = MainContent(vocabulary: ontology.patterns.page).leftOutParts(of: Array(html.utf8))
/// ```
public struct MainContent: Sendable {
    public let vocabulary: PageVocabulary

    /// Prose under this many bytes (about a dozen Chinese characters) does not
    /// score: captions, buttons and menu entries are shorter.
    static let minimumBlockText = 36
    /// A block whose text is more than this share links is a link list.
    static let linkListShare = 0.5
    /// Bonus, in bytes of prose, for an `<article>`/`<main>` tag or a content class.
    static let contentBonus = 200

    public init(vocabulary: PageVocabulary) { self.vocabulary = vocabulary }

    /// The parts of `bytes` (a UTF-8 web page) that are not its article, in
    /// order; empty when the page has no clear article (it is then read whole).
    public func leftOutParts(of bytes: [UInt8]) -> [LeftOutPart] {
        let tree = HTMLTree(parsing: bytes)
        guard !tree.elements.isEmpty else { return [] }
        let marks = boilerplateMarks(in: tree)
        guard let best = bestCandidate(in: tree, marks: marks) else { return [] }
        let article = widened(best, in: tree, marks: marks)
        var kept: [Range<Int>] = [tree.elements[article].range]
        // The headline often stands above the article's container.
        for (index, element) in tree.elements.enumerated() where element.name == "h1"
            && !isInside(index, article, tree) && !hasMarkedAncestor(index, marks, tree) && marks[index] == nil {
            kept.append(element.range)
        }
        kept.sort { $0.lowerBound < $1.lowerBound }
        var parts: [LeftOutPart] = []
        // Marked elements (the outermost ones), inside or outside the article.
        var coveredUpTo = 0
        for (index, element) in tree.elements.enumerated() {
            guard let reason = marks[index], !hasMarkedAncestor(index, marks, tree), element.range.lowerBound >= coveredUpTo,
                  !element.range.isEmpty else { continue }
            // A marked block outside the article only needs naming when it has text.
            let inside = kept.contains { $0.overlaps(element.range) }
            if !inside, element.text == 0 { continue }
            parts.append(LeftOutPart(range: element.range, reason: reason, excerpt: tree.excerpt(of: index)))
            coveredUpTo = element.range.upperBound
        }
        // The rest of the page outside the article.
        var gaps: [Range<Int>] = []
        var position = 0
        for range in kept {
            if range.lowerBound > position { gaps.append(position..<range.lowerBound) }
            position = max(position, range.upperBound)
        }
        if position < bytes.count { gaps.append(position..<bytes.count) }
        for gap in gaps {
            var start = gap.lowerBound
            for part in parts where part.range.overlaps(gap) && part.range.lowerBound <= start {
                start = max(start, part.range.upperBound)
            }
            let pieces = parts.filter { $0.range.overlaps(gap) }.map(\.range)
            var cursor = start
            for piece in pieces.sorted(by: { $0.lowerBound < $1.lowerBound }) where piece.lowerBound >= cursor {
                if piece.lowerBound > cursor { parts.append(outside(cursor..<piece.lowerBound, bytes)) }
                cursor = piece.upperBound
            }
            if cursor < gap.upperBound { parts.append(outside(cursor..<gap.upperBound, bytes)) }
        }
        // Stretches of markup without text need no naming (they hold nothing to find).
        parts.removeAll { $0.reason == Self.outsideReason && $0.excerpt.isEmpty }
        return parts.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The article's container widened to its parents while what they add
    /// (outside marked boilerplate) is little and not links: the headline,
    /// the date and source line, a standfirst (readability's sibling merge).
    func widened(_ best: Int, in tree: HTMLTree, marks: [Int: String]) -> Int {
        // Text under each element outside marked elements, and in links.
        var plain = tree.elements.map { _ in (text: 0, links: 0) }
        for index in tree.elements.indices.reversed() {
            let element = tree.elements[index]
            if marks[index] != nil { continue }
            let fromChildren = element.children.reduce((text: 0, links: 0)) { ($0.text + plain[$1].text, $0.links + plain[$1].links) }
            let childrenText = element.children.reduce(0) { $0 + tree.elements[$1].text }
            let childrenLinks = element.children.reduce(0) { $0 + tree.elements[$1].linkText }
            plain[index] = (fromChildren.text + element.text - childrenText, fromChildren.links + element.linkText - childrenLinks)
        }
        var current = best
        while let parent = tree.elements[current].parent, !["html", "body"].contains(tree.elements[parent].name), marks[parent] == nil {
            let added = plain[parent].text - plain[current].text
            let addedLinks = plain[parent].links - plain[current].links
            guard added * Self.widenRatio <= plain[current].text, addedLinks * 2 <= max(added, 0) else { break }
            current = parent
        }
        return current
    }

    static let outsideReason = "outside the article"

    /// A parent is taken in while it adds at most a quarter of the article's text.
    static let widenRatio = 4

    private func outside(_ range: Range<Int>, _ bytes: [UInt8]) -> LeftOutPart {
        LeftOutPart(range: range, reason: Self.outsideReason, excerpt: Self.visibleText(bytes[range]))
    }

    /// Why each element is not the article, for the elements that are not.
    func boilerplateMarks(in tree: HTMLTree) -> [Int: String] {
        var marks: [Int: String] = [:]
        let words = vocabulary
        // Boilerplate never holds most of a page's prose: a wrapper whose class
        // happens to say "sidebar" (page-with-sidebar) is not left out whole.
        let pageProse = tree.elements.first.map { $0.text - $0.linkText } ?? 0
        func holdsMostProse(_ element: HTMLTree.Element) -> Bool { (element.text - element.linkText) * 2 > pageProse }
        for (index, element) in tree.elements.enumerated() where !["html", "body"].contains(element.name) {
            if words.boilerplateTags.contains(element.name) { marks[index] = element.name; continue }
            if holdsMostProse(element) { continue }
            if words.contentClasses.contains(where: { element.tokens.contains($0) }) && element.punctuation > 0 { continue }
            if let token = element.tokens.first(where: { token in
                words.boilerplateClassTokens.contains(token) || words.boilerplateClasses.contains { token.hasPrefix($0) }
            }) {
                marks[index] = "class “\(token)”"
                continue
            }
            if ["ul", "ol", "dl", "div", "section", "table", "p", "td"].contains(element.name), element.text > 0,
               Double(element.linkText) / Double(element.text) > Self.linkListShare, element.punctuation < 3 {
                marks[index] = "link list"
                continue
            }
            // A block opened by a heading such as 热点推荐: the block is the heading's
            // nearest container that holds more than the heading.
            if let first = element.firstText, element.children.isEmpty || element.text == first.utf8.count,
               let heading = words.boilerplateHeadings.first(where: { first.hasPrefix($0) }) {
                var container = element.parent
                while let current = container, tree.elements[current].text <= element.text, let parent = tree.elements[current].parent {
                    container = parent
                }
                if let container, !["html", "body"].contains(tree.elements[container].name), !holdsMostProse(tree.elements[container]) {
                    marks[container] = marks[container] ?? "heading “\(heading)”"
                }
            }
        }
        return marks
    }

    /// The element with the most prose under it (readability's scoring).
    func bestCandidate(in tree: HTMLTree, marks: [Int: String]) -> Int? {
        var scores: [Int: Int] = [:]
        for (index, element) in tree.elements.enumerated() where marks[index] == nil && !hasMarkedAncestor(index, marks, tree) {
            // Blocks of prose: elements whose own children hold less of the text than they do.
            guard ["p", "td", "pre", "blockquote", "div", "section", "li", "span", "font"].contains(element.name) else { continue }
            let prose = element.text - element.linkText
            guard prose >= Self.minimumBlockText, element.punctuation > 0 else { continue }
            // Score only the innermost blocks: a block whose text is mostly in child blocks lets them score.
            let inChildren = element.children.reduce(0) { $0 + (["p", "div", "section", "td", "li"].contains(tree.elements[$1].name) ? tree.elements[$1].text : 0) }
            guard inChildren * 2 < element.text else { continue }
            let score = prose + element.punctuation * 30
            if let parent = element.parent {
                scores[parent, default: 0] += score
                if let grandparent = tree.elements[parent].parent { scores[grandparent, default: 0] += score / 2 }
            }
        }
        var best: (index: Int, score: Int)? = nil
        for (index, score) in scores.sorted(by: { $0.key < $1.key }) {
            let element = tree.elements[index]
            var total = score
            if element.name == "article" || element.name == "main" || vocabulary.contentClasses.contains(where: { element.tokens.contains($0) }) {
                total += Self.contentBonus
            }
            // Link-heavy containers are navigation, whatever their size.
            total = total * max(element.text - element.linkText, 0) / max(element.text, 1)
            if best == nil || total > best!.score { best = (index, total) }
        }
        return best?.index
    }

    private func hasMarkedAncestor(_ index: Int, _ marks: [Int: String], _ tree: HTMLTree) -> Bool {
        var current = tree.elements[index].parent
        while let parent = current {
            if marks[parent] != nil { return true }
            current = tree.elements[parent].parent
        }
        return false
    }

    private func isInside(_ index: Int, _ ancestor: Int, _ tree: HTMLTree) -> Bool {
        var current: Int? = index
        while let node = current {
            if node == ancestor { return true }
            current = tree.elements[node].parent
        }
        return false
    }

    /// The text of a stretch of HTML without its tags, shortened (for --explain).
    static func visibleText(_ slice: ArraySlice<UInt8>) -> String {
        var text: [UInt8] = []
        var inTag = false
        for byte in slice {
            if byte == 0x3C { inTag = true } else if byte == 0x3E { inTag = false; text.append(0x20) } else if !inTag { text.append(byte) }
            if text.count > 400 { break }
        }
        let words = String(decoding: text, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 40 ? String(words.prefix(40)) + "…" : words
    }
}
