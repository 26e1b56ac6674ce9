import ArgumentParser
import Foundation
import PolicyGraphCore

/// `--ontology DIR` and `--user-ontology PATH`: the dictionaries to use.
struct OntologyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A complete folder of dictionaries and patterns to use instead of the bundled Ontology.", valueName: "DIR"))
    var ontology: String?

    @Option(name: .customLong("user-ontology"),
            help: ArgumentHelp("Your own entries (a TSV file such as company-mine.tsv, or a folder of them), layered on the ontology: they add entries, replace entries of the same type and name, and stop-*.tsv lists names that are never entities.",
                               valueName: "PATH"))
    var userOntology: String?

    /// The lexicon of `--ontology DIR` or of the bundled ontology, read from its
    /// compiled form in the cache when that is current (`POLICYGRAPH_CACHE_DIR`).
    func loadBaseLexicon() throws -> Lexicon {
        guard let ontology else { return try Lexicon.bundled() }
        return try Lexicon.load(from: URL(fileURLWithPath: ontology))
    }

    func loadOntology() throws -> Ontology {
        var loaded = try loadBaseLexicon().ontology
        if let userOntology {
            loaded = try loaded.layering(userOntology: URL(fileURLWithPath: userOntology))
            for warning in loaded.duplicateWarnings(under: URL(fileURLWithPath: userOntology)) {
                FileHandle.standardError.write(Data("policygraph: duplicate record: \(warning)\n".utf8))
            }
        }
        return loaded
    }

    func makeExtractor() throws -> Extractor {
        // A user's entries change the names: the lexicon is compiled for them.
        guard userOntology != nil else { return Extractor(lexicon: try loadBaseLexicon()) }
        return Extractor(lexicon: Lexicon(ontology: try loadOntology()))
    }
}

/// Reports an input that cannot be read on standard error.
func reportInputError(_ error: any Error) {
    FileHandle.standardError.write(Data("policygraph: \(error.localizedDescription)\n".utf8))
}

/// Reports a decoding warning (a dropped control character, a garbled-looking text) on standard error.
@Sendable func reportInputWarning(_ warning: String) {
    FileHandle.standardError.write(Data("policygraph: warning: \(warning)\n".utf8))
}
