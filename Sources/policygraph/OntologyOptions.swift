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

/// Reads the documents named on the command line, reporting the ones that
/// cannot be read on standard error and going on with the rest.
struct DocumentInputs {
    let paths: [String]

    func read(each body: (SourceDocument) throws -> Void) throws -> Int {
        var failures = 0
        func report(_ error: DocumentError) {
            failures += 1
            FileHandle.standardError.write(Data("policygraph: \(error.localizedDescription)\n".utf8))
        }
        for input in paths {
            let files: [String]
            do { files = try SourceDocument.files(in: [input]) } catch { report(error); continue }
            for path in files {
                do { try body(try SourceDocument(reading: path)) } catch let error as DocumentError { report(error) }
            }
        }
        return failures
    }
}
