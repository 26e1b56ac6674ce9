import ArgumentParser
import Foundation
import PolicyGraphCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Read the inputs (default seeds/), build the knowledge graph and write it with the extractions (default Outputs/)."
    )

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write to.", valueName: "DIR"))
    var output: String = "Outputs"

    @Flag(help: "Print no progress (errors still go to standard error).")
    var quiet = false

    @OptionGroup var ontologyOptions: OntologyOptions

    func run() throws {
        do {
            let extractor = try ontologyOptions.makeExtractor()
            try GraphBuild.run(inputs: try inputOptions.collection(for: extractor.lexicon.ontology), output: output,
                               extractor: extractor, quiet: quiet)
        } catch let error as ExitCodeError {
            throw ExitCode(error.code)
        }
    }
}
