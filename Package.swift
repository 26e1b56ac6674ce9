// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PolicyGraph",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "PolicyGraphCore", targets: ["PolicyGraphCore"]),
        .library(name: "PolicyGraphExport", targets: ["PolicyGraphExport"]),
        .executable(name: "policygraph", targets: ["policygraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
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
        // The command-line tool: argument-parser commands only.
        .executableTarget(
            name: "policygraph",
            dependencies: [
                "PolicyGraphCore",
                "PolicyGraphExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput benchmark (run in release): checks its own output.
        .executableTarget(
            name: "policygraph-bench",
            dependencies: ["PolicyGraphCore"]
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
            dependencies: ["PolicyGraphCore", "PolicyGraphExport", "policygraph"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
