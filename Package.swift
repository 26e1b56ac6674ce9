// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PolicyGraph",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "PolicyGraphCore", targets: ["PolicyGraphCore"]),
        .library(name: "PolicyGraphExport", targets: ["PolicyGraphExport"]),
        .library(name: "PolicyGraphInput", targets: ["PolicyGraphInput"]),
        .library(name: "PolicyGraphStore", targets: ["PolicyGraphStore"]),
        .executable(name: "policygraph", targets: ["policygraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
        // libxml2, for the XML exports and for reading HTML and Word inputs.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Exports for Gephi, Graphviz and graph databases (libxml2 for the XML formats).
        .target(
            name: "PolicyGraphExport",
            dependencies: ["PolicyGraphCore", "CLibXML2"]
        ),
        // Inputs as users have them: the article of a web page (libxml2's HTML
        // parser), Word files (ZIPFoundation + libxml2) and PDFs (pdftotext).
        .target(
            name: "PolicyGraphInput",
            dependencies: [
                "PolicyGraphCore",
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The embedded SQLite store (through GRDB): documents, graph tables,
        // incremental ingest, grouped queries and read-only SQL.
        .target(
            name: "PolicyGraphStore",
            dependencies: [
                "PolicyGraphCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API (GRDB's own module for it), for the bulk loads of `build`.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The command-line tool: argument-parser commands only.
        .executableTarget(
            name: "policygraph",
            dependencies: [
                "PolicyGraphCore",
                "PolicyGraphExport",
                "PolicyGraphInput",
                "PolicyGraphStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput benchmark (run in release): checks its own output.
        .executableTarget(
            name: "policygraph-bench",
            dependencies: ["PolicyGraphCore", "PolicyGraphOntology", "PolicyGraphStore"]
        ),
        // Fuzz harnesses (docs/fuzzing.md): with `-sanitize=fuzzer` they fuzz; in an
        // ordinary build they replay the corpus files they are given.
        .target(name: "FuzzDriver", path: "Fuzz/Sources/FuzzDriver"),
        .executableTarget(name: "FuzzTime", dependencies: ["FuzzDriver", "PolicyGraphCore"], path: "Fuzz/Sources/FuzzTime",
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "FuzzNormalize", dependencies: ["FuzzDriver", "PolicyGraphCore"], path: "Fuzz/Sources/FuzzNormalize",
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "FuzzExtract", dependencies: ["FuzzDriver", "PolicyGraphCore"], path: "Fuzz/Sources/FuzzExtract",
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .testTarget(
            name: "PolicyGraphTests",
            // The executable too, so that end-to-end tests find it built.
            dependencies: [
                "PolicyGraphCore", "PolicyGraphExport", "PolicyGraphInput", "PolicyGraphStore", "policygraph",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
