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

    @Option(help: ArgumentHelp("The publication date (YYYY-MM-DD, YYYY-MM or YYYY) for inputs that state none themselves and have no metadata file entry.", valueName: "DATE"))
    var published: String?

    @OptionGroup var ontologyOptions: OntologyOptions

    func validate() throws {
        if let published, !PublishedDate.isValid(published) {
            throw ValidationError("--published must read YYYY-MM-DD, YYYY-MM or YYYY, not '\(published)'.")
        }
    }

    func run() throws {
        do {
            try GraphBuild.run(inputs: inputs, output: output, extractor: try ontologyOptions.makeExtractor(), published: published)
        } catch let error as ExitCodeError {
            throw ExitCode(error.code)
        }
    }
}
