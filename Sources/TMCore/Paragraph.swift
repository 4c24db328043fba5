/// One paragraph of one language side of a document, as read from the input.
public struct Paragraph: Hashable, Sendable {
    /// The paragraph's text, with soft line breaks kept as they were.
    public var text: String
    /// 1-based line of the input file where the paragraph starts (nil for inputs without lines).
    public var line: Int?

    public init(text: String, line: Int? = nil) {
        self.text = text
        self.line = line
    }
}
