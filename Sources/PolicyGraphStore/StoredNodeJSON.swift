import PolicyGraphCore

/// A node's `data` column: the bytes `JSONEncoder` gives for it with
/// `.sortedKeys` and `.withoutEscapingSlashes` (compact, keys sorted, absent
/// optionals left out), appended directly (``NodeJSONFields``, as in
/// `graph.json`) instead of through the encoder's tree of boxed values. Tested
/// against the encoder on every node of the seeds and the dev texts, and on
/// strings of every kind the escaping changes.
///
/// ```swift
/// StoredNodeJSON.bytes(of: node)   // {"aliases":[],"documents":["a.txt"],"id":"company_…",…}
/// ```
enum StoredNodeJSON {
    static func bytes(of node: Node) -> [UInt8] {
        var json = CompactJSONWriter(capacity: 256, escapingSlashes: false)
        NodeJSONFields.node(node, to: &json)
        return json.bytes
    }
}
