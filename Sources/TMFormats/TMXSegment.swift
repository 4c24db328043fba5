/// The content of a TMX `<seg>`: text, possibly with inline codes (`bpt ept it ph hi ut sub`).
///
/// `markup` is the escaped inner XML exactly as it is written; `text` is what a translator reads: the text with the
/// content of `<hi>` but without the native codes inside `<bpt>`, `<ept>`, `<it>`, `<ph>` and `<ut>`. For a plain
/// segment the markup is the escaped text, made only when asked for (a large file's pass-through never needs it).
///
///     TMXSegment(text: "A & B").markup          // "A &amp; B"
///     segment.markup  // "Press <bpt i=\"1\">&lt;b&gt;</bpt>OK<ept i=\"1\">&lt;/b&gt;</ept>"
///     segment.text    // "Press OK"
public struct TMXSegment: Hashable, Sendable {
    public var text: String
    /// The markup when it is not simply the escaped text.
    private var storedMarkup: String?

    public var markup: String {
        get { storedMarkup ?? XMLText.escaped(text) }
        set { storedMarkup = newValue }
    }

    /// Whether the markup is simply the escaped text (no markup was given or read).
    public var isPlainText: Bool { storedMarkup == nil }

    /// Whether the markup holds inline elements (and so must be written as markup, not as text).
    public var hasInlineCodes: Bool {
        storedMarkup.map { XMLText.containsByte($0) { $0 == 0x3C } } ?? false
    }

    /// A plain-text segment.
    public init(text: String) {
        self.text = text
        self.storedMarkup = nil
    }

    /// A segment read from a file, or built by a caller that already produced well-formed markup.
    public init(markup: String, text: String) {
        self.text = text
        self.storedMarkup = markup
    }

    public static func == (left: TMXSegment, right: TMXSegment) -> Bool {
        left.text == right.text && left.markup == right.markup
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(markup)
    }
}
