/// Finds numbers in a segment and reads them as values under given locale conventions.
///
/// A number is a run of digit groups joined by single separators (`,` `.` `'` or a space/no-break space before
/// exactly three digits). Each reading that fits the conventions gives a value: all separators grouping
/// (`5.800` → 5800 in German) or the last one decimal (`5,8` → 5.8). Signs are ignored: a hyphen is as often a
/// range or a dash as a minus.
enum NumberScanner {
    /// - Parameter conventions: every reading allowed by any of these is a value of the number.
    static func scan(_ s: [Unicode.Scalar], skipping codes: [InlineCode], conventions: [NumberConventions])
        -> [NumberToken]
    {
        var tokens: [NumberToken] = []
        guard s.contains(where: ScalarTraits.isDigit) else { return tokens }
        let n = s.count
        var i = 0
        var codeIndex = 0
        while i < n {
            // Skip inline codes: `%1$d` and URLs hold digits that are not numbers.
            while codeIndex < codes.count, codes[codeIndex].range.upperBound <= i { codeIndex += 1 }
            if codeIndex < codes.count, codes[codeIndex].range.contains(i) {
                i = codes[codeIndex].range.upperBound
                continue
            }
            guard ScalarTraits.isDigit(s[i]) else {
                i += 1
                continue
            }
            let limit = codeIndex < codes.count ? codes[codeIndex].range.lowerBound : n
            let start = i
            var groups: [Range<Int>] = []
            var separators: [Unicode.Scalar] = []
            var j = i
            while j < limit, ScalarTraits.isDigit(s[j]) { j += 1 }
            groups.append(i..<j)
            while j + 1 < limit {
                let sep = s[j]
                let isSpace = sep == " " || NumberConventions.isSpaceGroup(sep)
                guard sep == "," || sep == "." || sep == "'" || sep == "’" || isSpace,
                      ScalarTraits.isDigit(s[j + 1])
                else { break }
                var k = j + 1
                while k < limit, ScalarTraits.isDigit(s[k]) { k += 1 }
                if isSpace {
                    // A space joins only thousands groups: "5 800", never "in 2010 3 people".
                    guard k - (j + 1) == 3, let last = groups.last, last.count <= 3 else { break }
                    if !separators.isEmpty, separators.last != sep { break }
                }
                // A point or comma followed by a space-less letter run is a sentence end, handled by the digits test.
                separators.append(sep)
                groups.append((j + 1)..<k)
                j = k
            }
            let end = j
            let text = ScalarTraits.string(s[start..<end])
            tokens.append(
                NumberToken(range: start..<end, text: text,
                            values: readings(s, groups: groups, separators: separators, conventions: conventions,
                                             literal: text)))
            i = end
        }
        return tokens
    }

    private static func digits(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        ScalarTraits.string(s[r])
    }

    static func canonical(integer: String, fraction: String) -> String {
        var int = Substring(integer)
        while int.count > 1, int.first == "0" { int = int.dropFirst() }
        var frac = Substring(fraction)
        while frac.last == "0" { frac = frac.dropLast() }
        return frac.isEmpty ? String(int) : String(int) + "." + frac
    }

    private static func readings(
        _ s: [Unicode.Scalar], groups: [Range<Int>], separators: [Unicode.Scalar], conventions: [NumberConventions],
        literal: String
    ) -> [String] {
        if separators.isEmpty { return [canonical(integer: digits(s, groups[0]), fraction: "")] }
        var values: [String] = []
        for convention in conventions {
            for value in readings(s, groups: groups, separators: separators, conventions: convention)
            where !values.contains(value) {
                values.append(value)
            }
        }
        values.append(literal)
        return values
    }

    private static func readings(
        _ s: [Unicode.Scalar], groups: [Range<Int>], separators: [Unicode.Scalar], conventions: NumberConventions
    ) -> [String] {
        var values: [String] = []
        let first = groups[0].count
        // All separators group thousands.
        let sep0 = separators[0]
        if conventions.grouping.contains(sep0), first <= 3, separators.allSatisfy({ $0 == sep0 }),
           groups.dropFirst().allSatisfy({ $0.count == 3 })
        {
            values.append(canonical(integer: groups.map { digits(s, $0) }.joined(), fraction: ""))
        }
        // The last separator marks decimals, the others group thousands.
        let last = separators[separators.count - 1]
        if conventions.decimal.contains(last) {
            let head = separators.dropLast()
            let headGroups = groups.dropLast()
            let ok: Bool
            if head.isEmpty {
                ok = true
            } else {
                let g = head[head.startIndex]
                ok = g != last && conventions.grouping.contains(g) && head.allSatisfy { $0 == g } && first <= 3
                    && headGroups.dropFirst().allSatisfy { $0.count == 3 }
            }
            if ok {
                values.append(canonical(integer: headGroups.map { digits(s, $0) }.joined(),
                                        fraction: digits(s, groups[groups.count - 1])))
            }
        }
        return values
    }
}
