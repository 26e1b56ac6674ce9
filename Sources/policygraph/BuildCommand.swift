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

    @Flag(help: "Also render graph.svg with Graphviz (refused for graphs too large to lay out).")
    var svg = false

    @Option(help: ArgumentHelp("With --svg: stop Graphviz after this many seconds.", valueName: "SECONDS"))
    var svgTimeout: Int = SVGRendering.defaultTimeout

    @OptionGroup var ontologyOptions: OntologyOptions
    @OptionGroup var encodingOptions: EncodingOptions

    func validate() throws {
        if !(1...86_400).contains(svgTimeout) { throw ValidationError("--svg-timeout must be between 1 and 86400 seconds.") }
    }

    func run() throws {
        do {
            try GraphBuild.run(inputs: inputs, output: output, extractor: try ontologyOptions.makeExtractor(),
                               options: GraphBuild.Options(svg: svg, svgTimeout: svgTimeout, encoding: encodingOptions.sourceEncoding))
        } catch let error as ExitCodeError {
            throw ExitCode(error.code)
        } catch let error as BuildFailure {
            FileHandle.standardError.write(Data("policygraph: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }
}
