/// The tokens of a well-formed XML fragment (markup that came from a parser, text still escaped).
struct XMLFragmentTokens: Sequence, IteratorProtocol {
    enum Token {
        case text(String)
        case start(name: String, attributes: [(String, String)], selfClosing: Bool)
        case end(name: String)
    }

    private let markup: String
    private var index: String.Index

    init(_ markup: String) {
        self.markup = markup
        index = markup.startIndex
    }

    mutating func next() -> Token? {
        guard index < markup.endIndex else { return nil }
        if markup[index] != "<" {
            let end = markup[index...].firstIndex(of: "<") ?? markup.endIndex
            defer { index = end }
            return .text(String(markup[index..<end]))
        }
        guard let close = Self.tagEnd(markup, from: index) else {
            defer { index = markup.endIndex }
            return .text(String(markup[index...]))
        }
        let inner = markup[markup.index(after: index)..<close]
        index = markup.index(after: close)
        if inner.hasPrefix("/") {
            return .end(name: String(inner.dropFirst()).trimmingCharacters(in: " \t\r\n"))
        }
        let selfClosing = inner.hasSuffix("/")
        let body = inner.dropLast(selfClosing ? 1 : 0)
        let name = String(body.prefix { !$0.isWhitespace })
        return .start(name: name, attributes: Self.parseAttributes(body.dropFirst(name.count)),
                      selfClosing: selfClosing)
    }

    /// The index of the `>` that ends the tag starting at `start`, skipping quoted attribute values.
    private static func tagEnd(_ text: String, from start: String.Index) -> String.Index? {
        var quote: Character?
        var index = text.index(after: start)
        while index < text.endIndex {
            let c = text[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `name="value"` pairs (values as written, still escaped).
    private static func parseAttributes(_ text: Substring) -> [(String, String)] {
        var result: [(String, String)] = []
        var rest = text
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let name = rest[..<equals].trimmingCharacters(in: " \t\r\n")
            rest = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { break }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { break }
            result.append((name, String(rest[..<close])))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }
}

private extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
