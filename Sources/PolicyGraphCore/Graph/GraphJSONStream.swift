import Foundation

extension WalkableGraph {
    /// Writes `graph.json` node by node and edge by edge: the same bytes as
    /// ``KnowledgeGraph/jsonData()``, without the whole file (or the encoder's
    /// tree of it) in memory, and without the encoder's cost per value
    /// (``GraphJSONWriter`` writes each node and edge through a ``PrettyJSONWriter``).
    public func writeJSON(to path: String) throws {
        try writeJSON(to: path) { _, whole in try forEachEdge(sentences: true, whole) }
    }

    /// `graph.json` with the edges `walk` gives: each whole, or a `mentioned_in` edge of one
    /// source as its parts and its sentence's text.
    func writeJSON(to path: String, edges walk: (_ single: (SingleMentionEdge, String?) throws -> Void, _ whole: (Edge) throws -> Void) throws -> Void) throws {
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
        try walk({ mention, sentence in
            GraphJSONWriter.write(mention, sentence: sentence, to: &json)
            if let failure { throw failure }
        }, { edge in
            GraphJSONWriter.write(edge, to: &json)
            if let failure { throw failure }
        })
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

extension BuiltGraph {
    /// Writes `graph.json` as ``WalkableGraph/writeJSON(to:)`` does (the same bytes), its
    /// `mentioned_in` edges of one source written from their parts, without an ``Edge`` made.
    public func writeJSON(to path: String) throws {
        try writeJSON(to: path) { single, whole in
            try forEachEdge(singleMention: { mention in try single(mention, try sentences.text(mention.sentence)) }, whole: whole)
        }
    }
}
