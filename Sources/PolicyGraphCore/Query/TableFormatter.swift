/// Renders rows as an aligned text table, as CSV (RFC 4180) or as JSON-ready
/// dictionaries. Columns are aligned by display width: East Asian wide and
/// full-width characters count as two columns.
public struct Table: Sendable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The display width of `text` in a terminal.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1.value) }
    }

    static func width(of u: UInt32) -> Int {
        if u == 0 || (0x0300...0x036F).contains(u) || (0x200B...0x200F).contains(u) { return 0 }
        if (0x1100...0x115F).contains(u) || (0x2E80...0x303E).contains(u) || (0x3041...0x33FF).contains(u)
            || (0x3400...0x4DBF).contains(u) || (0x4E00...0x9FFF).contains(u) || (0xA000...0xA4CF).contains(u)
            || (0xAC00...0xD7A3).contains(u) || (0xF900...0xFAFF).contains(u) || (0xFE30...0xFE4F).contains(u)
            || (0xFF00...0xFF60).contains(u) || (0xFFE0...0xFFE6).contains(u) || (0x1F300...0x1F64F).contains(u)
            || (0x1F900...0x1F9FF).contains(u) || (0x20000...0x3FFFD).contains(u) {
            return 2
        }
        return 1
    }

    /// Aligned columns separated by two spaces, with a rule under the header.
    /// Cells are shown without terminal control sequences (``SafeText/forTerminal(_:)``).
    public func text() -> String {
        let columns = self.columns.map(SafeText.forTerminal)
        let rows = self.rows.map { $0.map(SafeText.forTerminal) }
        var widths = columns.map(Self.displayWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], Self.displayWidth(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let padding = index == cells.count - 1 ? 0 : widths[index] - Self.displayWidth(cell)
                parts.append(cell + String(repeating: " ", count: max(0, padding)))
            }
            return parts.joined(separator: "  ")
        }
        var output = line(columns) + "\n"
        output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { output += line(row) + "\n" }
        return output
    }

    /// CSV with a header; cells quoted when they hold a comma, quote or line
    /// break, and kept from running as spreadsheet formulas (``SafeText/forSpreadsheet(_:)``).
    public func csv() -> String {
        ([columns] + rows).map(Self.csvLine).joined(separator: "\n") + "\n"
    }

    /// One CSV line (without its line break), quoted as ``csv()`` quotes: for writers that stream rows.
    public static func csvLine(_ cells: [String]) -> String {
        func quote(_ raw: String) -> String {
            let cell = SafeText.forSpreadsheet(raw)
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cells.map(quote).joined(separator: ",")
    }

    /// One dictionary per row, keyed by column.
    public func records() -> [[String: String]] {
        rows.map { row in Dictionary(uniqueKeysWithValues: zip(columns, row)) }
    }
}

import Foundation
