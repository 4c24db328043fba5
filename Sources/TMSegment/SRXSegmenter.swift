import Foundation
import TMCore

/// SRX 2.0 rules compiled for one language (NSRegularExpression, ICU syntax like SRX's Java regexes).
///
/// Each rule becomes `(?:BEFORE)(?=AFTER)`; the end of every match is a position the rule speaks for, and the
/// first rule (in document order, across cascaded language rules) that speaks for a position decides it.
/// With `cascade="no"` only these decisions count; with `cascade="yes"` the built-in rules decide every
/// position the SRX rules leave open.
struct SRXSegmenter: @unchecked Sendable {
    struct CompiledRule {
        var isBreak: Bool
        var regex: NSRegularExpression
    }

    let rules: [CompiledRule]
    let cascade: Bool
    /// Whether some language map of the file matches the language.
    let applies: Bool

    init(rules source: SegmentationRules, language: LanguageTag) throws(SegmentationError) {
        var selected: [SegmentationRules.Rule] = []
        var matched = false
        let code = language.description
        for map in source.languageMaps {
            let pattern: NSRegularExpression
            do {
                pattern = try NSRegularExpression(pattern: "^(?:\(map.pattern))$", options: [.caseInsensitive])
            } catch {
                throw .invalidRule(location: map.location, rule: "languagemap \(map.languageRuleDescription)",
                                   reason: "the language pattern `\(map.pattern)` is not a valid regular expression")
            }
            let range = NSRange(location: 0, length: (code as NSString).length)
            guard pattern.firstMatch(in: code, range: range) != nil else { continue }
            guard let languageRule = source.languageRule(named: map.ruleName) else {
                throw .invalidRule(location: map.location, rule: "languagemap \(map.languageRuleDescription)",
                                   reason: "no <languagerule> is named `\(map.ruleName)`")
            }
            matched = true
            selected.append(contentsOf: languageRule.rules)
            if !source.cascade { break }
        }
        // Compile every rule of the file, so that a broken rule is reported even when another language uses it.
        var compiled: [SegmentationRules.Rule: NSRegularExpression] = [:]
        for languageRule in source.languageRules {
            for (index, rule) in languageRule.rules.enumerated() where compiled[rule] == nil {
                compiled[rule] = try Self.compile(rule, name: "rule \(index + 1) of languagerule `\(languageRule.name)`")
            }
        }
        self.rules = selected.compactMap { rule in compiled[rule].map { CompiledRule(isBreak: rule.isBreak, regex: $0) } }
        self.cascade = source.cascade
        self.applies = matched
    }

    private static func compile(_ rule: SegmentationRules.Rule, name: String) throws(SegmentationError) -> NSRegularExpression {
        for (part, pattern) in [("beforebreak", rule.before), ("afterbreak", rule.after)] where !pattern.isEmpty {
            do {
                _ = try NSRegularExpression(pattern: pattern)
            } catch {
                throw .invalidRule(location: rule.location, rule: name,
                                   reason: "the <\(part)> pattern `\(pattern)` is not a valid regular expression")
            }
        }
        let before = rule.before.isEmpty ? "" : "(?:\(rule.before))"
        let after = rule.after.isEmpty ? "" : "(?=(?:\(rule.after)))"
        do {
            return try NSRegularExpression(pattern: before + after, options: [])
        } catch {
            throw .invalidRule(location: rule.location, rule: name, reason: "the rule is not a valid regular expression")
        }
    }

    /// Sentence ranges (byte offsets) with the SRX decisions, over the built-in ones when cascading.
    func sentenceByteRanges(_ bytes: UnsafeBufferPointer<UInt8>, builtIn: SentenceScanner) -> [Range<Int>] {
        let text = String(decoding: bytes, as: UTF8.self)
        // UTF-16 offset → UTF-8 offset.
        var utf16ToUTF8: [Int] = []
        utf16ToUTF8.reserveCapacity(bytes.count + 1)
        var byteOffset = 0
        for scalar in text.unicodeScalars {
            let units = scalar.utf16.count
            for _ in 0..<units { utf16ToUTF8.append(byteOffset) }
            byteOffset += scalar.utf8.count
        }
        utf16ToUTF8.append(byteOffset)
        let nsText = text as NSString
        let whole = NSRange(location: 0, length: nsText.length)

        // First rule that speaks for a position decides it (positions as end-of-content byte offsets).
        var decisions: [Int: Bool] = [:]
        for rule in rules {
            var seen = Set<Int>()
            rule.regex.enumerateMatches(in: text, options: [], range: whole) { match, _, _ in
                guard let match else { return }
                let p = contentEnd(utf16ToUTF8[match.range.location + match.range.length], bytes)
                if seen.insert(p).inserted, decisions[p] == nil { decisions[p] = rule.isBreak }
            }
        }
        var breaks = Set(decisions.filter(\.value).keys)
        // Paragraphs (blank lines) always end sentences; the built-in sentences supply them and, when cascading,
        // the breaks the SRX rules leave open.
        let builtInRanges = builtIn.sentenceByteRanges(bytes)
        for (index, range) in builtInRanges.enumerated() {
            let end = range.upperBound
            let endsParagraph = index + 1 == builtInRanges.count || hasBlankLine(bytes, from: end, to: builtInRanges[index + 1].lowerBound)
            if endsParagraph || (cascade && decisions[end] == nil) { breaks.insert(end) }
        }
        var out: [Range<Int>] = []
        var start = 0
        for end in breaks.sorted() where end > start {
            if let trimmed = trim(start..<end, bytes) { out.append(trimmed) }
            start = end
        }
        if start < bytes.count, let trimmed = trim(start..<bytes.count, bytes) { out.append(trimmed) }
        return out
    }

    private func contentEnd(_ p: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var e = p
        while e > 0 {
            guard let (s, start) = UTF8Text.decodeBefore(bytes, e, lo: 0), ScalarClass.isSpace(s) else { break }
            e = start
        }
        return e
    }

    private func hasBlankLine(_ bytes: UnsafeBufferPointer<UInt8>, from a: Int, to b: Int) -> Bool {
        var newlines = 0
        for k in a..<b where bytes[k] == 0x0A { newlines += 1 }
        return newlines >= 2
    }

    private func trim(_ r: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var s = r.lowerBound
        var e = r.upperBound
        while s < e {
            let (scalar, length) = UTF8Text.decode(bytes, s)
            guard ScalarClass.isSpace(scalar) else { break }
            s += length
        }
        while e > s {
            guard let (scalar, start) = UTF8Text.decodeBefore(bytes, e, lo: s), ScalarClass.isSpace(scalar) else { break }
            e = start
        }
        return s < e ? s..<e : nil
    }
}

extension SegmentationRules.LanguageMap {
    var languageRuleDescription: String { "`\(pattern)` → `\(ruleName)`" }
}
