import Foundation
import TMCore
import TMTerms

/// The `tmkit terms` pipeline: read sentence pairs, learn a glossary, write it as JSON or TSV.
///
/// For now the input is tab-separated pairs (`source<TAB>target`, one pair a line); TMX input and TBX/CSV
/// output are wired in when the readers and writers of `TMFormats` land.
public enum TermsPipeline {
    /// An input line that is not a pair.
    public struct InputError: LocatedError {
        public var location: InputLocation?
        public var message: String
    }

    /// Reads `source<TAB>target` lines; blank lines are skipped.
    public static func readPairs(
        _ text: String, file: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag
    ) throws(InputError) -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.allSatisfy(\.isWhitespace) { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else {
                throw InputError(location: InputLocation(file: file, line: lineNumber),
                                 message: "expected source<TAB>target, found no tab")
            }
            units.append(TranslationUnit(
                id: "\(units.count + 1)", source: String(fields[0]), target: String(fields[1]),
                sourceLanguage: sourceLanguage, targetLanguage: targetLanguage))
        }
        return units
    }

    /// The glossary as JSON: one object per entry, keys in a fixed order, so that output can be a gold file.
    public static func json(_ glossary: Glossary) -> String {
        func string(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        func terms(_ list: [Term]) -> String {
            "[" + list.map { term in
                "{\"text\": \(string(term.text)), \"variants\": [" + term.variants.map(string).joined(separator: ", ")
                    + "]}"
            }.joined(separator: ", ") + "]"
        }
        var lines: [String] = []
        lines.append("{")
        lines.append("  \"sourceLanguage\": \(string(glossary.sourceLanguage.description)),")
        lines.append("  \"targetLanguage\": \(string(glossary.targetLanguage.description)),")
        lines.append("  \"entries\": [")
        for (index, entry) in glossary.entries.enumerated() {
            var fields = [
                "\"id\": \(string(entry.id))",
                "\"source\": \(terms(entry.sourceTerms))",
                "\"target\": \(terms(entry.targetTerms))",
                "\"frequency\": \(entry.frequency)",
                "\"confidence\": \(String(format: "%.3f", entry.confidence))",
            ]
            if let example = entry.example {
                fields.append("\"example\": {\"source\": \(string(example.source)), \"target\": \(string(example.target))}")
            }
            let comma = index + 1 < glossary.entries.count ? "," : ""
            lines.append("    {" + fields.joined(separator: ", ") + "}" + comma)
        }
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A simple TSV: source term, target term, comment (other forms, frequency, confidence).
    public static func tsv(_ glossary: Glossary) -> String {
        func clean(_ text: String) -> String {
            text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        var out = ""
        for entry in glossary.entries {
            guard let source = entry.sourceTerms.first, let target = entry.targetTerms.first else { continue }
            var comment: [String] = []
            let others = entry.sourceTerms.dropFirst().map(\.text) + entry.targetTerms.dropFirst().map(\.text)
            if !others.isEmpty { comment.append("also: " + others.joined(separator: "; ")) }
            comment.append("freq \(entry.frequency), confidence \(String(format: "%.2f", entry.confidence))")
            out += clean(source.text) + "\t" + clean(target.text) + "\t" + clean(comment.joined(separator: "; ")) + "\n"
        }
        return out
    }
}
