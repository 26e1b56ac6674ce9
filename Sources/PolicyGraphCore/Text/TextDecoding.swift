import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The character encoding a document was read in.
public enum SourceEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16 = "UTF-16"
    case gb18030 = "GB18030"
}

/// A document's text as UTF-8 bytes, with the encoding it came in.
///
/// For UTF-8 files the bytes are the file's own (without a BOM) and
/// ``byteOffsetInFile`` is the BOM's length, so offsets into ``bytes`` plus
/// that value are offsets into the file. For GB18030 and UTF-16 files the
/// bytes are the UTF-8 transcoding and offsets refer to it.
public struct DecodedText: Sendable {
    public var bytes: [UInt8]
    public var encoding: SourceEncoding
    public var byteOffsetInFile: Int
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
            return "\(file):\(line):\(column): the text is neither valid UTF-8 nor GB18030 (first bad byte at offset \(offset)). "
                + "Convert it to UTF-8, for example with `iconv -f ENCODING -t UTF-8 \(file)`."
        case let .notFound(path):
            return "\(path): no such file or folder. Give a text file or a folder of .txt, .md or .html files."
        }
    }
}

/// Turns a file's bytes into UTF-8 text: UTF-8 with or without BOM, UTF-16
/// with BOM, or GB18030/GBK; binary and undecodable input is rejected.
public enum TextDecoding {
    /// Decodes `data`, naming `file` in any error.
    public static func decode(_ data: [UInt8], file: String) throws(DocumentError) -> DecodedText {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(data.dropFirst(3))
            if let bad = firstInvalidUTF8(body) {
                throw undecodable(body, at: bad, file: file, base: 3)
            }
            try rejectBinary(body, file: file, base: 3)
            return DecodedText(bytes: body, encoding: .utf8WithBOM, byteOffsetInFile: 3)
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return DecodedText(bytes: decodeUTF16(data), encoding: .utf16, byteOffsetInFile: 0)
        }
        try rejectBinary(data, file: file, base: 0)
        guard let bad = firstInvalidUTF8(data) else {
            return DecodedText(bytes: data, encoding: .utf8, byteOffsetInFile: 0)
        }
        if let transcoded = transcodeGB18030(data) {
            return DecodedText(bytes: transcoded, encoding: .gb18030, byteOffsetInFile: 0)
        }
        throw undecodable(data, at: bad, file: file, base: 0)
    }

    /// The offset of the first byte that is not valid UTF-8, or `nil`.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = 0
            let count = buffer.count
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 { index += 1; continue }
                let length: Int
                let minimum: UInt32
                switch lead {
                case 0xC2...0xDF: length = 2; minimum = 0x80
                case 0xE0...0xEF: length = 3; minimum = 0x800
                case 0xF0...0xF4: length = 4; minimum = 0x10000
                default: return index
                }
                guard index + length <= count else { return index }
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length {
                    let byte = buffer[index + offset]
                    guard byte & 0xC0 == 0x80 else { return index }
                    value = (value << 6) | UInt32(byte & 0x3F)
                }
                if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return index }
                index += length
            }
            return nil
        }
    }

    private static func rejectBinary(_ data: [UInt8], file: String, base: Int) throws(DocumentError) {
        // Text never holds NUL or most C0 controls; look at the whole file,
        // cheaply, because binary data can follow a text-looking header.
        let offending: Int? = data.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count {
                let byte = buffer[index]
                if byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) { return index }
            }
            return nil
        }
        if let offending { throw .binary(file: file, offset: offending + base) }
    }

    private static func undecodable(_ data: [UInt8], at offset: Int, file: String, base: Int) -> DocumentError {
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

    private static func decodeUTF16(_ data: [UInt8]) -> [UInt8] {
        let bigEndian = data.starts(with: [0xFE, 0xFF])
        var units: [UInt16] = []
        units.reserveCapacity(data.count / 2)
        var index = 2
        while index + 1 < data.count {
            let unit = bigEndian
                ? UInt16(data[index]) << 8 | UInt16(data[index + 1])
                : UInt16(data[index + 1]) << 8 | UInt16(data[index])
            units.append(unit)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Transcodes GB18030 (a superset of GBK and GB2312) to UTF-8 with iconv;
    /// `nil` when the bytes are not valid GB18030.
    static func transcodeGB18030(_ data: [UInt8]) -> [UInt8]? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: data.count * 2 + 16)
        var input = data
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        output.removeSubrange(produced...)
        return output
    }
}
