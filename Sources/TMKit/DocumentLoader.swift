import Foundation
import TMCore
import TMFormats
import TMText

/// Why a document could not be turned into a source side and a target side.
public struct DocumentError: LocatedError, Equatable {
    public var location: InputLocation?
    public var message: String

    public init(_ message: String, file: String, line: Int? = nil) {
        location = InputLocation(file: file, line: line)
        self.message = message
    }
}

/// Reads a bilingual document: one file with a source block followed by its translation, or two files.
public enum DocumentLoader {
    /// Loads the document named by `options`, detecting what the options leave open (split point, languages).
    public static func load(_ options: BuildOptions) throws -> (document: BilingualDocument, languageNote: String) {
        let name = options.name ?? documentName(for: options.input)
        if let targetPath = options.target {
            let source = try PlainTextReader.paragraphs(atPath: options.input)
            let target = try PlainTextReader.paragraphs(atPath: targetPath)
            let (sourceLanguage, sourceNote) = try language(
                of: source, given: options.sourceLanguage, file: options.input)
            let (targetLanguage, targetNote) = try language(
                of: target, given: options.targetLanguage, file: targetPath)
            if sourceLanguage == targetLanguage {
                throw DocumentError(
                    "both files look like the same language (\(sourceLanguage)); give --source-lang and --target-lang",
                    file: targetPath)
            }
            let document = BilingualDocument(
                name: name, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                sourceParagraphs: source, targetParagraphs: target,
                sourcePath: options.input, targetPath: targetPath)
            return (document, "source \(sourceNote), target \(targetNote)")
        }

        let paragraphs = try PlainTextReader.paragraphs(atPath: options.input)
        let split: BilingualSplit
        do {
            split = try BilingualSplit.detect(
                in: paragraphs, sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage)
        } catch {
            var located = error
            located.location = InputLocation(file: options.input)
            throw located
        }
        let document = BilingualDocument(
            name: name, sourceLanguage: split.source.language, targetLanguage: split.target.language,
            sourceParagraphs: Array(paragraphs[..<split.splitIndex]),
            targetParagraphs: Array(paragraphs[split.splitIndex...]),
            sourcePath: options.input, targetPath: options.input)
        let line = paragraphs[split.splitIndex].line.map { "line \($0)" } ?? "paragraph \(split.splitIndex + 1)"
        return (document, "\(describe(split.source, given: options.sourceLanguage)), "
            + "\(describe(split.target, given: options.targetLanguage)), translation from \(line)")
    }

    /// The output name for an input path: its file name without the last extension.
    public static func documentName(for path: String) -> String {
        if path == "-" { return "stdin" }
        let file = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return file.isEmpty ? "document" : file
    }

    private static func describe(_ guess: LanguageGuess, given: LanguageTag?) -> String {
        given == nil ? "\(guess.language) detected (\(Int((guess.confidence * 100).rounded()))%)" : "\(guess.language) given"
    }

    private static func language(
        of paragraphs: [Paragraph], given: LanguageTag?, file: String
    ) throws -> (LanguageTag, String) {
        if let given { return (given, "\(given) given") }
        let text = paragraphs.prefix(50).map(\.text).joined(separator: "\n")
        guard let guess = LanguageIdentifier().identify(text) else {
            throw DocumentError("cannot tell the language of the file; give it with --source-lang/--target-lang",
                                file: file)
        }
        return (guess.language, describe(guess, given: nil))
    }
}
