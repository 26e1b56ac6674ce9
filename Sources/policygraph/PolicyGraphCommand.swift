import ArgumentParser

@main
struct PolicyGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policygraph",
        abstract: "Turns Chinese policy and industry news into a knowledge graph and a timeline.",
        subcommands: [BuildCommand.self, AddCommand.self, RemoveCommand.self, SQLCommand.self, ExtractCommand.self, TimeCommand.self, TargetsCommand.self, CompaniesCommand.self,
                      EntityCommand.self, NeighborsCommand.self, PathCommand.self, ExportCommand.self, TimelineCommand.self]
    )
}
