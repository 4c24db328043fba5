/// Finds the sentences of one paragraph (bytes `lo..<hi`, no blank line inside).
struct ParagraphScanner {
    let t: UnsafeBufferPointer<UInt8>
    let lo: Int
    let hi: Int
    /// The language's rule data, behind one reference: copying the scanner then costs one retain.
    let rules: LanguageRules
    let lineBreaks: LineBreakMode
    let structure: ParagraphStructure

    /// Start of the current sentence (first non-space byte), or -1 before it begins.
    private var sentenceStart = -1
    /// Punctuation before this offset belongs to a list marker, not to a sentence end.
    private var markerEnd = -1
    private var markerIndex = 0
    /// End of the last bullet that began an item, or -1.
    private var bulletEnd = -1
    private var lineStart: Int
    /// No extra terminator among the two-byte letters U+00C0–U+04FF, so they can be skipped quickly.
    private let fastTwoByteLetters: Bool

    init(text: UnsafeBufferPointer<UInt8>, lo: Int, hi: Int, rules: LanguageRules, lineBreaks: LineBreakMode) {
        self.t = text
        self.lo = lo
        self.hi = hi
        self.rules = rules
        self.lineBreaks = lineBreaks
        self.structure = ParagraphStructure(text: text, lo: lo, hi: hi, keepQuotesWhole: rules.data.keepQuotesWhole)
        self.lineStart = lo
        self.fastTwoByteLetters = rules.data.extraTerminators.allSatisfy { $0.value < 0xC0 || $0.value > 0x4FF }
    }

    consuming func scan(into out: inout [Range<Int>]) {
        var i = lo
        while i < hi {
            let b = t[i]
            var length = 1
            var s = Unicode.Scalar(b)
            if b >= 0xC3, b <= 0xD3, fastTwoByteLetters, i + 1 < hi, t[i + 1] & 0xC0 == 0x80 {
                // A letter of Latin-1 to Cyrillic (U+00C0–U+04FF): no space, terminator, quote or marker.
                if sentenceStart < 0 { sentenceStart = i }
                i += 2
                continue
            }
            if b >= 0x80 {
                (s, length) = UTF8Text.decode(t, i)
                if ScalarClass.isSpace(s) { i += length; continue }
            } else if b == 0x20 || b == 0x09 {
                i += 1
                continue
            } else if b == 0x0A || b == 0x0D {
                newline(at: i, into: &out)
                i += (b == 0x0D && i + 1 < hi && t[i + 1] == 0x0A) ? 2 : 1
                lineStart = i
                continue
            } else if b < 0x20 {
                i += 1
                continue
            }
            if sentenceStart < 0 { sentenceStart = i }
            if markerIndex < structure.markers.count {
                while markerIndex < structure.markers.count, structure.markers[markerIndex].start < i { markerIndex += 1 }
                if markerIndex < structure.markers.count, structure.markers[markerIndex].start == i {
                    let marker = structure.markers[markerIndex]
                    if marker.isListItem {
                        // "• 9. The first item": a marker right after a bullet belongs to the bullet's item.
                        let afterBullet = bulletEnd >= 0 && sentenceStart >= 0 && sentenceStart < bulletEnd && onlySpace(bulletEnd, i)
                        if sentenceStart < i, !afterBullet { emit(upTo: i, into: &out); sentenceStart = i }
                        markerEnd = marker.end
                        bulletEnd = marker.isBullet ? marker.end : -1
                    } else if sentenceStart == i {
                        markerEnd = marker.end
                    }
                }
            }
            if b < 0x80 {
                if b == 0x2E || b == 0x21 || b == 0x3F || (!rules.data.extraTerminators.isEmpty && rules.data.extraTerminators.contains(s)) {
                    i = weakTerminator(at: i, into: &out)
                    continue
                }
                if b == 0x22 || b == 0x27 {
                    i = interruptedSpeech(at: i, into: &out)
                    continue
                }
                i += 1
                continue
            }
            if s == "\u{201D}" || s == "\u{2019}" || s == "\u{BB}" {
                i = interruptedSpeech(at: i, into: &out)
                continue
            }
            if ScalarClass.isStrongTerminator(s) {
                i = strongTerminator(at: i, into: &out)
                continue
            }
            if ScalarClass.isWeakTerminator(s) || (!rules.data.extraTerminators.isEmpty && rules.data.extraTerminators.contains(s)) {
                i = weakTerminator(at: i, into: &out)
                continue
            }
            i += length
        }
        if sentenceStart >= 0 { emit(upTo: hi, into: &out) }
    }

    // MARK: - Emitting

    private mutating func emit(upTo end: Int, into out: inout [Range<Int>]) {
        guard sentenceStart >= 0 else { return }
        var e = end
        while e > sentenceStart {
            guard let (s, start) = UTF8Text.decodeBefore(t, e, lo: sentenceStart), ScalarClass.isSpace(s) else { break }
            e = start
        }
        if e > sentenceStart { out.append(sentenceStart..<e) }
        sentenceStart = -1
    }

    // MARK: - Line breaks

    private mutating func newline(at i: Int, into out: inout [Range<Int>]) {
        guard sentenceStart >= 0, sentenceStart < i else { return }
        if isHardLineBreak(at: i) {
            emit(upTo: i, into: &out)
        }
    }

    private func isHardLineBreak(at i: Int) -> Bool {
        if lineBreaks == .hard { return true }
        // The next line: its first visible character, and whether a list item begins there.
        var n = i + 1
        if t[i] == 0x0D, n < hi, t[n] == 0x0A { n += 1 }
        let nextLineStart = n
        while n < hi, t[n] == 0x20 || t[n] == 0x09 { n += 1 }
        guard n < hi else { return false }
        if startsListItem(at: n) { return true }
        if lineBreaks == .soft { return false }
        let (first, _) = UTF8Text.decode(t, n)
        let trailingSpace = i > lo && (t[i - 1] == 0x20 || t[i - 1] == 0x09)
        if lineEndsSentence(before: i) { return true }
        // An indented line after one that is not indented begins something new.
        if n > nextLineStart, lineStart < hi, t[lineStart] != 0x20, t[lineStart] != 0x09 { return true }
        // Pragmatic Segmenter's rule: "a cold \nnight", "400 yd \n( 365.8 m )".
        if trailingSpace, ScalarClass.isLower(first) || first == "(" { return false }
        // A line that begins with punctuation continues the previous one.
        if first == "." || first == "," || first == ";" || first == ":" || first == ")" { return false }
        let previousLength = scalarCount(lineStart, i)
        if previousLength >= SentenceScanner.wrapLineLength {
            if ScalarClass.isLower(first) || ScalarClass.isDigit(first) { return false }
            // Both lines full: wrapped prose, even before a capital.
            var e = nextLineStart
            while e < hi, t[e] != 0x0A, t[e] != 0x0D, e - nextLineStart < 1024 { e += 1 }
            if scalarCount(nextLineStart, e) >= SentenceScanner.wrapLineLength { return false }
        }
        return true
    }

    /// Whether the line ending at `i` ends with a sentence terminator that is not an abbreviation's full stop.
    private func lineEndsSentence(before i: Int) -> Bool {
        var e = i
        while e > lineStart, t[e - 1] == 0x20 || t[e - 1] == 0x09 || t[e - 1] == 0x0D { e -= 1 }
        var k = e
        var steps = 0
        while k > lineStart, steps < 8, let (s, start) = UTF8Text.decodeBefore(t, k, lo: lineStart), ScalarClass.isCloser(s) {
            k = start
            steps += 1
        }
        guard let (s, start) = UTF8Text.decodeBefore(t, k, lo: lineStart) else { return false }
        if s == "!" || s == "?" || s == "…" || ScalarClass.isStrongTerminator(s) { return true }
        guard s == "." else { return false }
        let token = tokenBefore(start)
        guard token.count > 1 || (token.count == 1 && ScalarClass.isUpper(UTF8Text.decode(t, token.lowerBound).0)) else { return false }
        return abbreviationKind(token: token) == nil && !isDottedAcronym(token)
    }

    private func onlySpace(_ a: Int, _ b: Int) -> Bool {
        var k = a
        while k < b {
            guard t[k] == 0x20 || t[k] == 0x09 else { return false }
            k += 1
        }
        return true
    }

    private func scalarCount(_ a: Int, _ b: Int) -> Int {
        var count = 0
        var k = a
        while k < b {
            if t[k] & 0xC0 != 0x80, t[k] != 0x20 || count > 0 { count += 1 }
            k += 1
        }
        return count
    }

    private func startsListItem(at n: Int) -> Bool {
        var low = markerIndex
        while low < structure.markers.count, structure.markers[low].start < n { low += 1 }
        return low < structure.markers.count && structure.markers[low].start == n && structure.markers[low].isListItem
    }

    // MARK: - Terminators

    private mutating func strongTerminator(at i: Int, into out: inout [Range<Int>]) -> Int {
        var j = i
        while j < hi {
            let (s, length) = UTF8Text.decode(t, j)
            guard ScalarClass.isStrongTerminator(s) || ScalarClass.isWeakTerminator(s) else { break }
            j += length
        }
        // A full-width full stop between digits is a decimal point.
        if let (before, _) = UTF8Text.decodeBefore(t, i, lo: lo), ScalarClass.isDigit(before), j < hi,
           ScalarClass.isDigit(UTF8Text.decode(t, j).0) {
            return j
        }
        let k = skipClosers(from: j)
        // Japanese 「…。」と言った: a quotation particle (hiragana) after the closing bracket continues the sentence.
        if k > j, k < hi, (0x3041...0x309F).contains(UTF8Text.decode(t, k).0.value) { return k }
        if k < hi, !structure.isProtected(k), sentenceStart >= 0, sentenceStart < i {
            emit(upTo: k, into: &out)
        }
        return k
    }

    /// `.` `!` `?` `…` and language extras: decide from the word before and what follows.
    private mutating func weakTerminator(at i: Int, into out: inout [Range<Int>]) -> Int {
        let (first, firstLength) = UTF8Text.decode(t, i)
        if i < markerEnd { return i + firstLength }
        let before = UTF8Text.decodeBefore(t, i, lo: lo)
        let spaceBefore = before.map { ScalarClass.isSpace($0.0) } ?? true
        if spaceBefore {
            // ". . ." and "..." after a space are ellipses; a lone "!" or "?" standing as a word ends a sentence;
            // otherwise the mark begins a word (".jpeg", "!Kung").
            let next = i + firstLength < hi ? t[i + firstLength] : 0x20
            let lone = next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09
            let dots = first == "." && (next == 0x2E || (next == 0x20 && i + firstLength + 1 < hi && t[i + firstLength + 1] == 0x2E))
            if !dots && !(lone && first != ".") && first != "…" { return i + firstLength }
        }

        // The run of terminators, with spaced dots (". . .") folded in.
        var j = i
        var periods = 0
        var others = 0
        var ellipsisCharacter = false
        var spaced = false
        let firstEnd = i + firstLength
        while j < hi {
            let (s, length) = UTF8Text.decode(t, j)
            if s == "." {
                periods += 1
            } else if s == "…" {
                ellipsisCharacter = true
            } else if ScalarClass.isWeakTerminator(s) || rules.data.extraTerminators.contains(s) {
                others += 1
            } else if s == " ", j + 1 < hi, t[j + 1] == 0x2E, periods > 0,
                      j + 2 >= hi || t[j + 2] == 0x20 || t[j + 2] == 0x0A || ScalarClass.isCloser(UTF8Text.decode(t, j + 2).0) {
                spaced = true
                j += 1
                continue
            } else {
                break
            }
            j += length
        }

        // Leading punctuation of a sentence (". . . The practice"), or an ellipsis in brackets ("[...]").
        if i == sentenceStart { return j }
        if let (b, _) = before, b == "[" || b == "(" { return j }

        var k = skipClosers(from: j)

        // Citation numbers glued to the full stop: "consultation.11 12 Take", "(type 2).10 This".
        if periods == 1, others == 0, !spaced, k == j, k < hi, t[k] >= 0x30, t[k] <= 0x39,
           let (b, _) = before, ScalarClass.isLetter(b) || b == ")" || b == "]" {
            if let end = citationEnd(from: k), !isAbbreviationToken(endingAt: i) {
                k = end
            } else {
                return j
            }
        }
        if k >= hi { return hi }
        let (after, _) = UTF8Text.decode(t, k)
        if !ScalarClass.isSpace(after) {
            // "world.Today", "1,000.That": a full stop with no space before a capitalised word.
            if periods == 1, others == 0, !spaced, k == j, let (b, _) = before,
               ScalarClass.isLower(b) || ScalarClass.isDigit(b),
               isCapitalisedWord(at: k) || (ScalarClass.isLower(b) && isUpperCaseWord(at: k)),
               !tokenLooksLikeAddress(around: i) {
                breakSentence(at: k, into: &out)
            }
            return k
        }
        let next = NextStart(scanner: self, from: k)
        if next.atEnd { return k }

        let decision: Bool
        var breakAt = k
        if others > 0 {
            // A lower-case word after `?` or `!` continues the sentence: "Что же я скажу ему? о чём? о Вере?"
            // (Russian rules §180: marks after homogeneous parts of one question), "thump! thump! down she came".
            decision = !isException(endingAt: j) && next.isStrong
        } else if spaced {
            let attached = !spaceBefore
            if attached {
                decision = next.isStrong
                breakAt = firstEnd
            } else {
                decision = periods >= 4 && next.isStrong
            }
        } else if periods >= 2 || ellipsisCharacter {
            decision = next.isStrong
        } else {
            decision = fullStop(at: i, next: next)
        }
        if decision { breakSentence(at: breakAt, into: &out) }
        return decision && breakAt < k ? breakAt : k
    }

    /// A closing quote after a dash ends broken-off speech: `"If you please, sir--" The Rabbit started`.
    private mutating func interruptedSpeech(at i: Int, into out: inout [Range<Int>]) -> Int {
        let (_, length) = UTF8Text.decode(t, i)
        guard let (b, _) = UTF8Text.decodeBefore(t, i, lo: lo), b == "-" || b == "\u{2014}" || b == "\u{2015}",
              i - 2 >= lo, t[i - 2] == 0x2D || b != "-"
        else { return i + length }
        let k = skipClosers(from: i)
        guard k < hi, ScalarClass.isSpace(UTF8Text.decode(t, k).0) else { return k }
        let next = NextStart(scanner: self, from: k)
        if !next.atEnd, next.upper || next.digit || next.uncased { breakSentence(at: k, into: &out) }
        return k
    }

    private mutating func breakSentence(at p: Int, into out: inout [Range<Int>]) {
        guard sentenceStart >= 0, sentenceStart < p, !structure.isProtected(p) else { return }
        emit(upTo: p, into: &out)
    }

    /// Closing quotes and brackets, and footnote references (`[12]`), that follow a terminator.
    private func skipClosers(from j: Int) -> Int {
        var k = j
        var steps = 0
        while k < hi, steps < 16 {
            steps += 1
            let (s, length) = UTF8Text.decode(t, k)
            if ScalarClass.isCloser(s) {
                k += length
            } else if s == " " || s == "\u{A0}" || s == "\u{202F}", k + length < hi {
                // French spacing: « Je viens demain. » — a closing guillemet after a (no-break) space.
                let (c, cLength) = UTF8Text.decode(t, k + length)
                guard c == "»" || c == "”" || c == "›" else { break }
                let e = k + length + cLength
                guard e >= hi || ScalarClass.isSpace(UTF8Text.decode(t, e).0) else { break }
                k = e
            } else if s == "[" {
                var e = k + 1
                while e < hi, e - k < 10, (t[e] >= 0x30 && t[e] <= 0x39) || t[e] == 0x2C || t[e] == 0x2D || t[e] == 0xE2 || t[e] == 0x80 || t[e] == 0x93 { e += 1 }
                guard e < hi, e > k + 1, t[e] == 0x5D else { break }
                k = e + 1
            } else {
                break
            }
        }
        return k
    }

    /// The end of citation numbers ("11", "11 12") after a full stop, if a capitalised word follows them.
    private func citationEnd(from k: Int) -> Int? {
        var e = k
        var groups = 0
        while true {
            let groupStart = e
            while e < hi, t[e] >= 0x30, t[e] <= 0x39, e - groupStart < 4 { e += 1 }
            let digits = e - groupStart
            guard digits >= 1, digits <= 3 else { return nil }
            groups += 1
            guard e < hi, t[e] == 0x20 || t[e] == 0x0A else { return nil }
            var w = e
            while w < hi, t[w] == 0x20 { w += 1 }
            if w < hi, t[w] >= 0x30, t[w] <= 0x39, groups < 4 { e = w; continue }
            return w < hi && isCapitalisedWord(at: w) ? e : nil
        }
    }

    // MARK: - The full stop

    /// Decides whether a single full stop at `i` (followed by white space) ends the sentence.
    private func fullStop(at i: Int, next: NextStart) -> Bool {
        let token = tokenBefore(i)
        if token.lowerBound == i { return next.isStrong }
        if tokenLooksLikeAddress(around: i) { return next.isStrong }
        let lastScalar = UTF8Text.decodeBefore(t, i, lo: lo)?.0 ?? " "
        let atSentenceStart = token.lowerBound <= sentenceStart
        // "А. И. Семенов": a one-letter word with a full stop is another initial, not the conjunction "И".
        let starter = next.upper && !next.initial && (next.word.map { rules.data.starters.contains(rules.data.key(t, $0)) } ?? false)
        let short = isShortSentence(endingAt: token.lowerBound)

        // "N° 5", "№ 70", "Nº 3": the number sign of any language.
        if next.digit, lastScalar == "°" || lastScalar == "º" || lastScalar == "№" { return false }
        if let kind = abbreviationKind(token: token) {
            switch kind {
            case .title:
                return false
            case .numeric where next.digit:
                return false
            case .sentenceFinal:
                if next.listMarker { return true }
                return next.titlecase && !next.bracket && !short
            case .afterNumber where followsNumber(token):
                // "Заседание перенесли на 15 мин. Докладчик опоздал." but "Через 15 мин. Иван вернулся."
                return next.listMarker || (next.titlecase && !next.bracket && !short)
            case .general, .numeric, .afterNumber:
                if next.listMarker { return true }
                return starter && !short
            }
        }
        if ScalarClass.isDigit(lastScalar) {
            let digitsOnly = t[token].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            if atSentenceStart, digitsOnly, token.count <= 3, !next.lower { return false }  // "1. The first item"
            if rules.data.ordinalDot, digitsOnly, token.count <= 2, !starter, !next.listMarker { return false }  // "3. Mai"
            return next.isStrong
        }
        let word = lastWord(before: i, tokenStart: token.lowerBound)
        let wordLength = scalarCount(word.lowerBound, word.upperBound)
        if word == token, wordLength == 1 {
            if next.listMarker { return true }
            if atSentenceStart { return false }                 // "Q. What is …", "d. Compliance log"
            if ScalarClass.isLower(lastScalar) { return false }  // "v. If S" (a variable, "p.", "c.")
            return starter && !short                            // "you and I. Did" but "Albert I. Jones"
        }
        if isDottedAcronym(token) {
            return (starter && !short) || next.listMarker      // "the U.S. How" but "the U.S. Government"
        }
        if next.lower {
            // Languages where a sentence may begin in lower case after an ordinary word ("bildirib. rəsmilər").
            guard word == token, !next.listMarker else { return false }
            if rules.data.lowercaseStarts, wordLength >= 4 { return true }
            // Greek "κανένας. το κόστος": a word ending in a word-final letter is complete, not abbreviated.
            return wordLength >= 3 && rules.data.wordFinalLetters.contains(lastScalar)
        }
        return next.isStrong
    }

    /// A number (its last digit) just before `token`, across white space: "15 мин.", "2010-2012 гг.".
    private func followsNumber(_ token: Range<Int>) -> Bool {
        var s = token.lowerBound
        var steps = 0
        while s > lo, steps < 8 {
            steps += 1
            if t[s - 1] == 0x20 || t[s - 1] == 0x09 || t[s - 1] == 0x0A { s -= 1 }
            else if s - 2 >= lo, t[s - 2] == 0xC2, t[s - 1] == 0xA0 { s -= 2 }                       // no-break space
            else if s - 3 >= lo, t[s - 3] == 0xE2, t[s - 2] == 0x80, t[s - 1] == 0xAF { s -= 3 }  // narrow one
            else { break }
        }
        return s > lo && s < token.lowerBound && t[s - 1] >= 0x30 && t[s - 1] <= 0x39
    }

    /// The non-space token that ends at `i`, without opening quotes and brackets (bounded).
    private func tokenBefore(_ i: Int) -> Range<Int> {
        var s = i
        var steps = 0
        let floor = sentenceStart >= 0 && sentenceStart < i ? sentenceStart : lo
        while s > floor, steps < SentenceScanner.maxTokenLength {
            guard let (scalar, start) = UTF8Text.decodeBefore(t, s, lo: floor), !ScalarClass.isSpace(scalar) else { break }
            s = start
            steps += 1
        }
        while s < i {
            let (scalar, length) = UTF8Text.decode(t, s)
            guard ScalarClass.isOpener(scalar) || ScalarClass.isDash(scalar) || scalar == "*" else { break }
            s += length
        }
        return s..<i
    }

    /// The letters just before `i` within the token.
    private func lastWord(before i: Int, tokenStart: Int) -> Range<Int> {
        var s = i
        while s > tokenStart {
            guard let (scalar, start) = UTF8Text.decodeBefore(t, s, lo: tokenStart),
                  ScalarClass.isLetter(scalar) || scalar.properties.generalCategory == .nonspacingMark
            else { break }
            s = start
        }
        return s..<i
    }

    /// "U.S", "e.g", "H.Ə", "Ph.D": letters with full stops between them.
    private func isDottedAcronym(_ token: Range<Int>) -> Bool {
        var sawDot = false
        var k = token.lowerBound
        var letters = 0
        while k < token.upperBound {
            let (s, length) = UTF8Text.decode(t, k)
            if s == "." { sawDot = true; if letters == 0 || letters > 3 { return false }; letters = 0 }
            else if ScalarClass.isLetter(s) { letters += 1 }
            else { return false }
            k += length
        }
        return sawDot && letters >= 1 && letters <= 3
    }

    /// Whether fewer than four words precede `end` in the sentence ("At 5 a.m.", "Q.").
    private func isShortSentence(endingAt end: Int) -> Bool {
        guard sentenceStart >= 0 else { return true }
        var words = 1
        var k = end - 1
        var inSpace = false
        while k >= sentenceStart {
            let isSpace = t[k] == 0x20 || t[k] == 0x09 || t[k] == 0x0A || t[k] == 0x0D
            if isSpace && !inSpace { words += 1; if words > 3 { return false } }
            inSpace = isSpace
            if end - k > 512 { return false }
            k -= 1
        }
        return true
    }

    /// "XVIII", "NATO": two or more capitals.
    private func isUpperCaseWord(at k: Int) -> Bool {
        let (s, length) = UTF8Text.decode(t, k)
        guard ScalarClass.isUpper(s), k + length < hi else { return false }
        return ScalarClass.isUpper(UTF8Text.decode(t, k + length).0)
    }

    private func isCapitalisedWord(at k: Int) -> Bool {
        let (s, length) = UTF8Text.decode(t, k)
        guard ScalarClass.isUpper(s), k + length < hi else { return false }
        return ScalarClass.isLower(UTF8Text.decode(t, k + length).0)
    }

    /// URLs, e-mail addresses and the like: their full stops are not sentence ends.
    private func tokenLooksLikeAddress(around i: Int) -> Bool {
        var s = i
        while s > lo, i - s < SentenceScanner.maxTokenLength, t[s - 1] != 0x20, t[s - 1] != 0x0A, t[s - 1] != 0x09 { s -= 1 }
        var e = i
        while e < hi, e - i < SentenceScanner.maxTokenLength, t[e] != 0x20, t[e] != 0x0A, t[e] != 0x09 { e += 1 }
        if i - s >= SentenceScanner.maxTokenLength { return true }
        var k = s
        while k < e {
            let b = t[k]
            if b == 0x40 { return true }                                        // @
            if b == 0x3A, k + 2 < e, t[k + 1] == 0x2F, t[k + 2] == 0x2F { return true }  // ://
            k += 1
        }
        if e - s >= 4, t[s] | 0x20 == 0x77, t[s + 1] | 0x20 == 0x77, t[s + 2] | 0x20 == 0x77, t[s + 3] == 0x2E { return true }
        return false
    }

    private func abbreviationKind(token: Range<Int>) -> LanguageSegmentationData.AbbreviationKind? {
        guard !rules.data.abbreviations.isEmpty, token.count <= 40 else { return nil }
        guard let entries = rules.data.abbreviations[rules.data.key(t, token)] else { return nil }
        var best: LanguageSegmentationData.Abbreviation?
        for entry in entries where entry.preceding.count >= (best?.preceding.count ?? 0) {
            if entry.preceding.isEmpty || precedingWords(before: token.lowerBound, count: entry.preceding.count) == entry.preceding {
                best = entry
            }
        }
        return best?.kind
    }

    private func isAbbreviationToken(endingAt i: Int) -> Bool {
        abbreviationKind(token: tokenBefore(i)) != nil
    }

    /// The `count` words before `position`, folded, in text order.
    private func precedingWords(before position: Int, count: Int) -> [LanguageSegmentationData.Key] {
        var words: [LanguageSegmentationData.Key] = []
        var e = position
        while words.count < count {
            while e > lo, t[e - 1] == 0x20 || t[e - 1] == 0x09 { e -= 1 }
            var s = e
            while s > lo, t[s - 1] != 0x20, t[s - 1] != 0x09, t[s - 1] != 0x0A, e - s < 64 { s -= 1 }
            guard s < e else { break }
            words.insert(rules.data.key(t, s..<e), at: 0)
            e = s
        }
        return words
    }

    private func isException(endingAt j: Int) -> Bool {
        guard !rules.data.exceptions.isEmpty else { return false }
        var s = j
        while s > lo, j - s < 64, t[s - 1] != 0x20, t[s - 1] != 0x0A, t[s - 1] != 0x09 { s -= 1 }
        return rules.data.exceptions.contains(rules.data.key(t, s..<j))
    }

    // MARK: - What follows

    /// The beginning of the text after a candidate sentence end.
    struct NextStart {
        var atEnd = false
        var listMarker = false
        var bracket = false
        var upper = false
        var lower = false
        var digit = false
        var uncased = false
        var titlecase = false
        var allCaps = false
        var symbol = false
        /// A single capital letter followed by a full stop: an initial.
        var initial = false
        /// The bytes of the next word.
        var word: Range<Int>?

        /// The next sentence opens with an ellipsis: "raak. ...en toen barste de hel los."
        var leadingEllipsis = false

        /// Something a sentence can begin with after `.`, `!`, `?`.
        var isStrong: Bool { listMarker || upper || digit || uncased || symbol || leadingEllipsis }

        init(scanner: ParagraphScanner, from k: Int) {
            let t = scanner.t
            let hi = scanner.hi
            var n = k
            while n < hi {
                let (s, length) = UTF8Text.decode(t, n)
                guard ScalarClass.isSpace(s) else { break }
                n += length
            }
            guard n < hi else { atEnd = true; return }
            listMarker = scanner.startsListItem(at: n)
            if (n + 2 < hi && t[n] == 0x2E && t[n + 1] == 0x2E && t[n + 2] == 0x2E)
                || (n + 2 < hi && t[n] == 0xE2 && t[n + 1] == 0x80 && t[n + 2] == 0xA6) {
                leadingEllipsis = true
            }
            // A parenthesis that closes the paragraph is an aside to the sentence before it:
            // `… off the top of the house!' (Which was very likely true.)`
            if t[n] == 0x28, let aside = scanner.structure.protectedRange(openingAt: n) {
                var e = aside.upperBound
                while e < hi, t[e] == 0x20 || t[e] == 0x09 || t[e] == 0x0A || t[e] == 0x0D { e += 1 }
                if e >= hi { return }
            }
            var steps = 0
            while n < hi, steps < 6 {
                steps += 1
                let (s, length) = UTF8Text.decode(t, n)
                if s == "(" || s == "[" || s == "{" { bracket = true }
                if ScalarClass.isOpener(s) {
                    n += length
                } else if ScalarClass.isDash(s) || ScalarClass.isBullet(s) {
                    n += length
                    while n < hi, t[n] == 0x20 { n += 1 }
                } else {
                    break
                }
            }
            guard n < hi else { return }
            let (first, firstLength) = UTF8Text.decode(t, n)
            if ScalarClass.isDigit(first) { digit = true; return }
            if ScalarClass.isUpper(first) { upper = true }
            else if ScalarClass.isLower(first) { lower = true }
            else if ScalarClass.isUncasedLetter(first) { uncased = true; return }
            else {
                let category = first.properties.generalCategory
                symbol = category == .currencySymbol
                return
            }
            var e = n + firstLength
            var letters = 1
            var uppers = upper ? 1 : 0
            var second: Unicode.Scalar?
            while e < hi, e - n < 64 {
                let (s, length) = UTF8Text.decode(t, e)
                guard ScalarClass.isLetter(s) else { break }
                if second == nil { second = s }
                letters += 1
                if ScalarClass.isUpper(s) { uppers += 1 }
                e += length
            }
            word = n..<e
            titlecase = upper && (letters == 1 || second.map(ScalarClass.isLower) == true)
            allCaps = letters >= 2 && uppers == letters
            initial = upper && letters == 1 && e < hi && t[e] == 0x2E
        }
    }
}
