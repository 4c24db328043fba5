import ArgumentParser
import Foundation
import TMCore
import TMKit

/// `tmkit check`: translation QA for the command line and CI.
///
/// Exit status: 0 when nothing is at or above `--fail-on`, 1 when something is, 2 when an input or an argument
/// is unusable (the message goes to stderr as `FILE:LINE: message`).
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translations: consistency, terminology, numbers, placeholders, tags and more.",
        discussion: """
            Inputs are TMX, XLIFF 1.2/2.x and PO files, or TSV/CSV files of units (source<TAB>target, or \
            id<TAB>source<TAB>target, with an optional header row of language codes such as `id<TAB>en<TAB>de`). \
            Several files are checked together (consistency spans all of them). TSV and TMX files are streamed.

            Checks (--checks, comma-separated; `-name` removes one): all, or the groups \
            \(CheckConfiguration.groups.keys.sorted().joined(separator: ", ")), or the rules \
            \(Checker.ruleIDs.joined(separator: ", ")).

            Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 unusable input or arguments.
            """
    )

    @Argument(help: "Files of translation units (.tmx, .xlf/.xliff, .po, .tsv, .tab, .txt, .csv); - for standard input.")
    var inputs: [String] = []

    @Option(help: "A glossary (TBX, or TSV/CSV with a header row of language codes) for the terminology checks.")
    var glossary: String?

    @Option(help: "text, json or html.")
    var format: String = "text"

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "error, warning or never: the lowest severity that fails the run.")
    var failOn: String = "error"

    @Option(help: "The checks to run: rule ids and group names, comma-separated.")
    var checks: String?

    @Option(help: "A JSON configuration file: checks, severities, options, custom rules.")
    var config: String?

    @Option(help: "A file of accepted findings to leave out (see --accept).")
    var ignore: String?

    @Flag(help: "Add every current finding to the --ignore file and exit 0.")
    var accept = false

    @Option(name: .customLong("source-lang"), help: "The source language, for files without a header row.")
    var sourceLang: String?

    @Option(name: .customLong("target-lang"), help: "The target language, for files without a header row.")
    var targetLang: String?

    func run() async throws {
        do {
            try execute()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as any LocatedError {
            FileHandle.standardError.write(Data(("tmkit check: " + error.description + "\n").utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("tmkit check: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func usage(_ message: String) -> CheckInputError {
        CheckInputError(message, file: "tmkit check")
    }

    private func execute() throws {
        guard !inputs.isEmpty else { throw usage("no input files") }
        guard ["text", "json", "html"].contains(format) else {
            throw usage("unknown --format ‘\(format)’; use text, json or html")
        }
        let threshold: Severity?
        switch failOn {
        case "never": threshold = nil
        case "error", "warning", "info": threshold = Severity(rawValue: failOn)
        default: throw usage("unknown --fail-on ‘\(failOn)’; use error, warning or never")
        }
        if accept && ignore == nil { throw usage("--accept needs --ignore FILE to write to") }
        let source = try sourceLang.map { text in
            guard let tag = LanguageTag(text) else { throw usage("‘\(text)’ is not a language tag") }
            return tag
        }
        let target = try targetLang.map { text in
            guard let tag = LanguageTag(text) else { throw usage("‘\(text)’ is not a language tag") }
            return tag
        }

        var configuration = CheckConfiguration()
        if let config {
            configuration = try CheckConfiguration.parse(json: try CheckPipeline.readText(config), file: config)
        }
        if let checks {
            // `--checks numbers,markup` chooses; `--checks -style` only removes from what the config chose.
            let selected = try CheckConfiguration.expand(checks)
            let onlyRemovals = checks.split(separator: ",")
                .allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("-") }
            configuration.enabledRules = onlyRemovals
                ? (configuration.enabledRules ?? Set(Checker.ruleIDs)).intersection(selected) : selected
        }
        var ignoreList = IgnoreList()
        var existingIgnore = ""
        if let ignore, FileManager.default.fileExists(atPath: ignore) {
            existingIgnore = try CheckPipeline.readText(ignore)
            ignoreList = try IgnoreList(contents: existingIgnore, file: ignore)
        } else if let ignore, !accept {
            throw CheckInputError("no such file", file: ignore)
        }

        if accept, let ignore {
            let report = try CheckPipeline.run(
                inputs: inputs, glossaryPath: glossary, configuration: configuration, ignore: ignoreList,
                failOn: threshold, sourceLanguage: source, targetLanguage: target)
            try writeAtomically(IgnoreList.render(report.findings, keeping: existingIgnore), to: ignore)
            FileHandle.standardError.write(Data(
                "tmkit check: \(report.findings.count) findings added to \(ignore)\n".utf8))
            return
        }

        // Streamed: findings go to the reporter as each chunk of units is checked, so neither the inputs nor
        // the report sit whole in memory (the HTML page keeps at most `htmlLimit` findings and says so).
        func check(keep: Int, _ onFindings: ([Finding]) throws -> Void) throws -> CheckReport {
            try CheckPipeline.stream(
                inputs: inputs, glossaryPath: glossary, configuration: configuration, ignore: ignoreList,
                failOn: threshold, sourceLanguage: source, targetLanguage: target, keep: keep, onFindings: onFindings)
        }
        var result: CheckReport? = nil
        switch format {
        case "json":
            try emit { sink in
                try sink(Data(JSONReporter.opening))
                var first = true
                let report = try check(keep: 0) { findings in
                    try sink(Data(JSONReporter.renderFindings(findings[...], first: first)))
                    first = false
                }
                try sink(Data(JSONReporter.closing(report)))
                result = report
            }
        case "html":
            let report = try check(keep: Self.htmlLimit) { _ in }
            let rendered = HTMLReporter.render(report, title: "tmkit check: " + inputs.joined(separator: ", "))
            try emit { sink in try sink(Data(rendered.utf8)) }
            result = report
        default:
            let colour = output == nil && isatty(STDOUT_FILENO) == 1
                && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            let spool = TextReportSpool(colour: colour)
            let report = try check(keep: 0) { spool.add($0) }
            try emit { sink in try spool.write(report) { try sink(Data($0)) } }
            result = report
        }
        if result?.failed == true { throw ExitCode(1) }
    }

    /// The most findings an HTML page lists (a browser slows down beyond); the page says when there were more.
    static let htmlLimit = 50_000


    /// Sends the report to `--output` (through a temporary file and a rename, so no partial file is left on
    /// failure) or to standard output.
    private func emit(_ body: ((Data) throws -> Void) throws -> Void) throws {
        guard let output, output != "-" else {
            try body { FileHandle.standardOutput.write($0) }
            return
        }
        let temporary = temporaryPath(for: output)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary)
        else { throw CheckInputError("cannot create the file", file: output) }
        do {
            try body { try handle.write(contentsOf: $0) }
            try handle.close()
        } catch {
            try? handle.close()
            unlink(temporary)
            throw CheckInputError("cannot write the file: \(error.localizedDescription)", file: output)
        }
        try rename(temporary, to: output)
    }

    private func temporaryPath(for path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return (directory.isEmpty ? "." : directory) + "/.\(name).\(ProcessInfo.processInfo.processIdentifier).tmp"
    }

    private func rename(_ temporary: String, to path: String) throws {
        guard Foundation.rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CheckInputError("cannot write the file: \(reason)", file: path)
        }
    }

    /// Writes a whole text through a temporary file and a rename.
    private func writeAtomically(_ text: String, to path: String) throws {
        let temporary = temporaryPath(for: path)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw CheckInputError("cannot write the file: \(error.localizedDescription)", file: path)
        }
        try rename(temporary, to: path)
    }
}
