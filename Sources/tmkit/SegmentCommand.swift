import ArgumentParser
import TMKit

struct SegmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "segment", abstract: "(not yet implemented)")

    func run() async throws {
        throw ValidationError("tmkit segment is not implemented yet")
    }
}
