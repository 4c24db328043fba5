import TMCore

/// Compares the inline codes of one kind on both sides: missing, extra or changed.
struct CodeComparison {
    var missing: [InlineCode] = []
    var extra: [InlineCode] = []

    /// - Parameter key: what makes two codes the same (the text, or a normalised form).
    init(source: [InlineCode], target: [InlineCode], key: (InlineCode) -> String) {
        var pool: [String: Int] = [:]
        for code in target { pool[key(code), default: 0] += 1 }
        var matchedTarget: [String: Int] = [:]
        for code in source {
            let k = key(code)
            if let count = pool[k], count > 0 {
                pool[k] = count - 1
                matchedTarget[k, default: 0] += 1
            } else {
                missing.append(code)
            }
        }
        for code in target {
            let k = key(code)
            if let count = matchedTarget[k], count > 0 {
                matchedTarget[k] = count - 1
            } else {
                extra.append(code)
            }
        }
    }

    var isEmpty: Bool { missing.isEmpty && extra.isEmpty }

    /// The finding's message and spans, naming what kind of code it is (`placeholder`, `tag`).
    func describe(_ noun: String) -> (String, [Span]) {
        var spans = missing.map { Span(side: .source, range: $0.range) }
        spans += extra.map { Span(side: .target, range: $0.range) }
        let list: ([InlineCode]) -> String = { $0.map { quoted($0.text) }.joined(separator: ", ") }
        let message: String
        if !missing.isEmpty && !extra.isEmpty {
            message = "\(noun) changed: \(list(missing)) → \(list(extra))"
        } else if !missing.isEmpty {
            message = "\(noun) missing from the target: \(list(missing))"
        } else {
            message = "\(noun) not in the source: \(list(extra))"
        }
        return (message, spans)
    }
}
