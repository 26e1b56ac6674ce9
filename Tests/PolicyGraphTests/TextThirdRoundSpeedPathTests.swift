import Foundation
import Testing
@testable import PolicyGraphCore

/// The third round of speed work on text preparation answers exactly as the code it
/// replaced (kept here as the reference, or the second round's reference reused): on
/// the seeds, the dev texts, generated text (malformed bytes included) and edge rows.
@Suite struct TextThirdRoundSpeedPathTests {
    static var allTexts: [[UInt8]] { TextSecondRoundSpeedPathTests.allTexts + layoutTexts }

    /// Layout that the lanes and the histogram of the median treat apart: lines of
    /// every length around the histogram's bound, many short lines, ASCII words holding
    /// several line feeds, carriage returns and spaces at every byte lane, doubled headlines.
    static let layoutTexts: [[UInt8]] = {
        var texts: [[UInt8]] = []
        let bound = LineJoining.histogramLength
        for length in [bound - 2, bound - 1, bound, bound + 1, 3 * bound] {
            for repeats in 1...3 {
                var text = ""
                for line in 0..<repeats { text += String(repeating: line % 2 == 0 ? "电" : "a", count: length + line) + "\n" }
                texts.append(Array(text.utf8))
                texts.append(Array((text + String(repeating: "池", count: length)).utf8))
            }
        }
        var generator = SplitMix(seed: 0x3D)
        let pieces = ["\n", "\n\n", "\r\n", " ", "a", "1", "电", "池", "é", "😀", "\u{3000}", "，"]
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<Int(generator.next() % 300) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            texts.append(Array(text.utf8))
        }
        for headline in ["动力电池技术新能量足", "车网互动“试水”", "跨境电商出口额增长19.6%", "ab", "中国"] {
            let doubled = headline.map { String($0) + String($0) }.joined()
            texts.append(Array("正文。\n\(headline)\(headline)\n\(doubled)  \n  \(doubled)\r\n末行".utf8))
        }
        return texts
    }()

    // MARK: Median line length: a histogram, ASCII words through byte masks

    @Test func medianLineLengthAnswersAsTheByteLoop() {
        for (index, text) in Self.allTexts.enumerated() {
            let median = text.withUnsafeBufferPointer { LineJoining.medianLineLength($0) }
            #expect(median == TextSecondRoundSpeedPathTests.naiveMedian(text), "text \(index)")
        }
    }

    // MARK: Layout doubling: lines whose bytes do not cancel are passed over

    @Test func doublingRemovalAnswersAsBefore() {
        for (index, text) in Self.allTexts.enumerated() {
            let new = LayoutDoubling.remove(from: text)
            let old = Self.removeDoubling(text)
            #expect(new.bytes == old.bytes, "text \(index)")
            #expect(new.map == old.map, "text \(index)")
        }
    }

    @Test(arguments: [
        ("动力电池动力电池", true),       // a doubled line cancels
        ("动动力力电电池池", true),
        ("abab", true),
        ("abcd", false),
        ("动力电池技术新能", false),       // an ordinary line does not
    ]) func bytesCancel(text: String, cancels: Bool) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { LayoutDoubling.bytesCancel($0, 0..<bytes.count) } == cancels)
    }

    // MARK: Publication-date labels at the start of a cell: one pass for all

    @Test func cellLabelsAnswerAsOneSearchPerLabel() {
        let rules = sharedExtractor.publicationRules
        var found = 0
        let extra: [[UInt8]] = ["发布时间：2025-01-20", "　时间：2024年3月5日", "|发布日期|2023-07-18", "时间表 2025-01-01\n时间 2025-02-02",
                                "发布日期发布日期：2021-02-03", "x时间：2025-01-20\n>日期 2025-01-21"].map { Array($0.utf8) }
        for (index, text) in (Self.allTexts + extra).enumerated() {
            let head = text[0..<min(text.count, PublicationDateRules.headLength)]
            let cells = rules.cellLabels.occurrences(in: head)
            for (list, role, source, maxGap) in [(0, PublicationVocabulary.Role.table, PublishedSource.table, 120), (1, .line, .line, 40)] {
                let new = rules.cellLabelled(head, list: list, cells: cells, source: source, maxGap: maxGap)
                let old = Self.labelledAtCellStart(head, labels: rules.vocabulary.labels(role), source: source, maxGap: maxGap)
                #expect(new == old, "text \(index), role \(role)")
                if new != nil { found += 1 }
            }
            // Every place: where each label stands at the start of a cell, in order.
            for (which, label) in rules.cellLabels.labels.enumerated() {
                var places: [Int] = []
                var from = head.startIndex
                while let at = DateScan.find(label, in: head, from: from, caseInsensitive: false) {
                    from = at + 1
                    if DateScan.startsCell(head, at: at) { places.append(at) }
                }
                #expect(cells[which] == places, "text \(index), label \(which)")
            }
        }
        #expect(found > 10)
    }

    @Test func cellLabelsKeepEachLabelOnceInTheListsOrder() {
        let labels = CellLabels([[Array("发布日期".utf8), Array("成文日期".utf8)], [Array("时间".utf8), [], Array("发布日期".utf8)]])
        #expect(labels.labels.count == 3)
        #expect(labels.lists == [[0, 1], [2, nil, 0]])
    }

    // MARK: Listing a folder through readdir and lstat

    @Test func listingAnswersAsTheEnumerator() throws {
        let root = try scratchFolder("third-round-listing")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        for folder in ["a/b/c", "a/.hidden/d", ".git/objects", "文件夹/子", "e"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for (file, text) in [("a/b/c/1.txt", "国务院"), ("a/b/2.md", "x"), ("a/.hidden/d/3.txt", "y"), (".git/objects/4.txt", "z"),
                             ("文件夹/子/新闻 5.html", "<p>a</p>"), ("e/.dot.txt", "w"), ("e/empty.txt", ""), ("e/photo.png", "p"),
                             ("e/noext", "text"), ("e/metadata.tsv", "file\tpublished\n"), ("top.txt", "t")] {
            try Data(text.utf8).write(to: root.appendingPathComponent(file))
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("a/up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("e/linked.txt").path, withDestinationPath: "../top.txt")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("e/dangling.txt").path, withDestinationPath: "missing.txt")
        let listing = try InputListing(root: root.path)
        let reference = Self.enumeratorListing(root.path)
        #expect(listing.files.map(\.id) == reference.files)
        #expect(listing.files.count == 7)
        for reason in [SkipReason.hidden, .linkedFolder] {
            #expect(listing.skipped[reason] == reference.skipped[reason], "\(reason)")
        }
        #expect(listing.skipped[.hidden]?.count == 3)
        #expect(listing.skipped[.empty]?.count == 1)
    }

    // MARK: Sentence texts: runs of ideographs counted at once

    @Test func simpleTextAnswersAsTheScalarLoop() {
        for (index, text) in Self.allTexts.enumerated() {
            text.withUnsafeBufferPointer { buffer in
                var ranges = TextSegments(buffer).sentences.map(\.range)
                ranges.append(0..<buffer.count)
                for range in ranges {
                    for limit in [1, 2, 3, 5, 8, 200, Int.max] {
                        #expect(UTF8Trimming.simpleText(buffer, in: range, limit: limit)
                                == Self.simpleTextBefore(buffer, in: range, limit: limit), "text \(index), \(range), limit \(limit)")
                    }
                }
            }
        }
    }

    // MARK: Path names on bytes

    @Test(arguments: [
        "/srv/news/doc-000001.txt", "doc.txt", "./doc.txt", "a/b/c.md", "/c.txt", "文件/新闻 1.html", "a/b/", "a//b.txt",
        "/", "", "..", "a/..", ".hidden", "dir/.hidden", "//x",   // ("./" traps in NSString.deletingLastPathComponent)
    ]) func pathNamesAnswerAsNSString(path: String) {
        #expect(PathNames.lastComponent(path) == (path as NSString).lastPathComponent)
        #expect(PathNames.folder(path) == (path as NSString).deletingLastPathComponent)
    }
}

/// The code the third round replaced, kept as the reference.
extension TextThirdRoundSpeedPathTests {
    /// `UTF8Trimming.simpleText` before runs of ideographs were taken at once.
    static func simpleTextBefore(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, limit: Int) -> Range<Int>? {
        var index = range.lowerBound
        var start = -1
        var count = 0                 // scalars since `start`
        var lastEnd = range.lowerBound // end of the last scalar that is not white space
        var countAtLast = 0
        var limitEnd = -1             // end of the `limit`-th scalar after `start`
        while index < range.upperBound {
            // Ideographs U+4000…U+9FFF (leads E4…E9), most of news text: well formed when
            // both bytes after the lead continue it, each its own grapheme, never white space.
            let lead = bytes[index]
            if lead >= 0xE4, lead <= 0xE9, start >= 0, index + 2 < range.upperBound,
               UTF8Bytes.isContinuation(bytes[index + 1]), UTF8Bytes.isContinuation(bytes[index + 2]) {
                count += 1
                index += 3
                if count == limit { limitEnd = index }
                if count > limit { return start..<limitEnd }
                lastEnd = index
                countAtLast = count
                continue
            }
            guard let (scalar, length) = UTF8Trimming.strictScalar(in: bytes, at: index, end: range.upperBound), UTF8Trimming.isSingleGrapheme(scalar) else { return nil }
            let space = UTF8Trimming.isWhitespaceOrNewline(scalar)
            if start < 0 {
                if space { index += length; continue }
                start = index
            }
            count += 1
            index += length
            if count == limit { limitEnd = index }
            if !space {
                // A character past the limit that is no white space: the text is cut at the limit
                // whatever follows (this scalar is a grapheme of its own, so the limit-th ends a character).
                if count > limit { return start..<limitEnd }
                lastEnd = index
                countAtLast = count
            }
        }
        guard start >= 0 else { return range.lowerBound..<range.lowerBound }
        return countAtLast <= limit ? start..<lastEnd : start..<limitEnd
    }

    /// `LayoutDoubling.remove` before the cancelling test.
    static func removeDoubling(_ input: [UInt8]) -> (bytes: [UInt8], map: OffsetMap) {
        input.withUnsafeBufferPointer { buffer in
            var writer = ByteRewriter(input: buffer)
            var copiedUpTo = 0
            var lineStart = 0
            let count = buffer.count
            while lineStart < count {
                var lineEnd = lineStart
                while lineEnd < count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
                var contentEnd = lineEnd
                while contentEnd > lineStart, buffer[contentEnd - 1] == 0x20 || buffer[contentEnd - 1] == 0x0D
                    || buffer[contentEnd - 1] == 0x09 { contentEnd -= 1 }
                var contentStart = lineStart
                while contentStart < contentEnd, buffer[contentStart] == 0x20 || buffer[contentStart] == 0x09 {
                    contentStart += 1
                }
                let length = contentEnd - contentStart
                if length >= 8, length <= LayoutDoubling.maximumLineLength,
                   let units = LayoutDoubling.pairedUnits(buffer, contentStart..<contentEnd) {
                    var kept: [UInt8] = []
                    for unit in units { kept.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[unit])) }
                    if LayoutDoubling.ideographCount(kept) >= 2 {
                        writer.copy(copiedUpTo..<contentStart)
                        writer.replace(contentStart..<contentEnd, with: kept)
                        copiedUpTo = contentEnd
                    }
                }
                lineStart = lineEnd + 1
            }
            writer.copy(copiedUpTo..<count)
            return writer.finish()
        }
    }

    /// The listing of a folder as `FileManager`'s enumerator gave it: the files' relative
    /// paths in byte order, and the hidden entries and links to folders in the order met.
    static func enumeratorListing(_ root: String) -> (files: [String], skipped: [SkipReason: [String]]) {
        var skipped: [SkipReason: [String]] = [:]
        var found: [(relative: String, size: Int)] = []
        let enumerator = FileManager.default.enumerator(atPath: root)!
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let attributes = enumerator.fileAttributes ?? [:]
            let type = attributes[.type] as? FileAttributeType
            if name.hasPrefix(".") {
                if type == .typeDirectory { enumerator.skipDescendants() }
                skipped[.hidden, default: []].append(root + "/" + relative)
                continue
            }
            guard type != .typeDirectory else { continue }
            if type == .typeSymbolicLink {
                var target: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &target), target.boolValue {
                    skipped[.linkedFolder, default: []].append(root + "/" + relative)
                    continue
                }
            }
            found.append((relative, (attributes[.size] as? NSNumber)?.intValue ?? 0))
        }
        found.sort { Array($0.relative.utf8).lexicographicallyPrecedes(Array($1.relative.utf8)) }
        let files = found.filter { file in
            let name = (file.relative as NSString).lastPathComponent
            let pathExtension = (name as NSString).pathExtension.lowercased()
            return !InputListing.metadataNames.contains(name.lowercased()) && file.size > 0
                && (pathExtension.isEmpty || InputListing.documentExtensions.contains(pathExtension))
        }
        return (files.map(\.relative), skipped)
    }

    /// `PublicationDateRules.labelled` for the roles read at the start of a cell: each
    /// label searched on its own, its places tested one by one.
    static func labelledAtCellStart(_ bytes: ArraySlice<UInt8>, labels: [[UInt8]], source: PublishedSource,
                                    maxGap: Int) -> PublicationDateFinding? {
        for label in labels {
            var from = bytes.startIndex
            while let at = DateScan.find(label, in: bytes, from: from, caseInsensitive: false) {
                from = at + 1
                if !DateScan.startsCell(bytes, at: at) { continue }
                let afterLabel = at + label.count
                guard afterLabel < bytes.endIndex, DateScan.isSeparator(bytes, at: afterLabel) else { continue }
                if let found = DateScan.dateAfter(bytes, from: afterLabel, maxGap: maxGap, units: DateScan.Units(sharedExtractor.lexicon.ontology.patterns.publication)) { return found.with(source) }
            }
        }
        return nil
    }
}
