import TMCore

/// A problem reading or writing a file format, with the place in the input where it happened.
///
///     corpus.tmx:12:5: <tuv> has no xml:lang
public struct FormatError: LocatedError, Hashable, Sendable {
    public var location: InputLocation?
    public var message: String

    public init(_ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.location = file.map { InputLocation(file: $0, line: line, column: column) }
    }

    public init(_ message: String, at location: InputLocation?) {
        self.message = message
        self.location = location
    }
}

/// Something a reader fixed or ignored in its input, reported without stopping (for example `en_US` read as `en-US`).
public typealias FormatWarning = FormatError
