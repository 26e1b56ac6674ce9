/// The byte-level path of ``KnowledgeGraph/normalize(_:)``.
///
/// Unicode's compatibility normalisation (NFKC) leaves ASCII and the CJK
/// ideographs (U+3400–U+4DBF, U+4E00–U+9FFF) as they are, and none of them
/// joins a neighbour into one character, so for a name made of those and of
/// the stripped marks, normalising is dropping the marks. Anything else
/// (full-width forms, compatibility ideographs, combining marks) takes the
/// NFKC path.
///
/// The marks are compared as Swift characters: "\r\n" in the set's literal
/// is one character, so CR LF is dropped and a lone CR or LF is kept.
enum NameNormalization {
    /// What names are compared without: 《》, quotes, spaces, tabs and CR LF.
    static let stripped: Set<Character> = Set("《》〈〉“”‘’\"'「」『』 \t\r\n\u{3000}")

    /// The stripped characters of three UTF-8 bytes, as scalar values.
    private static func isStripped(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3000, 0x3008, 0x3009, 0x300A, 0x300B, 0x300C, 0x300D, 0x300E, 0x300F, 0x2018, 0x2019, 0x201C, 0x201D: true
        default: false
        }
    }

    /// The normalised name when every character of `bytes` (valid UTF-8) is
    /// one NFKC leaves as is; `nil` when the name needs the NFKC path.
    static func stableForm(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x20, 0x09, 0x22, 0x27: break
                case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                    // CR LF is one character, and the one the stripped set holds (a lone CR or LF is kept).
                    index += 1
                default: output.append(byte)
                }
                index += 1
            } else if byte & 0xF0 == 0xE0, index + 2 < bytes.count {
                let scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                if !isStripped(scalar) {
                    guard (0x3400...0x4DBF).contains(scalar) || (0x4E00...0x9FFF).contains(scalar) else { return nil }
                    output.append(byte)
                    output.append(bytes[index + 1])
                    output.append(bytes[index + 2])
                }
                index += 3
            } else {
                return nil
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
