import ArgumentParser
import Foundation
import PolicyGraphCore
import PolicyGraphStore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Read the inputs (default seeds/), build the knowledge graph and write it with the extractions (default Outputs/)."
    )

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write to.", valueName: "DIR"))
    var output: String = "Outputs"

    @Option(help: ArgumentHelp("The publication date (YYYY-MM-DD, YYYY-MM or YYYY) for inputs that state none themselves and have no metadata file entry.", valueName: "DATE"))
    var published: String?

    @Flag(help: "Also render graph.svg with Graphviz (refused for graphs too large to lay out).")
    var svg = false

    @Option(help: ArgumentHelp("With --svg: stop Graphviz after this many seconds.", valueName: "SECONDS"))
    var svgTimeout: Int = SVGRendering.defaultTimeout

    @Flag(help: "Print no progress (errors still go to standard error).")
    var quiet = false

    @OptionGroup var ontologyOptions: OntologyOptions

    @Option(help: ArgumentHelp("The store to write (default: policygraph.sqlite in the output folder).", valueName: "PATH"))
    var store: String?

    @OptionGroup var coMentions: CoMentionOption

    @Option(help: ArgumentHelp("Documents extracted at once, on as many threads (default: the cores available). The outputs are the same bytes whatever the number.",
                               valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if let published, !PublishedDate.isValid(published) {
            throw ValidationError("--published must read YYYY-MM-DD, YYYY-MM or YYYY, not '\(published)'.")
        }
        if !(1...86_400).contains(svgTimeout) { throw ValidationError("--svg-timeout must be between 1 and 86400 seconds.") }
        if let jobs, !(1...Self.maximumJobs).contains(jobs) { throw ValidationError("--jobs must be between 1 and \(Self.maximumJobs), not \(jobs).") }
    }

    /// More threads than this only hold more documents in memory.
    static let maximumJobs = 256

    func run() throws {
        do {
            let extractor = try ontologyOptions.makeExtractor()
            try GraphBuild.run(inputs: try inputOptions.collection(for: extractor.lexicon.ontology), output: output, extractor: extractor,
                               options: GraphBuild.Options(svg: svg, svgTimeout: svgTimeout, quiet: quiet, store: store,
                                                           settings: .init(coMentions: coMentions.coMentions),
                                                           published: published, jobs: jobs ?? OrderedWorkers.defaultJobs))
        } catch let error as ExitCodeError {
            throw ExitCode(error.code)
        } catch let error as BuildFailure {
            FileHandle.standardError.write(Data("policygraph: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }
}
