/// A stretch of a segment that is code rather than text: a placeholder, a markup tag, a URL or an e-mail address.
struct InlineCode: Hashable, Sendable {
    enum Kind: String, Hashable, Sendable {
        case placeholder
        case tag
        case url
        case email
    }

    var kind: Kind
    /// Offsets in Unicode scalars.
    var range: Range<Int>
    /// The code as written.
    var text: String
    /// What two codes are compared by: the text for most codes; for a tag, its name and whether it closes
    /// (`</b` for `</b>`), used to tell a changed tag from a missing one.
    var name: String
}
