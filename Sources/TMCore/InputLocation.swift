/// A place in an input file, for error messages of the form `FILE:LINE:COLUMN: message`.
public struct InputLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line number; nil when the problem is not tied to a line.
    public var line: Int?
    /// 1-based column number; nil when unknown.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// An error that knows where in the input it happened. The command line prints every such error as
/// `FILE:LINE:COLUMN: message` on one line.
public protocol LocatedError: Error, CustomStringConvertible {
    var location: InputLocation? { get }
    /// The message without the location, in plain words.
    var message: String { get }
}

extension LocatedError {
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
