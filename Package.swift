// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PolicyGraph",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "PolicyGraphCore", targets: ["PolicyGraphCore"]),
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
        // The command-line tool: argument-parser commands only.
        .executableTarget(
            name: "policygraph",
            dependencies: [
                "PolicyGraphCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput benchmark (run in release): checks its own output.
        .executableTarget(
            name: "policygraph-bench",
            dependencies: ["PolicyGraphCore"]
        ),
        .testTarget(
            name: "PolicyGraphTests",
            // The executable too, so that end-to-end tests find it built.
            dependencies: ["PolicyGraphCore", "policygraph"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
