import ArgumentParser
import TMKit

struct AlignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "align", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("tmkit align is not implemented yet")
    }
}
