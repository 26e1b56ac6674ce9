/// A document's text after normalisation, with the maps back to the original.
///
/// ``bytes`` is what the recognisers scan. ``originalRange(of:)`` turns a byte
/// range of it into the byte range of the original file that it came from,
/// through every pass (markup, folding, doublings, line joining).
public struct NormalizedText: Sendable {
    /// The normalised UTF-8 bytes.
    public let bytes: [UInt8]
    /// One map per pass, first pass first.
    let maps: [OffsetMap]
    /// Added to offsets to make them offsets into the file (a BOM's length).
    let fileOffset: Int
    /// How many of the first ``maps`` lead from the decoded text back to the
    /// file's own bytes (1 for a transcoded file, else 0).
    let fileMapCount: Int
    /// Whether folding read the decoded text itself (no pass before it) and changed none of
    /// it: then every byte of the decoded text is in its own script, and
    /// ``OriginalScript/restore(_:text:original:folding:)`` has nothing to restore.
    var foldingChangedNothing = false

    init(bytes: [UInt8], maps: [OffsetMap], fileOffset: Int, fileMapCount: Int = 0) {
        self.bytes = bytes
        self.maps = maps
        self.fileOffset = fileOffset
        self.fileMapCount = fileMapCount
    }

    /// Text that needed no normalisation.
    public init(unchanged bytes: [UInt8]) {
        self.init(bytes: bytes, maps: [], fileOffset: 0)
    }

    /// The normalised text as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text of a byte range of the normalised bytes.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The byte range in the original file that `range` of ``bytes`` came from.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        let decoded = map(range, through: maps[...])
        return (decoded.lowerBound + fileOffset)..<(decoded.upperBound + fileOffset)
    }

    /// The byte range of the decoded UTF-8 text (before normalisation, after any
    /// transcoding from GB18030, Big5 or UTF-16) that `range` of ``bytes`` came from.
    public func decodedRange(of range: Range<Int>) -> Range<Int> {
        map(range, through: maps[min(fileMapCount, maps.count)...])
    }

    private func map(_ range: Range<Int>, through passes: ArraySlice<OffsetMap>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        for map in passes.reversed() {
            let mappedStart = map.inputOffset(ofStart: start)
            let mappedEnd = range.isEmpty ? mappedStart : map.inputOffset(ofEnd: end)
            start = mappedStart
            end = max(mappedStart, mappedEnd)
        }
        return start..<end
    }
}

/// Normalises a document's text before recognition: strips markup, folds
/// full-width forms and traditional characters, removes layout doublings of
/// headlines, joins broken lines and tidies spaces in numbers and dates.
public struct TextNormalizer: Sendable {
    public let folding: CharacterFolding
    /// The characters that continue a number after a line break (`patterns/line-joining.tsv`).
    public let numberUnits: Set<UInt32>

    public init(folding: CharacterFolding, numberUnits: Set<UInt32>) {
        self.folding = folding
        self.numberUnits = numberUnits
    }

    /// Normalises decoded text; `markup` says which stripper runs first and
    /// `leftOut` names the parts that are not the article (left out first).
    public func normalize(_ text: DecodedText, markup: MarkupKind = .plain, leftOut: [LeftOutPart] = []) -> NormalizedText {
        var bytes = text.bytes
        // A transcoded text maps back to the file's own bytes first.
        var maps: [OffsetMap] = text.fileMap.map { [$0] } ?? []
        func run(_ pass: ([UInt8]) -> (bytes: [UInt8], map: OffsetMap)) {
            let result = pass(bytes)
            bytes = result.bytes
            maps.append(result.map)
        }
        if !leftOut.isEmpty { run { ContentSelection.apply($0, leaving: leftOut) } }
        switch markup {
        case .html: run(HTMLStripping.strip)
        case .markdown:
            run(HTMLStripping.strip)
            run(MarkdownStripping.strip)
        case .plain: break
        }
        // Folding reads the decoded text itself when no pass came before it (plain text, nothing
        // left out): then it counts the lines for the joiner's median on the way (the decoded text
        // is valid UTF-8, which the count needs), and whether it changed nothing is worth knowing.
        let foldsDecoded = maps.count == (text.fileMap == nil ? 0 : 1)
        var lineLengths = LineLengths()
        run { folding.fold($0, lineLengths: &lineLengths) }
        let unfolded = foldsDecoded && maps[maps.count - 1].isIdentity
        run { LayoutDoubling.remove(from: $0, adjusting: &lineLengths) }
        let median = markup == .plain && foldsDecoded ? lineLengths.median : nil
        run { LineJoining.join($0, layoutBreaks: markup == .plain, medianLineLength: median, numberUnits: numberUnits) }
        var normalized = NormalizedText(bytes: bytes, maps: maps, fileOffset: text.byteOffsetInFile, fileMapCount: text.fileMap == nil ? 0 : 1)
        normalized.foldingChangedNothing = unfolded
        return normalized
    }

    /// Normalises a string (for tests and the dictionary).
    public func normalize(_ string: String, markup: MarkupKind = .plain) -> NormalizedText {
        normalize(DecodedText(bytes: Array(string.utf8), encoding: .utf8, byteOffsetInFile: 0), markup: markup)
    }
}
