import Foundation

/// The location of the ontology that ships with PolicyGraph.
///
/// The data lives at the repository root in `Ontology/` and is copied into the
/// package's resource bundle at build time. The bundle is looked for beside
/// the program (where `swift build` puts it), then in `../share/policygraph/`
/// (where `make install` puts it); a program copied alone finds none and says
/// so, with the places it looked in, instead of crashing.
public enum BundledOntology {
    /// The resource bundle's name, as SwiftPM makes it.
    static let bundleName = "PolicyGraph_PolicyGraphOntology.resources"

    /// The places looked in, in order.
    public static var searchedPlaces: [URL] {
        var places: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        places.append(executable.appendingPathComponent(bundleName))
        places.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        places.append(executable.deletingLastPathComponent().appendingPathComponent("share/policygraph").appendingPathComponent(bundleName))
        var seen: Set<String> = []
        return places.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// The folder that holds `entities/`, `patterns/` and `text/`, or `nil` when none is found.
    public static var directory: URL? {
        searchedPlaces.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("patterns").path) }
    }
}
