// swift-tools-version:6.1
// libFuzzer targets for papersift, built apart from the main package so that `swift build` there
// never needs the fuzzer runtime. `make fuzz` builds them with `-sanitize=fuzzer,address` and runs
// each for FUZZ_SECONDS; see Fuzz/README.md.
import PackageDescription

let package = Package(
    name: "papersift-fuzz",
    dependencies: [.package(name: "papersift", path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzer", .product(name: "PaperSiftCore", package: "papersift")]),
        .executableTarget(name: "fuzz-jsonlines", dependencies: [
            "FuzzSupport",
            .product(name: "PaperSiftCore", package: "papersift"),
            .product(name: "PaperSiftCLI", package: "papersift"),
        ], path: "Sources/FuzzJSONLines"),
        .executableTarget(name: "fuzz-text", dependencies: [
            "FuzzSupport", .product(name: "PaperSiftCore", package: "papersift"),
        ], path: "Sources/FuzzTextPipeline"),
        .executableTarget(name: "fuzz-documents", dependencies: [
            "FuzzSupport", .product(name: "PaperSiftCore", package: "papersift"),
        ], path: "Sources/FuzzDocuments"),
    ]
)
