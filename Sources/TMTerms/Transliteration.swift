/// Similarity of names and cognates across languages and scripts: `Qazaxıstan` ~ `Kazakhstan`,
/// `Meydan` ~ `Maidan`, `Москва` ~ `Moskva`.
///
/// Each language rewrites its folded spelling into a common Latin key with its `translit-LANG.txt` table
/// (q → k, x → kh, ş → sh, Cyrillic letters …); double letters collapse; the keys are compared with an edit
/// distance in which vowels and `i`/`y` cost less than consonants.
enum Transliteration {
    /// The common Latin key of a folded word or phrase.
    static func key(_ folded: String, table: [(from: [Character], to: String)]) -> [Character] {
        key(folded, index: TransliterationTable(table))
    }

    /// The common Latin key, with the table indexed by first letter.
    static func key(_ folded: String, index table: TransliterationTable) -> [Character] {
        let characters = Array(folded)
        var out: [Character] = []
        out.reserveCapacity(characters.count + 2)
        var index = 0
        outer: while index < characters.count {
            for entry in table.entries[characters[index]] ?? [] where entry.from.count <= characters.count - index {
                if characters[index..<(index + entry.from.count)].elementsEqual(entry.from) {
                    out.append(contentsOf: entry.to)
                    index += entry.from.count
                    continue outer
                }
            }
            let character = characters[index]
            if character.isLetter || character.isNumber { out.append(character) }
            index += 1
        }
        // Collapse doubled letters (Russia ~ Rusiya, alliance ~ alyans), but not in strings of one or two
        // letters repeated (II ≠ III, HHHH ≠ HHHHHHHH).
        if Set(out).count < 3 { return out }
        var collapsed: [Character] = []
        for character in out where collapsed.last != character { collapsed.append(character) }
        return collapsed
    }

    private static func isVowel(_ character: Character) -> Bool {
        switch character {
        case "a", "e", "i", "o", "u", "y": return true
        default: return false
        }
    }

    /// Similarity of two keys in 0...1.
    static func similarity(_ a: [Character], _ b: [Character]) -> Double {
        if a.isEmpty || b.isEmpty { return 0 }
        if a == b { return 1 }
        let m = a.count, n = b.count
        if Double(min(m, n)) < Double(max(m, n)) * 0.5 { return 0 }
        var previous = [Double](repeating: 0, count: n + 1)
        var current = [Double](repeating: 0, count: n + 1)
        for j in 0...n { previous[j] = j == 0 ? 0 : previous[j - 1] + (isVowel(b[j - 1]) ? 0.6 : 1) }
        for i in 1...m {
            current[0] = previous[0] + (isVowel(a[i - 1]) ? 0.6 : 1)
            for j in 1...n {
                let x = a[i - 1], y = b[j - 1]
                let substitution: Double
                if x == y {
                    substitution = 0
                } else if (x == "i" && y == "y") || (x == "y" && y == "i") {
                    substitution = 0.2
                } else if isVowel(x) && isVowel(y) {
                    substitution = 0.4
                } else {
                    substitution = 1
                }
                current[j] = min(previous[j - 1] + substitution,
                                 previous[j] + (isVowel(x) ? 0.6 : 1),
                                 current[j - 1] + (isVowel(y) ? 0.6 : 1))
            }
            swap(&previous, &current)
        }
        return max(0, 1 - previous[n] / Double(max(m, n)))
    }
}

/// Rewrite rules grouped by their first letter, longest first.
struct TransliterationTable: Sendable {
    let entries: [Character: [(from: [Character], to: String)]]

    init(_ table: [(from: [Character], to: String)]) {
        var grouped: [Character: [(from: [Character], to: String)]] = [:]
        for entry in table {
            guard let first = entry.from.first else { continue }
            grouped[first, default: []].append(entry)
        }
        entries = grouped.mapValues { $0.sorted { $0.from.count > $1.from.count } }
    }
}
