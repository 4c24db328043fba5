// swift-tools-version:6.0
// libFuzzer targets for tmkit's readers, kept out of the main package so that its default build and test are
// unaffected. See README.md for the commands.
import PackageDescription

let package = Package(
    name: "tmkit-fuzz",
    dependencies: [
        .package(name: "tmkit", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "TMFuzz",
            dependencies: [.product(name: "TMKit", package: "tmkit")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
