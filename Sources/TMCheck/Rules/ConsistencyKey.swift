/// The form under which two segments count as "the same" for the consistency rules: case-folded, whitespace
/// collapsed, punctuation dropped; optionally digits replaced by `#` and inline codes removed.
enum ConsistencyKey {
    static func make(_ segment: Segment, ignoringNumbers: Bool, ignoringCodes: Bool) -> Key {
        var out: [UInt8] = []
        fold(segment, ignoringNumbers: ignoringNumbers, ignoringCodes: ignoringCodes, into: &out)
        return Key(out)
    }

    /// Writes the key's UTF-8 into `out` (emptied first; a buffer reused across units saves an allocation each).
    static func fold(_ segment: Segment, ignoringNumbers: Bool, ignoringCodes: Bool, into out: inout [UInt8]) {
        let turkic = CaseFolding.isTurkic(segment.language)
        let s = segment.scalars
        let codes = ignoringCodes ? segment.codes : []
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(s.count + 8)
        var codeIndex = 0
        var pendingSpace = false
        var i = 0
        while i < s.count {
            if !codes.isEmpty {
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
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            if ignoringNumbers, ScalarTraits.isDigit(c) {
                out.append(0x23)  // #
                while i < s.count, ScalarTraits.isDigit(s[i]) || ((s[i] == "." || s[i] == ",") && i + 1 < s.count
                    && ScalarTraits.isDigit(s[i + 1]))
                { i += 1 }
                continue
            }
            CaseFolding.appendFoldedUTF8(c, turkic: turkic, to: &out)
        }
    }

    /// The 64-bit FNV-1a hash of the key (never 0, which marks a unit left out); `emptyHash` for an empty key.
    static func hash(_ segment: Segment, ignoringNumbers: Bool, ignoringCodes: Bool, scratch: inout [UInt8])
        -> UInt64
    {
        let h: UInt64
        if ignoringNumbers || ignoringCodes {
            fold(segment, ignoringNumbers: ignoringNumbers, ignoringCodes: ignoringCodes, into: &scratch)
            h = Key.fnv(scratch)
        } else {
            h = foldedHash(segment, scratch: &scratch)
        }
        return h == 0 ? 1 : h
    }

    /// The FNV-1a hash of the key `fold` would write (without numbers or codes ignored), computed on the fly:
    /// ASCII straight into the hash, other scalars through `scratch`.
    static func foldedHash(_ segment: Segment, scratch: inout [UInt8]) -> UInt64 {
        let turkic = CaseFolding.isTurkic(segment.language)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var pendingSpace = false
        var empty = true
        @inline(__always) func mix(_ b: UInt8) {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        segment.scalars.withUnsafeBufferPointer { s in
            for c in s {
                let v = c.value
                if v < 0x80 {
                    let b = UInt8(v)
                    let lower = b | 0x20
                    let letter = lower >= 0x61 && lower <= 0x7A
                    let digit = b >= 0x30 && b <= 0x39
                    if !(letter || digit) && b >= 0x20 || b == 0x09 || b == 0x0A || b == 0x0B || b == 0x0C
                        || b == 0x0D
                    {
                        // Whitespace or punctuation (ASCII control characters other than whitespace are kept).
                        pendingSpace = true
                        continue
                    }
                    if pendingSpace, !empty { mix(0x20) }
                    pendingSpace = false
                    empty = false
                    if b >= 0x41 && b <= 0x5A {
                        if turkic && b == 0x49 {
                            mix(0xC4)
                            mix(0xB1)
                        } else {
                            mix(b + 0x20)
                        }
                    } else {
                        mix(b)
                    }
                    continue
                }
                if ScalarTraits.isWhitespace(c) || ScalarTraits.isPunctuation(c) {
                    pendingSpace = true
                    continue
                }
                if pendingSpace, !empty { mix(0x20) }
                pendingSpace = false
                scratch.removeAll(keepingCapacity: true)
                CaseFolding.appendFoldedUTF8(c, turkic: turkic, to: &scratch)
                if !scratch.isEmpty { empty = false }
                for b in scratch { mix(b) }
            }
        }
        return h
    }

    /// The hash of the empty key (a segment of punctuation only).
    static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// A key as UTF-8 bytes with its 64-bit FNV-1a hash computed once: hashing and comparing bytes avoids the
    /// Unicode normalisation that `String` hashing performs, which the keys (already folded) do not need.
    struct Key: Hashable, Sendable {
        let bytes: [UInt8]
        let hash: UInt64

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            self.hash = Self.fnv(bytes)
        }

        /// 64-bit FNV-1a.
        static func fnv(_ bytes: [UInt8]) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01b3
            }
            return h
        }

        var isEmpty: Bool { bytes.isEmpty }

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.hash == rhs.hash && lhs.bytes == rhs.bytes }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }
}
