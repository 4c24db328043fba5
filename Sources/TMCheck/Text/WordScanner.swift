/// Splits a segment into words: runs of letters and digits, with an apostrophe or right single quote kept
/// inside a word (`don't`, Turkish `İstanbul'da`). Inline codes are skipped.
enum WordScanner {
    static func scan(_ s: [Unicode.Scalar], skipping codes: [InlineCode]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        let n = s.count
        var i = 0
        var codeIndex = 0
        while i < n {
            while codeIndex < codes.count, codes[codeIndex].range.upperBound <= i { codeIndex += 1 }
            if codeIndex < codes.count, codes[codeIndex].range.contains(i) {
                i = codes[codeIndex].range.upperBound
                continue
            }
            guard ScalarTraits.isLetter(s[i]) || ScalarTraits.isDigit(s[i]) else {
                i += 1
                continue
            }
            let limit = codeIndex < codes.count ? codes[codeIndex].range.lowerBound : n
            let start = i
            var j = i + 1
            while j < limit {
                let c = s[j]
                if ScalarTraits.isLetter(c) || ScalarTraits.isDigit(c) {
                    j += 1
                } else if (c == "'" || c == "’"), j + 1 < limit, ScalarTraits.isLetter(s[j + 1]) {
                    j += 2
                } else {
                    break
                }
            }
            words.append(start..<j)
            i = j
        }
        return words
    }
}
