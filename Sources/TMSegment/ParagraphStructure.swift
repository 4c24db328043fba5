/// What the scanner learns about a paragraph before it looks for sentence ends: the quoted and bracketed
/// passages that must stay whole, and the list markers (`1.`, `a)`, `(iii)`, `•`) that begin list items.
struct ParagraphStructure {
    /// A list marker such as `2.)`; `end` is just after its punctuation.
    struct Marker {
        var start: Int
        var end: Int
        /// Begins an item of a list: the scanner ends the sentence before it.
        var isListItem: Bool
        /// A bullet (`•`, `⁃`, `*`), not a number or letter.
        var isBullet: Bool
    }

    /// Merged, sorted ranges of break positions that lie inside a protected passage.
    var protected: [Range<Int>] = []
    /// Markers in text order.
    var markers: [Marker] = []

    init(text t: UnsafeBufferPointer<UInt8>, lo: Int, hi: Int, keepQuotesWhole: Bool) {
        var pairs: [Range<Int>] = []
        var stack: [(kind: UInt8, position: Int)] = []
        var candidates: [MarkerCandidate] = []
        var i = lo
        var previous: Unicode.Scalar = " "
        while i < hi {
            let b = t[i]
            // ASCII letters, digits and most punctuation matter only as the start of a token: fast path.
            if b < 0x80, b != 0x22, b != 0x27, b != 0x28, b != 0x29, b != 0x5B, b != 0x5D, b != 0x7B, b != 0x7D,
               b != 0x2A, b != 0x2D, !(previous.value < 0x80 ? (previous == " " || previous == "\n" || previous == "\t" || previous == "\r") : true),
               i != lo {
                previous = Unicode.Scalar(b)
                i += 1
                continue
            }
            // Two-byte letters of Latin-1 to Cyrillic (U+00C0–U+04FF, lead bytes C3–D3) are neither quotes,
            // brackets nor list markers: skip them without the general decoding.
            if b >= 0xC3, b <= 0xD3, i + 1 < hi, t[i + 1] & 0xC0 == 0x80,
               let scalar = Unicode.Scalar((UInt32(b & 0x1F) << 6) | UInt32(t[i + 1] & 0x3F)) {
                previous = scalar
                i += 2
                continue
            }
            let (s, length) = UTF8Text.decode(t, i)
            let v = s.value
            // Quotes and brackets.
            if Self.isQuoteOrBracket(v),
               let role = Self.role(of: s, previous: previous, atStart: i == lo,
                                    next: i + length < hi ? UTF8Text.decode(t, i + length).0 : nil) {
                switch role {
                case .open(let kind):
                    if stack.count < 64 { stack.append((kind, i)) }
                case .close(let accepts):
                    var depth = stack.count - 1
                    let floor = max(0, stack.count - 4)
                    while depth >= floor, !accepts.contains(stack[depth].kind) { depth -= 1 }
                    if depth >= floor {
                        let opener = stack[depth]
                        stack.removeSubrange(depth...)
                        let isQuote = opener.kind >= 4
                        if (!isQuote || keepQuotesWhole), i - opener.position <= SentenceScanner.maxProtectedSpan {
                            pairs.append(opener.position + 1 ..< i + 1)
                        }
                    }
                }
            }
            // List markers begin a token: after white space, at the start, or right after a bullet.
            if ScalarClass.isSpace(previous) || i == lo || ScalarClass.isBullet(previous) {
                if let candidate = MarkerCandidate.parse(t, at: i, lo: lo, hi: hi) {
                    candidates.append(candidate)
                }
            }
            previous = s
            i += length
        }
        protected = Self.merge(pairs)
        markers = MarkerCandidate.resolve(candidates)
    }

    /// Whether only spaces and tabs stand between the start of the line and `i` (bounded look-back).
    static func onlySpaceSinceLineStart(_ t: UnsafeBufferPointer<UInt8>, lo: Int, before i: Int) -> Bool {
        var k = i - 1
        var steps = 0
        while k >= lo, steps < 16 {
            let b = t[k]
            if b == 0x0A || b == 0x0D { return true }
            if b != 0x20, b != 0x09 { return false }
            k -= 1
            steps += 1
        }
        return k < lo
    }

    /// Whether break position `p` falls inside a protected passage.
    func isProtected(_ p: Int) -> Bool {
        var low = 0
        var high = protected.count
        while low < high {
            let mid = (low + high) / 2
            if protected[mid].upperBound <= p { low = mid + 1 } else { high = mid }
        }
        return low < protected.count && protected[low].contains(p)
    }

    /// The protected passage whose opening bracket or quote is at `position`, if any.
    func protectedRange(openingAt position: Int) -> Range<Int>? {
        var low = 0
        var high = protected.count
        while low < high {
            let mid = (low + high) / 2
            if protected[mid].lowerBound <= position + 1 { low = mid + 1 } else { high = mid }
        }
        let index = low - 1
        guard index >= 0, protected[index].lowerBound == position + 1 else { return nil }
        return protected[index]
    }

    private static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        guard !ranges.isEmpty else { return [] }
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var out: [Range<Int>] = [sorted[0]]
        for r in sorted.dropFirst() {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound ..< max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    enum Role {
        case open(UInt8)
        case close([UInt8])
    }

    // Kinds: 1 ( 2 [ 3 { | quotes from 4: 4 " 5 ' 6 “ 7 „ 8 ‘ 9 ‚ 10 « 11 » as opener 12 ‹ 13 「 14 『 15 ” as opener 16 › as opener
    @inline(__always)
    static func isQuoteOrBracket(_ v: UInt32) -> Bool {
        v == 0x22 || v == 0x27 || v == 0x28 || v == 0x29 || v == 0x5B || v == 0x5D || v == 0x7B || v == 0x7D
            || (v >= 0x2018 && v <= 0x201E) || v == 0xAB || v == 0xBB || v == 0x2039 || v == 0x203A
            || (v >= 0x3008 && v <= 0x3011) || v == 0xFF08 || v == 0xFF09
    }

    static func role(of s: Unicode.Scalar, previous: Unicode.Scalar, atStart: Bool, next: Unicode.Scalar?) -> Role? {
        let v = s.value
        let before = atStart || ScalarClass.isSpace(previous) || isOpeningPunctuation(previous)
        let after = next.map { ScalarClass.isSpace($0) || isClosingContext($0) } ?? true
        switch v {
        case 0x28, 0xFF08: return .open(1)
        case 0x5B: return .open(2)
        case 0x7B: return .open(3)
        case 0x29, 0xFF09: return .close([1])
        case 0x5D: return .close([2])
        case 0x7D: return .close([3])
        case 0x22:
            if before && !after { return .open(4) }
            if after { return .close([4]) }  // also `to--" At`: closes an open quote, if any
            return nil
        case 0x27:
            if before && !after { return .open(5) }
            if !before && after { return .close([5]) }
            return nil
        case 0x201C:  // “ opens (English) or closes (German „…“, and mismatched “…“)
            if !before && after { return .close([6, 7]) }
            return .open(6)
        case 0x201D:  // ” closes; opens in Swedish/Finnish ”…”
            if before && !after { return .open(15) }
            return .close([6, 7, 15])
        case 0x201E: return .open(7)
        case 0x2018:
            if !before && after { return .close([8, 9]) }
            return .open(8)
        case 0x2019:  // ’ closes, unless it is an apostrophe inside or before a word
            if !before && after { return .close([8, 9]) }
            return nil
        case 0x201A: return .open(9)
        case 0xAB:
            if !before && after { return .close([11]) }
            return .open(10)
        case 0xBB:
            if before && !after { return .open(11) }
            return .close([10])
        case 0x2039:
            if !before && after { return .close([16]) }
            return .open(12)
        case 0x203A:
            if before && !after { return .open(16) }
            return .close([12])
        case 0x3008, 0x300A, 0x3010: return .open(1)   // 〈 《 【: title and lenticular brackets
        case 0x3009, 0x300B, 0x3011: return .close([1])
        case 0x300C: return .open(13)
        case 0x300D: return .close([13])
        case 0x300E: return .open(14)
        case 0x300F: return .close([14])
        default: return nil
        }
    }

    @inline(__always)
    static func isOpeningPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x28, 0x5B, 0x7B, 0x201C, 0x201E, 0x2018, 0x00AB, 0x2D, 0x2013, 0x2014, 0xBF, 0xA1, 0x2F: return true
        default: return false
        }
    }

    @inline(__always)
    static func isClosingContext(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x2026, 0x2D, 0x2013, 0x2014, 0x22, 0x27,
             0x201D, 0x2019, 0xBB, 0x201C, 0x3002, 0xFF0C, 0x3001:
            return true
        default: return false
        }
    }
}

/// A token that looks like a list marker; whether it is one depends on its neighbours.
struct MarkerCandidate {
    var start: Int
    var end: Int
    var isBullet: Bool
    /// (family, value) readings: `i.` reads as letter 9 and as roman 1.
    var readings: [(family: Int, value: Int)]
    /// The item text begins with a lower-case letter.
    var contentLower: Bool

    static func parse(_ t: UnsafeBufferPointer<UInt8>, at i: Int, lo: Int, hi: Int) -> MarkerCandidate? {
        // Quick rejection: a marker's body (at most 4 characters, after an optional "(") ends in "." or ")".
        let first = t[i]
        if first < 0x80, first != 0x2A, first != 0x2D {
            var k = i
            while k < hi, k - i < 6, t[k] != 0x2E, t[k] != 0x29, t[k] != 0x20 { k += 1 }
            guard k < hi, t[k] == 0x2E || t[k] == 0x29 else { return nil }
        }
        let (s, length) = UTF8Text.decode(t, i)
        let lineStart = (s == "*" || s == "-") && (i == lo || ParagraphStructure.onlySpaceSinceLineStart(t, lo: lo, before: i))
        if ScalarClass.isBullet(s) || (lineStart && i + 1 < hi && t[i + 1] == 0x20) {
            return MarkerCandidate(start: i, end: i + length, isBullet: true, readings: [], contentLower: false)
        }
        var k = i
        let parenthesised = t[k] == 0x28
        if parenthesised { k += 1 }
        let bodyStart = k
        while k < hi, k - bodyStart < 5, (t[k] >= 0x30 && t[k] <= 0x39) || ((t[k] | 0x20) >= 0x61 && (t[k] | 0x20) <= 0x7A) {
            k += 1
        }
        let bodyEnd = k
        let bodyLength = bodyEnd - bodyStart
        guard bodyLength >= 1, bodyLength <= 4, k < hi else { return nil }
        var suffix: Int
        if parenthesised {
            guard t[k] == 0x29 else { return nil }
            k += 1
            suffix = 3
        } else if t[k] == 0x2E {
            k += 1
            suffix = 0
            if k < hi, t[k] == 0x29 { k += 1; suffix = 2 }
        } else if t[k] == 0x29 {
            k += 1
            suffix = 1
        } else {
            return nil
        }
        // A marker is followed by white space and then the item.
        guard k < hi, t[k] == 0x20 || t[k] == 0x09 || t[k] == 0x0A || t[k] == 0x0D else { return nil }
        var c = k
        while c < hi, t[c] == 0x20 || t[c] == 0x09 { c += 1 }
        guard c < hi else { return nil }
        let contentLower = ScalarClass.isLower(UTF8Text.decode(t, c).0)
        var readings: [(Int, Int)] = []
        let body = Array(t[bodyStart..<bodyEnd])
        if body.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard bodyLength <= 3, let value = Int(String(decoding: body, as: UTF8.self)) else { return nil }
            readings.append((0 * 8 + suffix, value))
        } else if body.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
            let upper = body[0] < 0x61
            guard body.allSatisfy({ ($0 < 0x61) == upper }) else { return nil }
            let caseBit = upper ? 1 : 0
            if bodyLength == 1 {
                readings.append(((1 * 2 + caseBit) * 8 + suffix, Int(body[0] | 0x20) - 0x60))
            }
            // "John A. Smith": an upper-case letter after a capitalised word is an initial, not a list marker.
            if upper, bodyLength == 1, suffix == 0, previousWordIsCapitalised(t, before: i) { return nil }
            if let roman = romanValue(body) {
                readings.append(((2 * 2 + caseBit) * 8 + suffix, roman))
            }
            guard !readings.isEmpty else { return nil }
        } else {
            return nil
        }
        return MarkerCandidate(start: i, end: k, isBullet: false, readings: readings, contentLower: contentLower)
    }

    static func previousWordIsCapitalised(_ t: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        var e = i
        while e > 0, t[e - 1] == 0x20 || t[e - 1] == 0x09 { e -= 1 }
        var s = e
        while s > 0, e - s < 64, t[s - 1] != 0x20, t[s - 1] != 0x09, t[s - 1] != 0x0A { s -= 1 }
        guard s < e else { return false }
        let first = UTF8Text.decode(t, s).0
        let last = UTF8Text.decodeBefore(t, e, lo: s)?.0 ?? " "
        return ScalarClass.isUpper(first) && ScalarClass.isLetter(last)
    }

    static func romanValue(_ body: [UInt8]) -> Int? {
        var total = 0
        var previous = 0
        for b in body.reversed() {
            let value: Int
            switch b | 0x20 {
            case 0x69: value = 1     // i
            case 0x76: value = 5     // v
            case 0x78: value = 10    // x
            case 0x6C: value = 50    // l
            case 0x63: value = 100   // c
            default: return nil
            }
            if value < previous { total -= value } else { total += value; previous = value }
        }
        return total > 0 && total < 40 ? total : nil
    }

    /// Keeps the candidates that form lists: bullets, and runs of consecutive markers of one style
    /// (two items whose text is capitalised, or three items of any kind: `a) here b) there c) more`).
    static func resolve(_ candidates: [MarkerCandidate]) -> [ParagraphStructure.Marker] {
        let count = candidates.count
        guard count > 0 else { return [] }
        var isList = [Bool](repeating: false, count: count)
        // For each family, link each marker to an earlier one with the value just below.
        var previousOf: [Int: Int] = [:]     // key: index * 2 + reading slot → previous index
        var families: [Int: [Int: Int]] = [:] // family → value → last index with it
        var chain = [Int](repeating: 1, count: count * 2)
        var nextOf = [Int](repeating: -1, count: count * 2)
        for (index, candidate) in candidates.enumerated() {
            if candidate.isBullet { isList[index] = true; continue }
            for (slot, reading) in candidate.readings.enumerated() {
                var table = families[reading.family, default: [:]]
                if let p = table[reading.value - 1] {
                    // Find the slot of p that has this family.
                    if let pSlot = candidates[p].readings.firstIndex(where: { $0.family == reading.family }) {
                        previousOf[index * 2 + slot] = p * 2 + pSlot
                        chain[index * 2 + slot] = chain[p * 2 + pSlot] + 1
                        if nextOf[p * 2 + pSlot] < 0 { nextOf[p * 2 + pSlot] = index * 2 + slot }
                    }
                }
                table[reading.value] = index
                families[reading.family] = table
            }
        }
        // Total length of the chain each marker belongs to: propagate from the tail back.
        var total = chain
        for key in stride(from: count * 2 - 1, through: 0, by: -1) where nextOf[key] >= 0 {
            total[key] = max(total[key], total[nextOf[key]])
        }
        for (index, candidate) in candidates.enumerated() where !candidate.isBullet {
            for slot in candidate.readings.indices {
                let length = total[index * 2 + slot]
                if length >= 3 || (length == 2 && !candidate.contentLower) { isList[index] = true }
            }
        }
        return candidates.enumerated().map { index, c in
            ParagraphStructure.Marker(start: c.start, end: c.end, isListItem: isList[index], isBullet: c.isBullet)
        }
    }
}
