import PolicyGraphCore

/// Writes a graph for Graphviz: every id quoted, labels escaped, UTF-8
/// without BOM, a CJK font named on graph, nodes and edges, shapes and colours
/// by kind, targets labelled with their time; optionally clustered by kind.
public struct DOTExporter: Sendable {
    public var clustered: Bool
    public static let font = "Noto Sans CJK SC"

    public init(clustered: Bool = false) { self.clustered = clustered }

    static let styles: [NodeKind: (shape: String, color: String)] = [
        .government: ("box", "#4e79a7"), .company: ("ellipse", "#f28e2b"), .institution: ("box", "#76b7b2"),
        .policy: ("note", "#edc948"), .zone: ("hexagon", "#59a14f"), .region: ("house", "#8cd17d"),
        .person: ("oval", "#b07aa1"), .technology: ("diamond", "#ff9da7"), .target: ("component", "#e15759"),
        .document: ("folder", "#bab0ac"),
    ]

    /// `text` as a DOT quoted string: backslashes, quotes and line breaks escaped.
    public static func quoted(_ text: String) -> String {
        // Ids, types and plain ASCII names (printable, without \\ and "): nothing to escape or drop.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in XMLSafeText.clean(text).unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// ``quoted(_:)``'s bytes appended to `buffer`: a name with no byte that the escaping or the
    /// cleaning looks at (a control character, `"`, `\\`, or 0xEF, the lead byte of U+FFFE and
    /// U+FFFF) is copied between quotes as it is, CJK included; any other goes through ``quoted(_:)``.
    static func appendQuoted(_ text: String, to buffer: inout ByteBuffer) {
        var text = text
        let plain = text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xEF { return false }
            buffer.append(0x22)
            buffer.append(bytes)
            buffer.append(0x22)
            return true
        }
        if !plain { buffer.appendUTF8(quoted(text)) }
    }

    public func write(_ graph: some WalkableGraph, to path: String) throws {
        // Lines are appended as bytes and handed to the file 64 KiB at a time.
        var buffer = ByteBuffer(file: try StreamedFile(path: path))
        let font = Self.quoted(Self.font)
        buffer.append("digraph \"policygraph\" {\n")
        // newrank avoids Graphviz's "trouble in init_rank" with clusters.
        buffer.appendUTF8("  graph [fontname=\(font), charset=\"UTF-8\", rankdir=\"LR\", overlap=\"false\"\(clustered ? ", newrank=\"true\"" : "")];\n")
        buffer.appendUTF8("  node [fontname=\(font), style=\"filled\", fontsize=10];\n")
        buffer.appendUTF8("  edge [fontname=\(font), fontsize=8, color=\"#888888\"];\n")
        let nodes = graph.nodes.values
        for kind in NodeKind.allCases where nodes.contains(where: { $0.kind == kind }) {
            if clustered { buffer.appendUTF8("  subgraph \(Self.quoted("cluster_\(kind.rawValue)")) {\n    label=\(Self.quoted(kind.rawValue));\n") }
            let style = Self.styles[kind] ?? ("ellipse", "#cccccc")
            let rest = ", shape=\(Self.quoted(style.shape)), fillcolor=\(Self.quoted(style.color))];\n"
            for node in nodes where node.kind == kind {
                // `  "id" [label="label", shape="…", fillcolor="…"];`
                buffer.append("  ")
                Self.appendQuoted(node.id.rawValue, to: &buffer)
                buffer.append(" [label=")
                Self.appendQuoted(node.label, to: &buffer)
                buffer.appendUTF8(rest)
                try buffer.handOverIfFull()
            }
            if clustered { buffer.append("  }\n") }
        }
        try graph.forEachEdgeSummary { edge in
            // `  "source" -> "target" [label="type", weight=N];`
            buffer.append("  ")
            Self.appendQuoted(edge.source.rawValue, to: &buffer)
            buffer.append(" -> ")
            Self.appendQuoted(edge.target.rawValue, to: &buffer)
            buffer.append(" [label=")
            Self.appendQuoted(edge.type.rawValue, to: &buffer)
            buffer.append(", weight=")
            buffer.appendDecimal(edge.weight)
            buffer.append("];\n")
            try buffer.handOverIfFull()
        }
        buffer.append("}\n")
        try buffer.finish()
    }
}

/// Text without the characters XML and DOT consumers reject (C0 controls but tab and line breaks).
enum XMLSafeText {
    static func clean(_ text: String) -> String { XMLWriter.xmlSafe(text) }
}
