// swift-tools-version:6.1
// Micro-benchmarks of papersift's hot paths (`make microbench`), with ordo-one/package-benchmark.
// A separate package, so the main build and CI do not fetch or compile the benchmark tooling.
import PackageDescription

let package = Package(
    name: "papersift-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "papersift", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HotPaths",
            dependencies: [
                .product(name: "PaperSiftCore", package: "papersift"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/HotPaths",
            swiftSettings: [.swiftLanguageMode(.v5)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
