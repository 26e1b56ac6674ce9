import Foundation

/// The location of the ontology that ships with PolicyGraph.
///
/// The data lives at the repository root in `Ontology/` and is copied into the
/// package's resource bundle at build time, so the tool finds it whatever the
/// working directory is.
public enum BundledOntology {
    /// The folder that holds `entities/`, `patterns/` and `text/`.
    public static var directory: URL {
        Bundle.module.resourceURL ?? Bundle.module.bundleURL
    }
}
