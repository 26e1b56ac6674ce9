/// An edge as the exports that write no sentence read it (GraphML, GEXF, DOT,
/// CSV): its id, type and ends, its weight (the number of its sources) and the
/// distinct documents of its sources, without a ``Provenance`` per source.
///
/// ```swift
/// try graph.forEachEdgeSummary { edge in
///     print(edge.source, edge.type.rawValue, edge.target, edge.weight, edge.documents(joinedBy: ";"))
/// }
/// ```
public struct EdgeSummary: Sendable {
    public let id: EdgeID
    public let type: EdgeType
    public let source: NodeID
    public let target: NodeID
    /// The number of sources.
    public let weight: Int
    /// The only document, when the sources name one (most edges): no array for it.
    private let onlyDocument: String?
    /// The distinct documents, sorted, when they are not one.
    private let someDocuments: [String]

    /// The summary of `edge`.
    public init(_ edge: Edge) {
        self.init(id: edge.id, type: edge.type, source: edge.source, target: edge.target, weight: edge.sources.count,
                  documents: edge.sources.count == 1 ? [edge.sources[0].document] : edge.sources.map(\.document))
    }

    /// - Parameter documents: the sources' documents, in any order, repeated or not.
    init(id: EdgeID, type: EdgeType, source: NodeID, target: NodeID, weight: Int, documents: [String]) {
        self.id = id
        self.type = type
        self.source = source
        self.target = target
        self.weight = weight
        if documents.count == 1 {
            onlyDocument = documents[0]
            someDocuments = []
        } else {
            onlyDocument = nil
            someDocuments = Array(Set(documents)).sorted()
        }
    }

    /// An edge whose sources all name `document`.
    init(id: EdgeID, type: EdgeType, source: NodeID, target: NodeID, weight: Int, document: String) {
        self.id = id
        self.type = type
        self.source = source
        self.target = target
        self.weight = weight
        onlyDocument = document
        someDocuments = []
    }

    /// The distinct documents of the sources, sorted.
    public var documents: [String] { onlyDocument.map { [$0] } ?? someDocuments }

    /// ``documents`` joined by `separator` (the one document itself when there is one).
    public func documents(joinedBy separator: String) -> String {
        onlyDocument ?? someDocuments.joined(separator: separator)
    }
}
