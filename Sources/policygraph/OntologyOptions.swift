import ArgumentParser
import Foundation
import PolicyGraphCore

/// `--ontology DIR`: the dictionaries to use instead of the bundled ones.
struct OntologyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder of dictionaries and patterns to use instead of the bundled Ontology.", valueName: "DIR"))
    var ontology: String?

    func makeExtractor() throws -> Extractor {
        if let ontology {
            return Extractor(lexicon: Lexicon(ontology: try Ontology.load(from: URL(fileURLWithPath: ontology))))
        }
        return try Extractor()
    }
}

/// Reports an input that cannot be read on standard error.
func reportInputError(_ error: any Error) {
    FileHandle.standardError.write(Data("policygraph: \(error.localizedDescription)\n".utf8))
}
