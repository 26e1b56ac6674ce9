import ArgumentParser
import Foundation
import PolicyGraphCore
import PolicyGraphStore

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

    @Option(help: ArgumentHelp("The store to write (default: policygraph.sqlite in the output folder).", valueName: "PATH"))
    var store: String?

    @OptionGroup var coMentions: CoMentionOption

    func run() throws {
        do {
            try GraphBuild.run(inputs: inputs, output: output, extractor: try ontologyOptions.makeExtractor(), store: store,
                               settings: .init(coMentions: coMentions.coMentions))
        } catch let error as ExitCodeError {
            throw ExitCode(error.code)
        }
    }
}
