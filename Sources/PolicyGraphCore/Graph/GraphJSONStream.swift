import Foundation

extension WalkableGraph {
    /// Writes `graph.json` node by node and edge by edge: the same bytes as
    /// ``jsonData()``, without the whole file (or the encoder's tree of it) in memory.
    ///
    /// Each node and edge is encoded on its own (pretty, sorted keys) and
    /// indented to its depth in the file; JSON strings hold no raw line
    /// breaks, so indenting is inserting spaces at the start of each line.
    public func writeJSON(to path: String) throws {
        let file = try StreamedFile(path: path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let empty = try encoder.encode([Int]())
        func array<Value: Encodable>(isEmpty: Bool, _ walk: ((Value) throws -> Void) throws -> Void) throws {
            guard !isEmpty else {
                // An empty array as the encoder writes it, indented.
                try file.write(KnowledgeGraph.indented(empty, by: 2))
                return
            }
            try file.write(Array("[\n".utf8))
            var first = true
            try walk { value in
                if !first { try file.write(Array(",\n".utf8)) }
                first = false
                try file.write(Array("    ".utf8))
                try file.write(KnowledgeGraph.indented(try encoder.encode(value), by: 4))
            }
            try file.write(Array("\n  ]".utf8))
        }
        // Keys in sorted order: edges, format, nodes, version.
        try file.write(Array("{\n  \"edges\" : ".utf8))
        try array(isEmpty: edgeCount == 0) { (write: (Edge) throws -> Void) in try forEachEdge(sentences: true, write) }
        try file.write(Array(",\n  \"format\" : \"policygraph-graph\",\n  \"nodes\" : ".utf8))
        try array(isEmpty: nodes.isEmpty) { (write: (Node) throws -> Void) in for node in nodes.values { try write(node) } }
        try file.write(Array(",\n  \"version\" : 1\n}\n".utf8))
        try file.finish()
    }
}

extension KnowledgeGraph {
    /// `json` with `spaces` spaces after each line break, except on empty lines
    /// (the encoder writes an empty array as `[`, an empty line, `]`).
    static func indented(_ json: Data, by spaces: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(json.count + json.count / 8)
        var previousWasBreak = false
        for byte in json {
            if previousWasBreak, byte != 0x0A { result.append(contentsOf: repeatElement(0x20, count: spaces)) }
            result.append(byte)
            previousWasBreak = byte == 0x0A
        }
        return result
    }
}
