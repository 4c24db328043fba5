// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tmkit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tmkit", targets: ["tmkit"]),
        .library(name: "TMKit", targets: ["TMKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "TMCore"),
        .target(name: "TMText", dependencies: ["TMCore"], resources: [.copy("Resources")]),
        .target(name: "TMSegment", dependencies: ["TMCore", "TMText"], resources: [.copy("Resources")]),
        .target(name: "TMAlign", dependencies: ["TMCore", "TMText"]),
        .target(name: "TMTerms", dependencies: ["TMCore", "TMText"], resources: [.copy("Resources")]),
        .target(name: "TMCheck", dependencies: ["TMCore", "TMText"], resources: [.copy("Resources")]),
        .target(name: "TMFormats", dependencies: ["TMCore", "CLibXML2"]),
        .target(
            name: "TMKit",
            dependencies: ["TMCore", "TMText", "TMSegment", "TMAlign", "TMTerms", "TMCheck", "TMFormats"]
        ),
        .executableTarget(
            name: "tmkit",
            dependencies: [
                "TMKit", "TMCore", "TMText", "TMSegment", "TMAlign", "TMTerms", "TMCheck", "TMFormats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "TMCoreTests", dependencies: ["TMCore"]),
        .testTarget(name: "TMTextTests", dependencies: ["TMText"]),
        .testTarget(name: "TMSegmentTests", dependencies: ["TMSegment", "TMFormats"]),
        .testTarget(name: "TMAlignTests", dependencies: ["TMAlign", "TMSegment"]),
        .testTarget(name: "TMTermsTests", dependencies: ["TMTerms"]),
        .testTarget(name: "TMCheckTests", dependencies: ["TMCheck", "TMFormats"]),
        .testTarget(name: "TMFormatsTests", dependencies: ["TMFormats"]),
        .testTarget(name: "TMKitTests", dependencies: ["TMKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TMKit"]),
    ],
    swiftLanguageModes: [.v6]
)
