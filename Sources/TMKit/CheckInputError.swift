import TMCore

/// An input `tmkit check` cannot use: missing or unreadable file, unsupported format.
public struct CheckInputError: LocatedError, Equatable {
    public var message: String
    public var location: InputLocation?

    public init(_ message: String, file: String, line: Int? = nil) {
        self.message = message
        self.location = InputLocation(file: file, line: line)
    }
}
