import Foundation

/// A problem found while loading an ontology folder.
public struct OntologyIssue: Hashable, Sendable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: String
    public var description: String { "\(location): \(message)" }
}

/// Loading an ontology failed; every problem found is listed.
public enum OntologyError: Error, Sendable {
    case missingFolder(path: String)
    case invalidRecords([OntologyIssue])
    case missingUserOntology(path: String)
    /// The bundled ontology is not beside the program (a binary copied alone).
    case bundleNotFound(lookedIn: [String])
}

extension OntologyError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .missingFolder(path):
            return "\(path): not an ontology folder (it needs entities/ and patterns/). "
                + "Point --ontology at a copy of the Ontology folder, or leave it out to use the bundled one."
        case let .missingUserOntology(path):
            return "\(path): no such file or folder. --user-ontology takes a TSV file or a folder of them "
                + "(format in Ontology/README.md, for example company-mine.tsv)."
        case let .bundleNotFound(places):
            return "the bundled ontology is not installed beside the program (looked in \(places.joined(separator: ", "))); "
                + "install with `make install`, or give a copy of the Ontology folder with --ontology DIR."
        case let .invalidRecords(issues):
            let shown = issues.prefix(50).map { "  \($0)" }.joined(separator: "\n")
            let more = issues.count > 50 ? "\n  … and \(issues.count - 50) more" : ""
            return "the ontology has \(issues.count) invalid record(s); fix them and run again "
                + "(the format is in Ontology/README.md):\n\(shown)\(more)"
        }
    }
}
