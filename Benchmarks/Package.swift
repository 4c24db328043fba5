// swift-tools-version:6.1
// The benchmarks of tmkit, as a package of their own so that neither `swift build` nor `swift test` in the main
// package builds them (or fetches the benchmark framework). Run from this folder:
//
//     swift package benchmark                          # every benchmark (release build, a few minutes)
//     swift package benchmark --filter segmentation    # one
//     TMKIT_BENCH_CORPUS=/tmp/corpus-10k swift package benchmark --filter build   # on a generated corpus
//
// Figures and the corpus-scale measurements: Benchmarks/scale/RESULTS.md.
import Foundation
import PackageDescription

// The main package is `..`; a path dependency is known by its folder's name, which is the checkout's (`tmkit`,
// `main`, a worktree's name…), so the name is read from the path rather than written here.
let tmkitPackage = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "tmkit-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "TMKitBenchmarks",
            dependencies: [
                .product(name: "TMKit", package: tmkitPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/TMKitBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
