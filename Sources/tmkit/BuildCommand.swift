import ArgumentParser
import TMKit

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("tmkit build is not implemented yet")
    }
}
