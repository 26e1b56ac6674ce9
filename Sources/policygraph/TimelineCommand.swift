import ArgumentParser
import Foundation
import PolicyGraphCore
import PolicyGraphStore

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "The targets in time order, with revisions and disagreements linked: Markdown, CSV or TimelineJS JSON."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv, html, timelinejs }

    @Option(help: "A topic or technology (narrower technologies count).") var topic: String?
    @Option(help: "The subjects' type (company, government, policy …).") var subjectType: EntityType?
    @Option(name: .customLong("from"), help: ArgumentHelp("From this year.", valueName: "YEAR")) var fromYear: Int?
    @Option(name: .customLong("to"), help: ArgumentHelp("Up to this year.", valueName: "YEAR")) var toYear: Int?
    @Option(help: "md, csv, html (one self-contained page) or timelinejs (the JSON TimelineJS3 reads).") var format: Format = .md
    @Option(help: "HTML lanes: subject-type or topic.") var lanes: TimelineHTML.Lanes = .subjectType
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; standard output when absent.", valueName: "FILE")) var output: String?
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var retiredGraph: RetiredGraphOption

    func validate() throws {
        if let fromYear, let toYear, fromYear > toYear { throw ValidationError("--from \(fromYear) is after --to \(toYear).") }
    }

    func run() throws {
        let timeline = try storeOptions.openForReading().timeline(topic: topic, subjectType: subjectType, from: fromYear, to: toYear)
        guard !timeline.entries.isEmpty else {
            // A clear message, not an empty file.
            FileHandle.standardError.write(Data("policygraph: no target matches these filters; nothing written\n".utf8))
            throw ExitCode(1)
        }
        let data: Data
        switch format {
        case .md: data = Data(TimelineRenderer.markdown(timeline).utf8)
        case .csv: data = Data(TimelineRenderer.csv(timeline).utf8)
        case .html: data = Data(TimelineHTML.render(timeline, lanes: lanes).utf8)
        case .timelinejs: data = try TimelineRenderer.timelineJS(timeline)
        }
        if let output { try writingOutput(to: output) { try AtomicFile.write(data, to: output) } } else { FileHandle.standardOutput.write(data) }
    }
}

extension TimelineHTML.Lanes: ExpressibleByArgument {}
