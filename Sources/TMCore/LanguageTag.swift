/// A BCP 47 language tag such as `az`, `en-US` or `sr-Latn-RS`, kept in its canonical spelling.
///
/// Underscores are accepted on input (`en_US`, as some tools write them) and normalised to hyphens;
/// the language subtag is lower case, a script subtag title case, a region subtag upper case.
///
///     LanguageTag("en_us")?.description   // "en-US"
///     LanguageTag("AZ-latn")?.description // "az-Latn"
public struct LanguageTag: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The canonical tag, for example `en-US`.
    public let description: String

    /// Parses a tag; returns nil when the text is not shaped like a BCP 47 tag.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let first = parts.first, (2...3).contains(first.count) || (first.count >= 5 && first.count <= 8),
              first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        var out = [String(first).lowercased()]
        for (position, part) in parts.dropFirst().enumerated() {
            guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else { return nil }
            let lower = part.lowercased()
            if position == 0, part.count == 4, part.allSatisfy(\.isLetter) {
                out.append(lower.prefix(1).uppercased() + lower.dropFirst())  // script: Latn
            } else if part.count == 2, part.allSatisfy(\.isLetter) {
                out.append(lower.uppercased())  // region: US
            } else if part.count == 3, part.allSatisfy(\.isNumber) {
                out.append(lower)  // region: 419
            } else {
                out.append(lower)
            }
        }
        description = out.joined(separator: "-")
    }

    /// The primary language subtag: `en` for `en-US`.
    public var language: String {
        String(description.prefix { $0 != "-" })
    }

    /// Whether two tags name the same language, ignoring script, region and variants.
    public func hasSameLanguage(as other: LanguageTag) -> Bool {
        language == other.language
    }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool {
        lhs.description < rhs.description
    }
}
