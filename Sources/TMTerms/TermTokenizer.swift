/// One token of a sentence, as the term learner sees it.
struct TermToken: Sendable {
    enum Kind: Sendable {
        case word
        case number
        /// A hyphen inside a word (`Qasım-Jomart`, `shoot-to-kill`): it may stand inside a term.
        case joiner
        /// Punctuation, quotes, placeholders such as `%s`: terms never cross it.
        case boundary
    }

    var text: String
    var kind: Kind
    /// Whether white space precedes the token.
    var spaceBefore: Bool
    /// A boundary glued between two word characters (`B/W`, `AT&T`, `G.711`, `wild/N`): the words it joins are
    /// pieces of one code or name, so no term starts or ends at them.
    var isGlue = false
}

/// Splits a sentence into words, numbers, joiners and boundaries.
///
/// Apostrophes between letters stay inside a word (`Ukraine’s`, `Türkiye'nin`); a hyphen between two word
/// characters becomes a joiner token; `%s`, `%1$d`, `\n` and similar placeholders of software messages are
/// boundaries; keyboard accelerators (`_File`, `&Open`) are dropped; punctuation between two word characters
/// (`B/W`, `AT&T`, `G.711`) is a glue boundary, which no term starts or ends beside. Two or more spaces, a tab or a line
/// break become a boundary `\n`: columns and lines of software messages are not phrases.
enum TermTokenizer {
    /// Punctuation that glues the words on either side into one code or name when no space surrounds it.
    private static let glue: Set<Unicode.Scalar> = ["/", "&", ".", "+", ":", "@", "#", "=", "~", "|", "^", "*"]

    /// The end of a URL or a file path starting at `start` (after white space): a run of non-space ASCII
    /// characters that holds `://`, or at least two slashes, or starts with `/` or `~/` and has at least two
    /// more characters. The run stops at the first non-ASCII character, so that text written without spaces
    /// (Chinese, Japanese) is never taken for an address.
    static func addressEnd(_ characters: [Unicode.Scalar], from start: Int) -> Int? {
        var end = start, slashes = 0, scheme = false
        while end < characters.count, characters[end].isASCII, !characters[end].properties.isWhitespace {
            if characters[end] == "/" {
                slashes += 1
                if end >= 1, characters[end - 1] == ":", end + 1 < characters.count, characters[end + 1] == "/" {
                    scheme = true
                }
            }
            end += 1
        }
        guard slashes > 0, end > start else { return nil }
        let rooted = (characters[start] == "/" || (characters[start] == "~" && end > start + 1 && characters[start + 1] == "/"))
            && end > start + 2
        guard scheme || slashes >= 2 || rooted else { return nil }
        // Trailing punctuation of the sentence stays outside (`see /etc/fstab.`).
        while end > start + 1, ".,;:!?)]}\"'’”»".unicodeScalars.contains(characters[end - 1]) { end -= 1 }
        return end
    }

    static func tokenize(_ text: String) -> [TermToken] {
        var tokens: [TermToken] = []
        // Unicode scalars, not Characters: grapheme breaking is the slowest part of tokenizing, and a
        // combining mark simply continues the word it follows.
        let characters = Array(text.unicodeScalars)
        var index = 0
        var space = true
        func isWordCharacter(_ character: Unicode.Scalar) -> Bool {
            if character.isASCII {
                return (character >= "a" && character <= "z") || (character >= "A" && character <= "Z")
                    || (character >= "0" && character <= "9")
            }
            switch character.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
                return true
            default:
                return false
            }
        }
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: characters[range])
            return String(view)
        }
        while index < characters.count {
            let character = characters[index]
            if character.properties.isWhitespace {
                // Two spaces, a tab or a line break: a line or column break, which no term crosses.
                var end = index
                while end < characters.count, characters[end].properties.isWhitespace { end += 1 }
                let isBreak = end - index >= 2 || characters[index] == "\n" || characters[index] == "\t"
                if isBreak, !tokens.isEmpty, end < characters.count {
                    tokens.append(TermToken(text: "\n", kind: .boundary, spaceBefore: true))
                }
                space = true
                index = end
                continue
            }
            if character == "%" || character == "\\" || character == "$" || character == "{" || character == "<" {
                // Placeholders and markup: %s, %1$s, %(name)s, \n, ${var}, {0}, <b>.
                var end = index + 1
                let closer: Unicode.Scalar? = character == "{" ? "}" : character == "<" ? ">" : nil
                if let closer {
                    while end < characters.count, characters[end] != closer, end - index < 40 { end += 1 }
                    if end < characters.count, characters[end] == closer { end += 1 } else { end = index + 1 }
                } else if character == "%" {
                    // printf: an optional Python key (%(name)6d), flags (also ' and I: %'d), width, precision,
                    // length, then one conversion letter that does not start a word (%s, %1$d, %-10lu; but
                    // %DISPLAY% is text between percent signs). The whole placeholder is one boundary, so no
                    // remnant of it (the d of %(n)6d) becomes a word.
                    var keyed = false
                    if end < characters.count, characters[end] == "(" {
                        var close = end
                        while close < characters.count, characters[close] != ")", close - end < 40 { close += 1 }
                        if close < characters.count, characters[close] == ")" {
                            end = close + 1
                            keyed = true
                        }
                    }
                    while end < characters.count,
                          isDigit(characters[end]) || "$.-+# lhzjqL'I".unicodeScalars.contains(characters[end]) {
                        end += 1
                    }
                    if end < characters.count, "diouxXfFeEgGaAcrspnS%".unicodeScalars.contains(characters[end]),
                       end + 1 >= characters.count || !isLetter(characters[end + 1]) || characters[end] == "%" {
                        end += 1
                    } else if !keyed, index + 1 < characters.count, isDigit(characters[index + 1]) {
                        // Qt's %1 … %99 is a placeholder whatever follows it (`%1 files`, `%1DCC`: the command DCC).
                        end = index + 1
                        while end < characters.count, end - index <= 2, isDigit(characters[end]) { end += 1 }
                    } else if !keyed {
                        end = index + 1
                    }
                } else if character == "$" {
                    // Shell and template variables: $HOME, $1.
                    while end < characters.count, isWordCharacter(characters[end]) || characters[end] == "_" { end += 1 }
                } else if end < characters.count {
                    end += 1  // \n, \t and other escapes
                }
                tokens.append(TermToken(text: string(index..<end), kind: .boundary, spaceBefore: space))
                space = false
                index = end
                continue
            }
            if (character == "_" || character == "&"), index + 1 < characters.count,
               isLetter(characters[index + 1]), index == 0 || !isWordCharacter(characters[index - 1]) || character == "_" {
                index += 1  // keyboard accelerator
                continue
            }
            if space, let end = Self.addressEnd(characters, from: index) {
                // A URL or a file path (`http://…`, `/usr/share/…`, `~/.config/…`, `a/b/c`) is no text.
                tokens.append(TermToken(text: string(index..<end), kind: .boundary, spaceBefore: space))
                space = false
                index = end
                continue
            }
            if isWordCharacter(character) {
                var end = index
                var isNumber = true
                while end < characters.count {
                    let next = characters[end]
                    if isWordCharacter(next) {
                        if !isDigit(next) { isNumber = false }
                        end += 1
                    } else if (next == "'" || next == "’"), end + 1 < characters.count, isLetter(characters[end + 1]),
                              !isNumber {
                        end += 1
                    } else if (next == "." || next == ","), isNumber, end + 1 < characters.count,
                              isDigit(characters[end + 1]) {
                        end += 1
                    } else if next == "_", end + 1 < characters.count, isWordCharacter(characters[end + 1]) {
                        end += 1  // identifiers such as file_name stay one word
                    } else {
                        break
                    }
                }
                tokens.append(TermToken(text: string(index..<end), kind: isNumber ? .number : .word,
                                        spaceBefore: space))
                space = false
                index = end
                continue
            }
            if character == "-" || character == "\u{2011}", index > 0, index + 1 < characters.count,
               isWordCharacter(characters[index - 1]), isWordCharacter(characters[index + 1]) {
                tokens.append(TermToken(text: "-", kind: .joiner, spaceBefore: false))
                space = false
                index += 1
                continue
            }
            var token = TermToken(text: String(Character(character)), kind: .boundary, spaceBefore: space)
            if Self.glue.contains(character), index > 0, index + 1 < characters.count,
               isWordCharacter(characters[index - 1]), isWordCharacter(characters[index + 1]) {
                // A slash mostly separates alternatives (`PAL/NTSC`, `Europe/Rome`); it glues only a single
                // letter or digit to its neighbour (`B/W`, `I/O`, `wild/N`).
                token.isGlue = character != "/"
                    || index < 2 || !isWordCharacter(characters[index - 2])
                    || index + 2 >= characters.count || !isWordCharacter(characters[index + 2])
            }
            tokens.append(token)
            space = false
            index += 1
        }
        return tokens
    }
}

private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar >= "0" && scalar <= "9" }
    return scalar.properties.numericType != nil
}

private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") }
    return scalar.properties.isAlphabetic
}
