import ArgumentParser
import Foundation
import PolicyGraphCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Read the inputs (default seeds/), build the knowledge graph and write it with the extractions (default Outputs/)."
    )

    @Argument(help: ArgumentHelp("Text, Markdown or HTML files, or folders of them.", valueName: "FILE|DIR"))
    var inputs: [String] = ["seeds"]

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write to.", valueName: "DIR"))
    var output: String = "Outputs"

    @OptionGroup var ontologyOptions: OntologyOptions

    func run() throws {
        do {
            try GraphBuild.run(inputs: inputs, output: output, extractor: try ontologyOptions.makeExtractor())
        } catch let error as ExitCodeError {
            throw ExitCode(error.code)
        }
    }
}
