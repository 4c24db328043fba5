import Testing
@testable import TMFormats

/// The writer's one-pass segment text against the definition it replaces: control characters removed, white space
/// normalised (`XMLText.segmentText`), then `& < > "` escaped as libxml2's text writer does.
@Suite struct XMLStreamWriterTests {
    static let alphabet: [String] = [
        "a", "Z", "ə", "😀", " ", "  ", "\t", "\n", "\r", "\r\n", "&", "<", ">", "\"", "'", "\u{1}", "\u{1F}",
        "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{FFFD}", "\u{EFFF}",
        "Â", "ï", "word",
    ]

    static func reference(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in XMLText.segmentText(text).utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x0D: out += Array("&#13;".utf8)
            default: out.append(byte)
            }
        }
        return out
    }

    static func onePass(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { XMLStreamWriter.appendSegmentText($0, to: &out) }
        return out
    }

    @Test(arguments: [
        "", " ", "a", " a ", "a  b", "a\t\n b", "\u{1}a\u{85}b\u{FFFE}", "A & B <c> \"d\"", "x \u{80} y",
        "\u{FEFF}\u{FFFD}", "😀 😀", "end \u{9F}",
    ])
    func examples(_ text: String) {
        #expect(Self.onePass(text) == Self.reference(text), "\(text.debugDescription)")
    }

    @Test func randomStrings() {
        var generator = SystemRandomNumberGenerator()
        var failures: [String] = []
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = (0..<length).map { _ in Self.alphabet.randomElement(using: &generator) ?? "" }.joined()
            if Self.onePass(text) != Self.reference(text) { failures.append(text.debugDescription) }
        }
        #expect(failures.isEmpty, "first failures: \(failures.prefix(5))")
    }
}
