import TMCore

/// A problem reading a TSV or CSV file, with the line where it happened.
public struct DelimitedTextError: LocatedError, Equatable {
    public var message: String
    public var location: InputLocation?

    public init(_ message: String, file: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.location = InputLocation(file: file, line: line, column: column)
    }
}
