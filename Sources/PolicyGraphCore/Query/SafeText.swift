/// Text made safe for the consumer it goes to: a terminal, a spreadsheet, a
/// Markdown page or HTML. Names come from input files and may hold anything.
public enum SafeText {
    /// `text` without terminal control sequences: ESC sequences (CSI, OSC and
    /// two-byte ones) are removed whole, other C0 and C1 controls and DEL are
    /// dropped, and line breaks and tabs become spaces so a table row stays one line.
    public static func forTerminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0.value) }) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return scalars.next()
        }
        while let scalar = next() {
            let value = scalar.value
            if value == 0x1B || value == 0x9B || value == 0x9D {
                // CSI (ESC [ or 0x9B): parameters up to a final byte 0x40–0x7E.
                // OSC (ESC ] or 0x9D): up to BEL or ESC \.
                var kind = value
                if value == 0x1B {
                    guard let introducer = next() else { break }
                    if introducer == "[" { kind = 0x9B } else if introducer == "]" { kind = 0x9D } else { continue }
                }
                if kind == 0x9B {
                    while let inner = next(), !(0x40...0x7E).contains(inner.value) {}
                } else {
                    while let inner = next() {
                        if inner.value == 0x07 || inner.value == 0x9C { break }
                        if inner.value == 0x1B { if let after = next(), after != "\\" { pending = after }; break }
                    }
                }
                continue
            }
            if value == 0x09 || value == 0x0A || value == 0x0D { result.append(" "); continue }
            if isControl(value) { continue }
            result.append(scalar)
        }
        return String(result)
    }

    /// C0 and C1 controls and DEL.
    static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    /// A CSV cell that a spreadsheet will not run as a formula: a cell starting
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
    /// (numbers such as -5 or +3.5% stay as they are).
    public static func forSpreadsheet(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        if first == "-" || first == "+" {
            let rest = cell.unicodeScalars.dropFirst()
            let isNumber = !rest.isEmpty && rest.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "," || $0 == "%" }
                && rest.first.map { ("0"..."9").contains($0) } == true
            if isNumber { return cell }
        }
        return "'" + cell
    }

    /// Text for a Markdown line: HTML is shown, not run (`<`, `>`, `&` as
    /// entities), Markdown marks are escaped and line breaks become spaces.
    public static func forMarkdown(_ text: String) -> String {
        var result = ""
        for scalar in forTerminal(text).unicodeScalars {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\\", "`", "*", "[", "]", "|": result += "\\" + String(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text for HTML element content or a quoted attribute.
    public static func forHTML(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
