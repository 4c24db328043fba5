import Foundation
import TMCore
import TMText

/// The documents a corpus build will read, found from the command line's inputs.
public struct CorpusPlan: Sendable {
    /// The documents in build order (this shard's only, when sharded).
    public var documents: [CorpusDocument]
    /// Files left out before reading: one-language files without a translation, other language pairs, missing files.
    public var issues: [CorpusIssue]
    /// The corpus's language pair when the options or the file names tell it; nil when it must be detected.
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?
    /// How the language pair was decided, for the summary.
    public var languageNote: String
    /// Documents of the corpus that belong to other shards.
    public var otherShards: Int
    /// Every document of the corpus in build order, whatever the shard: the alignment lexicon is learned from the
    /// first of them, so that every shard learns the same one.
    public var allDocuments: [CorpusDocument]
}

/// Why the inputs do not make a corpus at all.
public struct CorpusError: LocatedError, Equatable {
    public var location: InputLocation?
    public var message: String

    public init(_ message: String, file: String? = nil) {
        location = file.map { InputLocation(file: $0) }
        self.message = message
    }
}

/// Finds the documents of a corpus: files given one by one and the text files (`.txt`) below folders.
///
/// Files are paired into documents by name: `report.az.txt` with `report.en.txt` (a language tag before the
/// extension), or `az/report.txt` with `en/report.txt` (a language tag as a folder). Any other file is a bilingual
/// document on its own (source block, then target block). A language file without a counterpart is reported as
/// unpaired. When the options do not give the language pair, the pair that most paired documents share is the
/// corpus's (its languages in alphabetical order, source first, unless one of them is given).
///
///     let plan = try CorpusScanner.scan(["corpus/"], sourceLanguage: nil, targetLanguage: nil)
///     plan.documents.map(\.name)   // ["a/x", "report", …]
public enum CorpusScanner {
    /// File extensions read from folders (files given by name are read whatever their extension).
    public static let documentExtensions: Set<String> = ["txt", "text"]

    public static func scan(
        _ inputs: [String], sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?, shard: CorpusShard? = nil
    ) throws -> CorpusPlan {
        var issues: [CorpusIssue] = []
        var files: [File] = []
        let fileManager = FileManager.default
        let known = knownLanguages(adding: [sourceLanguage, targetLanguage])
        // Each shard reports only the files of its own documents, so that N shards do not repeat one problem N times.
        func report(_ issue: CorpusIssue, document name: String) {
            if shard?.contains(documentNamed: name) ?? true { issues.append(issue) }
        }
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                report(CorpusIssue(.unreadable, "no such file", location: InputLocation(file: input)),
                       document: documentName(for: input, known: known))
                continue
            }
            if !isDirectory.boolValue {
                files.append(File(path: input, display: input))
                continue
            }
            let root = input.hasSuffix("/") && input.count > 1 ? String(input.dropLast()) : input
            let prefix = inputs.count == 1 ? "" : root + "/"
            files += Self.files(below: root, extensions: documentExtensions).map {
                File(path: root + "/" + $0, display: prefix + $0)
            }
        }
        if files.isEmpty {
            if let issue = issues.first, inputs.count == 1 { throw CorpusError(issue.message, file: inputs[0]) }
            throw CorpusError("no documents (.txt files) found", file: inputs.count == 1 ? inputs[0] : nil)
        }

        var groups: [String: Group] = [:]
        var groupOrder: [String] = []
        var singles: [(order: Int, file: File, name: String)] = []
        for (order, file) in files.enumerated() {
            switch classify(file.display, known: known) {
            case .language(let key, let name, let language):
                if groups[key] == nil {
                    groups[key] = Group(order: order, name: name)
                    groupOrder.append(key)
                }
                groups[key]?.members.append((language, file))
            case .bilingual(let name):
                singles.append((order, file, name))
            }
        }

        // The corpus's language pair: given, or the one most pairs share.
        var pairCounts: [[LanguageTag]: (count: Int, first: Int)] = [:]
        for key in groupOrder {
            guard let group = groups[key] else { continue }
            let languages = Array(Set(group.members.map(\.language))).sorted()
            guard languages.count == 2 else { continue }
            if let given = sourceLanguage ?? targetLanguage, !languages.contains(where: { $0.hasSameLanguage(as: given) }) {
                continue
            }
            pairCounts[languages, default: (0, group.order)].count += 1
        }
        let commonest = pairCounts.max { a, b in
            a.value.count != b.value.count ? a.value.count < b.value.count : a.value.first > b.value.first
        }?.key
        var source = sourceLanguage
        var target = targetLanguage
        var note: String
        if sourceLanguage != nil && targetLanguage != nil {
            note = "given"
        } else if let commonest {
            if let given = sourceLanguage {
                target = commonest.first { !$0.hasSameLanguage(as: given) }
            } else if let given = targetLanguage {
                source = commonest.first { !$0.hasSameLanguage(as: given) }
            } else {
                source = commonest[0]
                target = commonest[1]
            }
            note = sourceLanguage == nil && targetLanguage == nil
                ? "from file names; give --source-lang to turn it round" : "from file names and options"
        } else {
            note = "detected"
        }

        var documents: [(order: Int, name: String, document: CorpusDocument)] = []
        for key in groupOrder {
            guard let group = groups[key] else { continue }
            let languages = Set(group.members.map(\.language))
            if languages.count < 2 {
                report(CorpusIssue(
                    .unpaired, "no translation beside this \(group.members[0].language) file (looked for the same "
                        + "name in another language)", location: InputLocation(file: group.members[0].file.path)),
                       document: group.name)
                continue
            }
            guard let source, let target,
                  let sourceFile = group.members.first(where: { $0.language.hasSameLanguage(as: source) })?.file,
                  let targetFile = group.members.first(where: { $0.language.hasSameLanguage(as: target) })?.file
            else {
                let pair = languages.sorted().map(\.description).joined(separator: "–")
                let corpus = [source, target].compactMap { $0?.description }.joined(separator: "–")
                report(CorpusIssue(
                    .otherLanguages, "the languages \(pair) are not the corpus's (\(corpus))",
                    location: InputLocation(file: group.members[0].file.path)), document: group.name)
                continue
            }
            let bytes = byteCount(sourceFile.path) + byteCount(targetFile.path)
            documents.append((group.order, group.name, CorpusDocument(
                name: group.name,
                source: .pair(sourcePath: sourceFile.path, targetPath: targetFile.path, sourceLanguage: source, targetLanguage: target),
                byteCount: bytes)))
        }
        for single in singles {
            documents.append((single.order, single.name, CorpusDocument(
                name: single.name, source: .bilingual(path: single.file.path), byteCount: byteCount(single.file.path))))
        }
        documents.sort { $0.order < $1.order }

        // Names must be unique: they make the tuids and decide the shard.
        var used = Set<String>()
        var result: [CorpusDocument] = []
        for var entry in documents {
            var name = entry.name
            var suffix = 2
            while !used.insert(name).inserted {
                name = "\(entry.name)~\(suffix)"
                suffix += 1
            }
            entry.document.name = name
            result.append(entry.document)
        }

        let allDocuments = result
        var otherShards = 0
        if let shard {
            let all = result.count
            result = result.filter { shard.contains(documentNamed: $0.name) }
            otherShards = all - result.count
        }
        return CorpusPlan(documents: result, issues: issues, sourceLanguage: source, targetLanguage: target,
                          languageNote: note, otherShards: otherShards, allDocuments: allDocuments)
    }

    // MARK: Names

    private struct File {
        var path: String
        /// The path as the corpus names it: relative to the input folder (or as given).
        var display: String
    }

    private struct Group {
        var order: Int
        var name: String
        var members: [(language: LanguageTag, file: File)] = []
    }

    enum Classification: Equatable {
        /// A one-language file: `key` is shared by its translations, `name` is the document's.
        case language(key: String, name: String, language: LanguageTag)
        case bilingual(name: String)
    }

    /// How a path is read: `report.az.txt`, `az/report.txt` or a bilingual `report.txt`.
    static func classify(_ path: String, known: Set<String>) -> Classification {
        var components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let file = components.popLast() else { return .bilingual(name: path) }
        let root = path.hasPrefix("/") ? "/" : ""
        let directory = root + (components.isEmpty ? "" : components.joined(separator: "/") + "/")
        let parts = file.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 3, !parts[0].isEmpty, let language = languageTag(parts[parts.count - 2], known: known) {
            let stem = parts[..<(parts.count - 2)].joined(separator: ".")
            return .language(key: directory + stem + ".*." + parts[parts.count - 1],
                             name: directory + stem, language: language)
        }
        // `x.y.txt` → `x.y`; a hidden file keeps its leading dot: `.az.txt` → `.az`, `.notes` stays.
        let stem = parts.count >= 3 || (parts.count == 2 && !parts[0].isEmpty)
            ? parts.dropLast().joined(separator: ".") : file
        if let index = components.lastIndex(where: { languageTag($0, known: known) != nil }),
           let language = languageTag(components[index], known: known) {
            var keyParts = components
            keyParts[index] = "*"
            var nameParts = components
            nameParts.remove(at: index)
            return .language(key: root + (keyParts + [file]).joined(separator: "/"),
                             name: root + (nameParts + [stem]).joined(separator: "/"), language: language)
        }
        return .bilingual(name: directory + stem)
    }

    /// The name the document holding `path` would have, for assigning reported files to shards.
    static func documentName(for path: String, known: Set<String>) -> String {
        switch classify(path, known: known) {
        case .language(_, let name, _), .bilingual(let name): name
        }
    }

    /// A file-name part or folder read as a language: a tag whose language is an ISO 639-1 code (two letters) or a
    /// three-letter language that tmkit knows or that the options name. `notes`, `v2` or `old` are not languages.
    static func languageTag(_ text: String, known: Set<String>) -> LanguageTag? {
        guard text.count <= 12, let tag = LanguageTag(text) else { return nil }
        let language = tag.language
        guard language.count == 2 || known.contains(language) else { return nil }
        // `en-US`, `pt_BR`, `sr-Latn`: at most a script and a region after the language.
        guard tag.description.split(separator: "-").count <= 3 else { return nil }
        return tag
    }

    static func knownLanguages(adding given: [LanguageTag?]) -> Set<String> {
        var known = Set(LanguageIdentifier().supportedLanguages.map(\.language))
        for tag in given.compactMap({ $0 }) { known.insert(tag.language) }
        return known
    }

    /// The files below `root` (any depth; a root given as a symbolic link is read through it), as paths relative
    /// to it, sorted by Unicode scalars so that the order is the same on every file system. Hidden files and
    /// folders are left out; with `extensions`, so are files of other extensions (compared in lower case).
    static func files(below root: String, extensions: Set<String>?) -> [String] {
        var found: [String] = []
        // The enumerator does not follow a link itself.
        let listed = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        if let enumerator = FileManager.default.enumerator(atPath: listed) {
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                        enumerator.skipDescendants()
                    }
                    continue
                }
                guard enumerator.fileAttributes?[.type] as? FileAttributeType != .typeDirectory,
                      extensions.map({ $0.contains((name as NSString).pathExtension.lowercased()) }) ?? true
                else { continue }
                found.append(relative)
            }
        }
        return found.sorted { $0.precedesInScalarOrder($1) }
    }

    static func byteCount(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
