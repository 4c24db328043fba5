import TMCore

/// Why a plain-text input could not be read.
public struct PlainTextError: LocatedError, Equatable {
    public var location: InputLocation?
    public var message: String

    public init(_ message: String, file: String, line: Int? = nil, column: Int? = nil) {
        self.location = InputLocation(file: file, line: line, column: column)
        self.message = message
    }
}
