import ArgumentParser
import Foundation
import PolicyGraphCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Read the inputs (default seeds/) and write what PolicyGraph makes of them to a folder (default Outputs/)."
    )

    @Argument(help: ArgumentHelp("Text, Markdown or HTML files, or folders of them.", valueName: "FILE|DIR"))
    var inputs: [String] = ["seeds"]

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write to.", valueName: "DIR"))
    var output: String = "Outputs"

    @OptionGroup var ontologyOptions: OntologyOptions

    func run() throws {
        let extractor = try ontologyOptions.makeExtractor()
        let (extractions, failures) = InputCollection(paths: inputs).extract(with: extractor, published: nil, onError: reportInputError)
        let path = (output as NSString).appendingPathComponent("extraction.json")
        try AtomicFile.write(try ExtractionJSON.encode(extractions), to: path)
        var counts: [EntityType: Int] = [:]
        for extraction in extractions { for entity in extraction.entities { counts[entity.type, default: 0] += 1 } }
        let summary = EntityType.allCases.compactMap { type in counts[type].map { "\($0) \(type.rawValue)" } }.joined(separator: ", ")
        FileHandle.standardError.write(Data("policygraph: \(extractions.count) documents; \(summary)\nwrote \(path)\n".utf8))
        if failures > 0 { throw ExitCode(1) }
    }
}
