import Foundation

extension WalkableGraph {
    /// Writes `graph.json` node by node and edge by edge: the same bytes as
    /// ``KnowledgeGraph/jsonData()``, without the whole file (or the encoder's
    /// tree of it) in memory, and without the encoder's cost per value
    /// (``GraphJSONWriter`` writes each node and edge through a ``PrettyJSONWriter``).
    public func writeJSON(to path: String) throws {
        let file = try StreamedFile(path: path)
        var failure: StreamedFileError?
        var json = PrettyJSONWriter { bytes in
            guard failure == nil else { return }
            do throws(StreamedFileError) { try file.write(bytes) } catch { failure = error }
        }
        // Keys in sorted order: edges, format, nodes, version.
        json.beginObject()
        json.key("edges")
        json.beginArray()
        try forEachEdge(sentences: true) { edge in
            GraphJSONWriter.write(edge, to: &json)
            if let failure { throw failure }
        }
        json.endArray()
        json.key("format"); json.string("policygraph-graph")
        json.key("nodes")
        json.beginArray()
        for node in nodes.values { GraphJSONWriter.write(node, to: &json) }
        json.endArray()
        json.key("version"); json.int(1)
        json.endObject()
        json.lineBreak()
        json.finish()
        if let failure { throw failure }
        try file.finish()
    }
}
