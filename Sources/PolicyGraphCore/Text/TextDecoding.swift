import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The character encoding a document was read in.
public enum SourceEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16 = "UTF-16"
    case gb18030 = "GB18030"
    case big5 = "Big5"

    /// The encoding a name stands for (`--encoding`, a charset declaration):
    /// utf-8, utf-16, gb18030 (also gbk, gb2312, cp936), big5 (also cp950, big5-hkscs).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16", "utf-16le", "utf-16be": self = .utf16
        case "gb18030", "gbk", "gb2312", "cp936", "x-gbk", "euc-cn", "gb-2312": self = .gb18030
        case "big5", "big-5", "cp950", "big5-hkscs", "x-x-big5": self = .big5
        default: return nil
        }
    }
}

/// A document's text as UTF-8 bytes, with the encoding it came in.
///
/// For UTF-8 files without dropped characters the bytes are the file's own
/// (without a BOM) and ``byteOffsetInFile`` is the BOM's length, so offsets into
/// ``bytes`` plus that value are offsets into the file. Otherwise (GB18030, Big5
/// and UTF-16 files, or dropped control characters) ``fileMap`` maps offsets
/// into ``bytes`` to offsets into the file's own bytes.
public struct DecodedText: Sendable {
    public var bytes: [UInt8]
    public var encoding: SourceEncoding
    public var byteOffsetInFile: Int
    /// Maps offsets in ``bytes`` to byte offsets in the file, when they differ by more than a BOM.
    public var fileMap: OffsetMap? = nil
    /// What the reader should know (`file:line:column: …`): dropped control
    /// characters, a text that looks garbled in the encoding chosen.
    public var warnings: [String] = []
}

/// Why a file could not be read as text.
public enum DocumentError: Error, Equatable, Sendable {
    case unreadable(file: String, reason: String)
    case binary(file: String, offset: Int)
    case undecodable(file: String, line: Int, column: Int, offset: Int)
    case notFound(path: String)
}

extension DocumentError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .unreadable(file, reason):
            // Reasons from IOErrorMessage end with what to do; the others get the general advice.
            return reason.hasSuffix(".") ? "\(file): cannot read it: \(reason)" : "\(file): cannot read the file (\(reason)). Check that it exists and is readable."
        case let .binary(file, offset):
            return "\(file): this is a binary file, not text (a NUL or control byte at byte \(offset)). "
                + "Give PolicyGraph plain-text, HTML or Markdown files; convert PDFs to text first (for example with pdftotext)."
        case let .undecodable(file, line, column, offset):
            return "\(file):\(line):\(column): the text is neither valid UTF-8 nor GB18030 nor Big5 (first bad byte at offset \(offset)). "
                + "Convert it to UTF-8, for example with `iconv -f ENCODING -t UTF-8 \(file)`, or name its encoding with --encoding."
        case let .notFound(path):
            return "\(path): no such file or folder. Give a text file or a folder of .txt, .md or .html files."
        }
    }
}

/// Turns a file's bytes into UTF-8 text: UTF-8 with or without BOM, UTF-16
/// with BOM, GB18030/GBK or Big5 (told apart by a charset declaration, else by
/// which decoding gives common characters, or named by the caller). NUL bytes
/// and dense control characters make a file binary; a few stray control
/// characters are dropped with a warning naming file:line:column.
public enum TextDecoding {
    /// Above this many control characters, and one in a hundred characters, a file is binary, not text with strays.
    static let maximumStrayControls = 64
    /// Warnings listed one by one before "and N more".
    static let maximumListedWarnings = 5
    /// A GB18030 or Big5 decoding with fewer than this share of its two-byte
    /// characters in the common range (GB2312 level 1, Big5 frequent) looks garbled.
    static let garbledBelow = 0.5

    /// Decodes `data`, naming `file` in any error; `encoding` forces one.
    public static func decode(_ data: [UInt8], file: String, encoding forced: SourceEncoding? = nil) throws(DocumentError) -> DecodedText {
        if let forced {
            var decoded = try decode(data, file: file, as: forced, warnings: [])
            if forced == .gb18030 || forced == .big5 {
                let scores = commonShares(data)
                if let warning = garbledWarning(decoded, share: forced == .gb18030 ? scores.gb : scores.big5, file: file) { decoded.warnings.append(warning) }
            }
            return decoded
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return try decode(data, file: file, as: .utf8WithBOM, warnings: []) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return try decode(data, file: file, as: .utf16, warnings: []) }
        if let nul = firstNUL(data) { throw .binary(file: file, offset: nul) }
        let scan = scanUTF8(data)
        guard let bad = scan.firstInvalid else {
            // Validated just now, and looked for control characters in the same pass: not again.
            var decoded = try decode(data, file: file, as: .utf8, warnings: [], validated: true, strayControls: scan.hasStrayControl)
            if let warning = doublyEncodedWarning(decoded.bytes, file: file) { decoded.warnings.append(warning) }
            return decoded
        }
        var warnings: [String] = []
        let declared = declaredEncoding(data)
        if let declared, declared == .gb18030 || declared == .big5 {
            if let decoded = try? decode(data, file: file, as: declared, warnings: []) { return decoded }
            warnings.append("\(file): declares the charset \(declared.rawValue) but is not valid \(declared.rawValue); reading it by its statistics instead")
        }
        // Big5 bytes are nearly always valid GB18030 too: choose by which gives common characters.
        let gb = try? decode(data, file: file, as: .gb18030, warnings: warnings)
        let big5 = try? decode(data, file: file, as: .big5, warnings: warnings)
        let scores = commonShares(data)
        var chosen: DecodedText
        var share: Double
        switch (gb, big5) {
        case let (gb?, big5?): (chosen, share) = scores.big5 > scores.gb ? (big5, scores.big5) : (gb, scores.gb)
        case let (gb?, nil): (chosen, share) = (gb, scores.gb)
        case let (nil, big5?): (chosen, share) = (big5, scores.big5)
        case (nil, nil): throw undecodable(data, at: bad, file: file)
        }
        if let warning = garbledWarning(chosen, share: share, file: file) { chosen.warnings.append(warning) }
        return chosen
    }

    static func garbledWarning(_ decoded: DecodedText, share: Double, file: String) -> String? {
        guard share < garbledBelow else { return nil }
        return "\(file): decoded as \(decoded.encoding.rawValue), but only \(Int(share * 100))% of its characters are common ones, "
            + "so the text may be garbled. If it is, name the encoding (--encoding gb18030, big5 or utf-16) or convert the file to UTF-8."
    }

    /// Decodes as `encoding`, or throws when the bytes are not valid in it;
    /// `validated` says that `data` is already known to be valid UTF-8 without a
    /// BOM, and `strayControls` (when known) whether it holds a stray control character.
    static func decode(_ data: [UInt8], file: String, as encoding: SourceEncoding, warnings: [String],
                       validated: Bool = false, strayControls: Bool? = nil) throws(DocumentError) -> DecodedText {
        switch encoding {
        case .utf8, .utf8WithBOM:
            let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            if !validated || bom != 0 {
                let body = bom == 0 ? data : Array(data[3...])
                if let bad = firstInvalidUTF8(body) { throw undecodable(body, at: bad, file: file, base: bom) }
            }
            var decoded = try dropControlsFromUTF8(data, from: bom, file: file, known: validated && bom == 0 ? strayControls : nil)
            decoded.encoding = bom == 0 ? .utf8 : .utf8WithBOM
            decoded.warnings = warnings + decoded.warnings
            return decoded
        case .utf16:
            return try transcode(data, file: file, encoding: .utf16, warnings: warnings, next: utf16Scalar)
        case .gb18030, .big5:
            guard let converter = Converter(from: encoding == .gb18030 ? "GB18030" : "BIG5") else {
                throw .unreadable(file: file, reason: "this system cannot convert \(encoding.rawValue) (iconv lacks it); convert the file to UTF-8 first.")
            }
            return try transcode(data, file: file, encoding: encoding, warnings: warnings) { bytes, index in
                converter.scalar(in: bytes, at: index, big5: encoding == .big5)
            }
        }
    }

    // MARK: Control characters

    /// Whether `scalar` is a control character that text does not hold (C0 but
    /// tab, line feed, vertical tab, form feed and carriage return; DEL; C1).
    @inline(__always)
    static func isStrayControl(_ scalar: UInt32) -> Bool {
        (scalar < 0x20 && !(0x09...0x0D).contains(scalar)) || (0x7F...0x9F).contains(scalar)
    }

    /// UTF-8 (validated) without its BOM and stray control characters; the
    /// common case, no control at all, keeps the file's own bytes. `known`
    /// says whether there is a control character when a scan already told
    /// (``scanUTF8(_:)``); otherwise the bytes are looked through here.
    static func dropControlsFromUTF8(_ data: [UInt8], from start: Int, file: String, known: Bool? = nil) throws(DocumentError) -> DecodedText {
        let found: Int? = known.map { $0 ? start : nil } ?? data.withUnsafeBufferPointer { buffer in
            var index = start
            while index < buffer.count {
                let byte = buffer[index]
                if byte < 0x20 && !(0x09...0x0D).contains(byte) || byte == 0x7F { return index }
                if byte == 0xC2, index + 1 < buffer.count, (0x80...0x9F).contains(buffer[index + 1]) { return index }
                index += 1
            }
            return nil
        }
        guard found != nil else {
            return DecodedText(bytes: start == 0 ? data : Array(data[start...]), encoding: .utf8, byteOffsetInFile: start)
        }
        return try transcode(data, file: file, encoding: .utf8, warnings: []) { bytes, index in
            let (value, length) = UTF8Bytes.scalar(in: bytes, at: index)
            return (value, length)
        }
    }

    /// Walks the file scalar by scalar (`next` gives the scalar at an offset and
    /// its length in the file, nil when invalid), writing UTF-8 with a map back to
    /// the file's bytes, dropping stray control characters and the BOM.
    static func transcode(_ data: [UInt8], file: String, encoding: SourceEncoding, warnings: [String],
                          next: (UnsafeBufferPointer<UInt8>, Int) -> (UInt32, Int)?) throws(DocumentError) -> DecodedText {
        var notes = warnings
        let result: Result<(bytes: [UInt8], map: OffsetMap), DocumentError> = data.withUnsafeBufferPointer { buffer in
            var writer = ByteRewriter(input: buffer)
            var index = 0
            if encoding == .utf16, buffer.count >= 2, buffer[0] == 0xFF && buffer[1] == 0xFE || buffer[0] == 0xFE && buffer[1] == 0xFF {
                writer.replace(0..<2, with: [])
                index = 2
            }
            if encoding == .utf8, buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { writer.replace(0..<3, with: []); index = 3 }
            var line = 1, column = 1, dropped = 0, scalars = 0
            var encoded: [UInt8] = []
            while index < buffer.count {
                guard let (scalar, length) = next(buffer, index) else {
                    return .failure(.undecodable(file: file, line: line, column: column, offset: index))
                }
                let range = index..<(index + length)
                scalars += 1
                if scalar == 0 { return .failure(.binary(file: file, offset: index)) }
                if isStrayControl(scalar) {
                    dropped += 1
                    if dropped <= maximumListedWarnings {
                        notes.append("\(file):\(line):\(column): dropped the control character U+\(String(format: "%04X", scalar)) (byte \(index)); "
                            + "the rest of the text is read as it is")
                    }
                    writer.replace(range, with: [])
                } else if encoding == .utf8 || (scalar < 0x80 && length == 1) {
                    writer.copy(range)
                } else {
                    encoded.removeAll(keepingCapacity: true)
                    UTF8Bytes.append(scalar, to: &encoded)
                    writer.replace(range, with: encoded)
                }
                if scalar == 0x0A { line += 1; column = 1 } else { column += 1 }
                index += length
            }
            if dropped > maximumStrayControls, dropped * 100 > scalars {
                return .failure(.binary(file: file, offset: 0))
            }
            if dropped > maximumListedWarnings {
                notes.append("\(file): dropped \(dropped - maximumListedWarnings) more control characters")
            }
            return .success(writer.finish())
        }
        switch result {
        case let .success((bytes, map)):
            return DecodedText(bytes: bytes, encoding: encoding, byteOffsetInFile: 0, fileMap: map, warnings: notes)
        case let .failure(error):
            throw error
        }
    }

    // MARK: UTF-16

    static func utf16Scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        // Big-endian only with its BOM; without one, little-endian (Windows' "Unicode").
        let bigEndian = bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF
        func unit(_ at: Int) -> UInt32? {
            guard at + 1 < bytes.count else { return nil }
            return bigEndian ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        // An odd last byte is dropped as a replacement character.
        guard let first = unit(index) else { return (0xFFFD, bytes.count - index) }
        if (0xD800...0xDBFF).contains(first), let second = unit(index + 2), (0xDC00...0xDFFF).contains(second) {
            return (0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), 4)
        }
        if (0xD800...0xDFFF).contains(first) { return (0xFFFD, 2) }
        return (first, 2)
    }

    // MARK: GB18030 and Big5

    /// One iconv conversion to UTF-32, used a character at a time so that each
    /// character's bytes in the file are known.
    final class Converter {
        private let handle: iconv_t

        init?(from name: String) {
            let handle = iconv_open("UTF-32LE", name)
            guard let handle, handle != iconv_t(bitPattern: -1) else { return nil }
            self.handle = handle
        }

        deinit { iconv_close(handle) }

        /// The scalar at `index` and its length, or nil when the bytes there are not valid.
        func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, big5: Bool) -> (UInt32, Int)? {
            let lead = bytes[index]
            if lead < 0x80 { return (UInt32(lead), 1) }
            guard (0x81...0xFE).contains(lead), index + 1 < bytes.count else { return nil }
            var length = 2
            if !big5, (0x30...0x39).contains(bytes[index + 1]) { length = 4 }
            guard index + length <= bytes.count else { return nil }
            var output: UInt32 = 0
            let converted: Bool = withUnsafeMutableBytes(of: &output) { out in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: bytes.baseAddress! + index)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = length
                var outPointer: UnsafeMutablePointer<CChar>? = out.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = 4
                _ = iconv(handle, nil, nil, nil, nil)
                return iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft) != -1 && inLeft == 0 && outLeft == 0
            }
            guard converted else { return nil }
            return (UInt32(littleEndian: output), length)
        }
    }

    /// The shares of two-byte characters in the common range of each encoding:
    /// GB2312 level 1 (lead B0–D7, trail A1–FE) and Big5 frequent characters (A440–C67E).
    static func commonShares(_ data: [UInt8]) -> (gb: Double, big5: Double) {
        var pairs = 0, gb = 0, big5 = 0
        var index = 0
        while index + 1 < data.count {
            let lead = data[index]
            guard lead >= 0x81 else { index += 1; continue }
            let trail = data[index + 1]
            pairs += 1
            if (0xB0...0xD7).contains(lead), (0xA1...0xFE).contains(trail) { gb += 1 }
            if (0xA4...0xC6).contains(lead), (0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail),
               lead != 0xC6 || trail <= 0x7E { big5 += 1 }
            index += 2
        }
        guard pairs > 0 else { return (1, 1) }
        return (Double(gb) / Double(pairs), Double(big5) / Double(pairs))
    }

    /// The encoding a `charset=` (HTML) or `encoding=` (XML) declaration in the
    /// first 4 KB names, if any.
    static func declaredEncoding(_ data: [UInt8]) -> SourceEncoding? {
        let head = String(decoding: data.prefix(4096).filter { $0 < 0x80 }, as: UTF8.self).lowercased()
        for key in ["charset=", "encoding="] {
            guard let range = head.range(of: key) else { continue }
            let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if let encoding = SourceEncoding(name: String(name)) { return encoding }
        }
        return nil
    }

    /// A warning when valid UTF-8 looks like UTF-8 read as Latin-1 and encoded
    /// again (å·¥ä¸š for 工业): many pairs of a Latin-1 lead letter and a C1 or
    /// Latin-1 continuation.
    static func doublyEncodedWarning(_ bytes: [UInt8], file: String) -> String? {
        // The first 64 KB tell: such damage covers the whole file.
        // A pair needs a C1 or Latin-1 continuation scalar (U+0080…U+00BF), whose lead byte is C2
        // (a byte that never continues a sequence): with fewer than the 8 pairs the warning needs,
        // as in Chinese text whose only such scalar is the odd middle dot, there is nothing to count.
        let enoughC2 = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            let end = min(buffer.count, 65_536)
            var from = 0, found = 0
            while found < 8, from < end, let hit = memchr(base + from, 0xC2, end - from) {
                found += 1
                from = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return found >= 8
        }
        guard enoughC2 else { return nil }
        let (pairs, nonASCII) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int) in
            var pairs = 0, nonASCII = 0
            var previous: UInt32 = 0
            var index = 0
            let end = min(buffer.count, 65_536)
            while index < end {
                // A three-byte sequence (Chinese text) is neither half of a pair: counted and passed over.
                if buffer[index] &- 0xE0 <= 0x0F, index &+ 2 < buffer.count {
                    nonASCII &+= 1
                    previous = 0x800
                    index &+= 3
                    continue
                }
                let (scalar, length) = UTF8Bytes.scalar(in: buffer, at: index)
                if scalar >= 0x80 {
                    nonASCII += 1
                    if (0xC2...0xEF).contains(previous), (0x80...0xBF).contains(scalar) { pairs += 1 }
                }
                previous = scalar
                index += length
            }
            return (pairs, nonASCII)
        }
        guard pairs >= 8, pairs * 4 > nonASCII else { return nil }
        return "\(file): the text looks doubly encoded (UTF-8 read as Latin-1 and saved again: å·¥ä¸š for 工业), so names will not be found. "
            + "Repair it, for example with `iconv -f UTF-8 -t LATIN1 \(file)`."
    }

    // MARK: Helpers

    /// The offset of the first NUL byte, or `nil` (`memchr`: a binary file is told from text at memory speed).
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The offset of the first byte that is not valid UTF-8, or `nil`.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        scanUTF8(bytes).firstInvalid
    }

    /// One pass over `bytes` that finds the first byte that is not valid UTF-8
    /// and tells whether a stray control character (``isStrayControl(_:)``: C0
    /// but tab to carriage return, DEL, C1) comes before it, so that decoding
    /// a UTF-8 file reads its bytes once instead of twice.
    ///
    /// - Complexity: O(n).
    static func scanUTF8(_ bytes: [UInt8]) -> (firstInvalid: Int?, hasStrayControl: Bool) {
        bytes.withUnsafeBufferPointer { buffer -> (Int?, Bool) in
            guard let base = buffer.baseAddress else { return (nil, false) }
            let raw = UnsafeRawPointer(base)
            var index = 0
            let count = buffer.count
            var control = false
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while index < count {
                // Runs of Chinese text: three-byte sequences whose lead (E1…EC, EE, EF) allows
                // no overlong form and no surrogate, their two continuation bytes tested at once.
                // (Wrapping arithmetic: `index` stays below `count`, so no add can overflow.)
                // Two at a time while eight bytes can be read (the six of two sequences tested): both
                // leads E0…EF with their continuation bytes in one mask, then neither lead E0 nor ED.
                while index &+ 8 <= count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    guard word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 else { break }
                    let first = word & 0x0F, second = word & 0x0F00_0000
                    guard first != 0, first != 0x0D, second != 0, second != 0x0D00_0000 else { break }
                    index &+= 6
                }
                while index &+ 2 < count {
                    let lead = base[index]
                    guard lead &- 0xE1 <= 0x0E, lead != 0xED,
                          raw.loadUnaligned(fromByteOffset: index &+ 1, as: UInt16.self) & 0xC0C0 == 0x8080 else { break }
                    index &+= 3
                }
                // Eight ASCII bytes at a time when none is a control character (below 0x20, or DEL):
                // the exact word tests for a byte below 0x20 and for a zero byte.
                while index &+ 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let delete = word ^ (ones &* 0x7F)
                    guard word & highs == 0,
                          ((word &- ones &* 0x20) & ~word | (delete &- ones) & ~delete) & highs == 0 else { break }
                    index &+= 8
                }
                guard index < count else { break }
                let lead = buffer[index]
                if lead < 0x80 {
                    // The run of ASCII bytes here (a line break, a number) is read in this loop,
                    // not byte by byte through the tests of the loops above.
                    repeat {
                        let byte = buffer[index]
                        if byte < 0x20 || byte == 0x7F, byte < 0x09 || byte > 0x0D { control = true }
                        index &+= 1
                    } while index < count && buffer[index] < 0x80
                    continue
                }
                let length: Int
                let minimum: UInt32
                switch lead {
                case 0xC2...0xDF: length = 2; minimum = 0x80
                case 0xE0...0xEF: length = 3; minimum = 0x800
                case 0xF0...0xF4: length = 4; minimum = 0x10000
                default: return (index, control)
                }
                guard index + length <= count else { return (index, control) }
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length {
                    let byte = buffer[index + offset]
                    guard byte & 0xC0 == 0x80 else { return (index, control) }
                    value = (value << 6) | UInt32(byte & 0x3F)
                }
                if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return (index, control) }
                // A C1 control (U+0080…U+009F) is C2 80…C2 9F.
                if value <= 0x9F { control = true }
                index += length
            }
            return (nil, control)
        }
    }

    private static func undecodable(_ data: [UInt8], at offset: Int, file: String, base: Int = 0) -> DocumentError {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where data[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        // Column in scalars of the valid prefix of the line.
        var column = 1
        var index = lineStart
        while index < offset {
            index += UTF8Bytes.sequenceLength(lead: data[index])
            column += 1
        }
        return .undecodable(file: file, line: line, column: column, offset: offset + base)
    }
}
