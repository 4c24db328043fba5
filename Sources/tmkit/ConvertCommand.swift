import ArgumentParser
import TMKit

struct ConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "convert", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("tmkit convert is not implemented yet")
    }
}
