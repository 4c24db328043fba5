import ArgumentParser
import Foundation

/// Printing to the terminal and turning errors into exit codes, in one place.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("tmkit: \(message)\n".utf8))
    }

    /// A problem that does not stop the command (a skipped document), as `tmkit: warning: …`.
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("tmkit: warning: \(message)\n".utf8))
    }

    static func progress(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Runs `body`; an error from the input is printed as one line on stderr and ends the command with status 2.
    static func exitOnError<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            Console.error(String(describing: error))
            throw ExitCode(2)
        }
    }
}
