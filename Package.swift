// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PolicyGraph",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "PolicyGraphCore", targets: ["PolicyGraphCore"]),
        .library(name: "PolicyGraphExport", targets: ["PolicyGraphExport"]),
        .library(name: "PolicyGraphStore", targets: ["PolicyGraphStore"]),
        .executable(name: "policygraph", targets: ["policygraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The human-editable dictionaries and patterns, bundled so that the tool
        // finds its default ontology from any working directory.
        .target(
            name: "PolicyGraphOntology",
            path: "Ontology",
            exclude: ["README.md"],
            sources: ["BundledOntology.swift"],
            resources: [.copy("entities"), .copy("patterns"), .copy("text")]
        ),
        // Text → recognition → extraction → graph → query. No C dependencies.
        .target(
            name: "PolicyGraphCore",
            dependencies: [
                "PolicyGraphOntology",
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        // libxml2, for the XML exports only.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Exports for Gephi, Graphviz and graph databases; the only target that touches libxml2.
        .target(
            name: "PolicyGraphExport",
            dependencies: ["PolicyGraphCore", "CLibXML2"]
        ),
        // The embedded SQLite store (through GRDB): documents, graph tables,
        // incremental ingest, grouped queries and read-only SQL.
        .target(
            name: "PolicyGraphStore",
            dependencies: ["PolicyGraphCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The command-line tool: argument-parser commands only.
        .executableTarget(
            name: "policygraph",
            dependencies: [
                "PolicyGraphCore",
                "PolicyGraphExport",
                "PolicyGraphStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput benchmark (run in release): checks its own output.
        .executableTarget(
            name: "policygraph-bench",
            dependencies: ["PolicyGraphCore", "PolicyGraphStore"]
        ),
        .testTarget(
            name: "PolicyGraphTests",
            // The executable too, so that end-to-end tests find it built.
            dependencies: ["PolicyGraphCore", "PolicyGraphExport", "PolicyGraphStore", "policygraph"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
