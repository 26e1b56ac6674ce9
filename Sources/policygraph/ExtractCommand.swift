import ArgumentParser
import Foundation
import PolicyGraphCore

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print what PolicyGraph finds in each document (the extraction JSON of FORMAT.md, or a listing)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    @OptionGroup var inputOptions: InputOptions

    @Option(help: "json (FORMAT.md, one array of documents) or text (a readable listing).")
    var format: Format = .json

    @Option(help: ArgumentHelp("The publication date (YYYY-MM-DD, YYYY-MM or YYYY) for inputs that state none themselves and have no metadata file entry.", valueName: "DATE"))
    var published: String?

    @Flag(help: "With --format text: show the rule and the byte offsets behind each target and issued pair, and what of a web page was left out.")
    var explain = false

    @OptionGroup var ontologyOptions: OntologyOptions

    func validate() throws {
        if let published, !PublishedDate.isValid(published) {
            throw ValidationError("--published must read YYYY-MM-DD, YYYY-MM or YYYY, not '\(published)'.")
        }
    }

    func run() throws {
        let extractor = try ontologyOptions.makeExtractor()
        let inputs = try inputOptions.collection(for: extractor.lexicon.ontology)
        let (extractions, report) = inputs.extractReporting(with: extractor, published: published, onError: reportInputError)
        reportSkipped(report)
        let failures = report.failures
        switch format {
        case .json:
            // Streamed in chunks: the document is never held whole a second time.
            // Each chunk is written from the writer's own memory, not copied into an array and a Data first.
            ExtractionJSON.writeInPlace(extractions) { chunk in
                guard let base = chunk.baseAddress else { return }
                FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: chunk.count, deallocator: .none))
            }
        case .text:
            // Names and quotes come from the inputs: no terminal control sequences reach the terminal.
            let listing = ExtractionListing.render(extractions, explain: explain)
            print(listing.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.forTerminal(String($0)) }.joined(separator: "\n"),
                  terminator: "")
        }
        // The ontology and the extractions live until the process ends: freeing them here
        // would only take time (ProcessLifetime).
        ProcessLifetime.keep(extractor)
        ProcessLifetime.keep(extractions)
        if failures > 0 { throw ExitCode(1) }
    }
}

enum PublishedDate {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), (1900...2200).contains(year) else { return false }
        if parts.count >= 2 { guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false } }
        if parts.count == 3 { guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return false } }
        return true
    }
}
