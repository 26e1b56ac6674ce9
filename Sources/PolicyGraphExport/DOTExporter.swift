import Foundation
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

    /// ``quoted(_:)``'s bytes appended to `buffer`: ids and other plain ASCII copied between
    /// quotes as they are, anything else through ``quoted(_:)``.
    static func appendQuoted(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }) else { return false }
            buffer.append(UInt8(ascii: "\""))
            buffer.append(contentsOf: bytes)
            buffer.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { buffer.append(contentsOf: quoted(text).utf8) }
    }

    public func write(_ graph: some WalkableGraph, to path: String) throws {
        try TemporaryFile.write(to: path) { temporary in
            guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
                throw ExportError.io(path: temporary, reason: "cannot create the file: " + IOErrorMessage.describe(errno: errno))
            }
            defer { try? handle.close() }
            // Lines are appended as bytes and written 64 KiB at a time.
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 17)
            func flushIfFull() throws {
                if buffer.count > 1 << 16 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            func emit(_ line: String) throws {
                buffer.append(contentsOf: line.utf8)
                buffer.append(UInt8(ascii: "\n"))
                try flushIfFull()
            }
            let font = Self.quoted(Self.font)
            try emit("digraph \"policygraph\" {")
            // newrank avoids Graphviz's "trouble in init_rank" with clusters.
            try emit("  graph [fontname=\(font), charset=\"UTF-8\", rankdir=\"LR\", overlap=\"false\"\(clustered ? ", newrank=\"true\"" : "")];")
            try emit("  node [fontname=\(font), style=\"filled\", fontsize=10];")
            try emit("  edge [fontname=\(font), fontsize=8, color=\"#888888\"];")
            let kinds = NodeKind.allCases
            for kind in kinds {
                let members = graph.nodes.values.filter { $0.kind == kind }
                guard !members.isEmpty else { continue }
                if clustered { try emit("  subgraph \(Self.quoted("cluster_\(kind.rawValue)")) {\n    label=\(Self.quoted(kind.rawValue));") }
                let style = Self.styles[kind] ?? ("ellipse", "#cccccc")
                for node in members {
                    try emit("  \(Self.quoted(node.id.rawValue)) [label=\(Self.quoted(node.label)), shape=\(Self.quoted(style.shape)), fillcolor=\(Self.quoted(style.color))];")
                }
                if clustered { try emit("  }") }
            }
            let labels = Dictionary(uniqueKeysWithValues: EdgeType.allCases.map { ($0, Array(Self.quoted($0.rawValue).utf8)) })
            try graph.forEachEdgeSummary { edge in
                // `  "source" -> "target" [label="type", weight=N];`, appended without a String for the line.
                buffer.append(contentsOf: "  ".utf8)
                Self.appendQuoted(edge.source.rawValue, to: &buffer)
                buffer.append(contentsOf: " -> ".utf8)
                Self.appendQuoted(edge.target.rawValue, to: &buffer)
                buffer.append(contentsOf: " [label=".utf8)
                buffer.append(contentsOf: labels[edge.type] ?? Array(Self.quoted(edge.type.rawValue).utf8))
                buffer.append(contentsOf: ", weight=".utf8)
                buffer.append(contentsOf: String(edge.weight).utf8)
                buffer.append(contentsOf: "];\n".utf8)
                try flushIfFull()
            }
            try emit("}")
            try handle.write(contentsOf: buffer)
        }
    }
}

/// Text without the characters XML and DOT consumers reject (C0 controls but tab and line breaks).
enum XMLSafeText {
    static func clean(_ text: String) -> String { XMLWriter.xmlSafe(text) }
}
