import ArgumentParser
import Foundation
import TMKit

@main
struct TMKitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tmkit",
        abstract: "Turn parallel text into translation memories and glossaries, and check translations.",
        discussion: """
            Start with `tmkit build FILE`: it aligns a bilingual document and writes Exports/NAME.tmx and \
            Glossaries/NAME.tbx. Every command explains itself with --help.
            Exit status: 0 success, 1 `check` found problems at or above --fail-on, 2 unusable input or arguments.
            """,
        version: TMKitVersion.current,
        subcommands: [BuildCommand.self, SegmentCommand.self, AlignCommand.self, TermsCommand.self,
                      CheckCommand.self, ConvertCommand.self]
    )

    /// Runs the command; a usage error exits with 2 (the contract), not ArgumentParser's 64.
    static func main() async {
        // `tmkit align` is run once per document by scripts: its common form skips ArgumentParser's set-up
        // (reflection over every command, a sixth of a short run); anything else goes through it.
        if let align = AlignCommand.plainInvocation(Array(CommandLine.arguments.dropFirst())) {
            do {
                try await align.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
