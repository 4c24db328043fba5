import ArgumentParser
import TMKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("tmkit check is not implemented yet")
    }
}
