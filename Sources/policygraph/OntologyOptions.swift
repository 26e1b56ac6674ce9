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

/// Reports a decoding warning (a dropped control character, a garbled-looking text) on standard error.
@Sendable func reportInputWarning(_ warning: String) {
    FileHandle.standardError.write(Data("policygraph: warning: \(warning)\n".utf8))
}

/// `--encoding NAME`: the encoding of every input, instead of detecting it per file.
struct EncodingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The inputs' encoding: utf-8, utf-16, gb18030 (also gbk, gb2312) or big5. Detected per file when absent.",
                               valueName: "NAME"))
    var encoding: String?

    func validate() throws {
        if let encoding, SourceEncoding(name: encoding) == nil {
            throw ValidationError("Unknown encoding '\(encoding)'; use utf-8, utf-16, gb18030 (also gbk, gb2312) or big5.")
        }
    }

    var sourceEncoding: SourceEncoding? { encoding.flatMap(SourceEncoding.init(name:)) }
}
