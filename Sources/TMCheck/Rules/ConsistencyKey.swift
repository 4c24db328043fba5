/// The form under which two segments count as "the same" for the consistency rules: case-folded, whitespace
/// collapsed, punctuation dropped; optionally digits replaced by `#` and inline codes removed.
enum ConsistencyKey {
    static func make(_ segment: Segment, ignoringNumbers: Bool, ignoringCodes: Bool) -> String {
        let turkic = CaseFolding.isTurkic(segment.language)
        var out = String.UnicodeScalarView()
        let s = segment.scalars
        // ASCII letters and digits go to a byte buffer; the rest is folded through the scalar view.
        var ascii: [UInt8] = []
        ascii.reserveCapacity(s.count)
        var allASCII = true
        for c in s where c.value >= 0x80 {
            allASCII = false
            break
        }
        if allASCII && !ignoringCodes && !ignoringNumbers {
            var pending = false
            for c in s {
                let v = UInt8(c.value)
                if ScalarTraits.isASCIILetter(c) || ScalarTraits.isDigit(c) {
                    if pending, !ascii.isEmpty { ascii.append(0x20) }
                    pending = false
                    ascii.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
                } else {
                    pending = true
                }
            }
            return String(decoding: ascii, as: UTF8.self)
        }
        let codes = segment.codes
        var codeIndex = 0
        var pendingSpace = false
        var i = 0
        while i < s.count {
            if ignoringCodes {
                while codeIndex < codes.count, codes[codeIndex].range.upperBound <= i { codeIndex += 1 }
                if codeIndex < codes.count, codes[codeIndex].range.contains(i) {
                    i = codes[codeIndex].range.upperBound
                    pendingSpace = true
                    continue
                }
            }
            let c = s[i]
            i += 1
            if ScalarTraits.isWhitespace(c) || ScalarTraits.isPunctuation(c) {
                pendingSpace = true
                continue
            }
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            if ignoringNumbers, ScalarTraits.isDigit(c) {
                out.append("#")
                while i < s.count, ScalarTraits.isDigit(s[i]) || ((s[i] == "." || s[i] == ",") && i + 1 < s.count
                    && ScalarTraits.isDigit(s[i + 1]))
                { i += 1 }
                continue
            }
            CaseFolding.appendFolded(c, turkic: turkic, to: &out)
        }
        return String(out)
    }
}
