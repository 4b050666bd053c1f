// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "papersift",
    products: [
        .library(name: "PaperSiftCore", targets: ["PaperSiftCore"]),
        .library(name: "PaperSiftCLI", targets: ["PaperSiftCLI"]),
        .executable(name: "sift", targets: ["sift"]),
        .executable(name: "sift-clean", targets: ["sift-clean"]),
        .executable(name: "sift-segment", targets: ["sift-segment"]),
        .executable(name: "sift-extract", targets: ["sift-extract"]),
        .executable(name: "sift-normalize", targets: ["sift-normalize"]),
        .executable(name: "sift-dedupe", targets: ["sift-dedupe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8",
                       providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .target(name: "PaperSiftCore", dependencies: ["CPCRE2", "CLibXML2"]),
        .target(name: "PaperSiftCLI", dependencies: [
            "PaperSiftCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "sift", dependencies: ["PaperSiftCLI"]),
        .executableTarget(name: "sift-clean", dependencies: ["PaperSiftCLI"]),
        .executableTarget(name: "sift-segment", dependencies: ["PaperSiftCLI"]),
        .executableTarget(name: "sift-extract", dependencies: ["PaperSiftCLI"]),
        .executableTarget(name: "sift-normalize", dependencies: ["PaperSiftCLI"]),
        .executableTarget(name: "sift-dedupe", dependencies: ["PaperSiftCLI"]),
        .testTarget(name: "PaperSiftCoreTests", dependencies: ["PaperSiftCore", "PaperSiftCLI"]),
    ]
)
