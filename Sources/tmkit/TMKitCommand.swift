import ArgumentParser
import TMKit

@main
struct TMKitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tmkit",
        abstract: "Turn parallel text into translation memories and glossaries, and check translations.",
        version: TMKitVersion.current,
        subcommands: [BuildCommand.self, SegmentCommand.self, AlignCommand.self, TermsCommand.self,
                      CheckCommand.self, ConvertCommand.self]
    )
}
