extension PolicyStore {
    /// How many ids one `IN (…)` list takes, below SQLite's bound on host parameters.
    static let idsPerStatement = 500

    /// Calls `body` for each run of at most ``idsPerStatement`` of `ids`, in order, with the
    /// `?,?,…` placeholders of an `IN (…)` list for that run.
    static func inChunks(_ ids: [String], _ body: (_ chunk: [String], _ placeholders: String) throws -> Void) rethrows {
        for start in stride(from: 0, to: ids.count, by: idsPerStatement) {
            let chunk = Array(ids[start..<min(start + idsPerStatement, ids.count)])
            try body(chunk, Array(repeating: "?", count: chunk.count).joined(separator: ","))
        }
    }
}
