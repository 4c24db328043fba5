import ArgumentParser
import TMKit

struct TermsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "terms", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("tmkit terms is not implemented yet")
    }
}
