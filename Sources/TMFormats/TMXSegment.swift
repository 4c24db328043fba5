/// The content of a TMX `<seg>`: text, possibly with inline codes (`bpt ept it ph hi ut sub`).
///
/// `markup` is the escaped inner XML exactly as it is written; `text` is what a translator reads: the text with the
/// content of `<hi>` but without the native codes inside `<bpt>`, `<ept>`, `<it>`, `<ph>` and `<ut>`.
///
///     TMXSegment(text: "A & B").markup          // "A &amp; B"
///     segment.markup  // "Press <bpt i=\"1\">&lt;b&gt;</bpt>OK<ept i=\"1\">&lt;/b&gt;</ept>"
///     segment.text    // "Press OK"
public struct TMXSegment: Hashable, Sendable {
    public var markup: String
    public var text: String
    /// Whether the markup holds inline elements (and so must be written as markup, not as text).
    public var hasInlineCodes: Bool

    /// A plain-text segment.
    public init(text: String) {
        self.text = text
        self.markup = XMLText.escaped(text)
        self.hasInlineCodes = false
    }

    /// A segment read from a file, or built by a caller that already produced well-formed markup.
    public init(markup: String, text: String) {
        self.markup = markup
        self.text = text
        self.hasInlineCodes = XMLText.containsByte(markup) { $0 == 0x3C }
    }
}
