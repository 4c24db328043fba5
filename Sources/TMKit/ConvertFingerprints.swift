import TMFormats

/// The units a merge has already written, remembered as 128-bit fingerprints of their languages and normalised
/// segments rather than as strings: 16 bytes a unit (plus the set's slack) whatever the segments' length.
///
/// A fingerprint is two 64-bit SipHash values (Swift's `Hasher`, seeded per process, with two different prefixes)
/// of each variant's language tag and its segment markup with white-space runs collapsed and trimmed (what
/// `TMXWriter` writes for plain text), so units differing only in white space count as duplicates. Two different
/// units share a fingerprint with probability about n²/2¹²⁹ (for 100 million units, about 10⁻²³).
struct ConvertFingerprints {
    struct Fingerprint: Hashable {
        var high: UInt64
        var low: UInt64

        func hash(into hasher: inout Hasher) {
            hasher.combine(low)
        }
    }

    /// 256 sets chosen by the fingerprint's top byte: each grows on its own, so growing copies 1/256 of the
    /// fingerprints at a time instead of holding the old and the new table of one big set (half as much again).
    private var shards = [Set<Fingerprint>](repeating: [], count: 256)
    private var scratch: [UInt8] = []

    var count: Int { shards.reduce(0) { $0 + $1.count } }

    /// Records the unit; false when a unit with the same fingerprint was recorded before.
    mutating func insert(_ unit: TMXUnit) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        for variant in unit.variants {
            scratch.append(contentsOf: variant.language.description.lowercased().utf8)
            scratch.append(0)
            Self.appendNormalised(variant.segment.markup, to: &scratch)
            scratch.append(0)
        }
        var first = Hasher()
        var second = Hasher()
        first.combine(UInt8(1))
        second.combine(UInt8(2))
        scratch.withUnsafeBytes { bytes in
            first.combine(bytes: bytes)
            second.combine(bytes: bytes)
        }
        let fingerprint = Fingerprint(high: UInt64(bitPattern: Int64(first.finalize())),
                                      low: UInt64(bitPattern: Int64(second.finalize())))
        return shards[Int(truncatingIfNeeded: fingerprint.high >> 56)].insert(fingerprint).inserted
    }

    /// The UTF-8 of `text` with runs of ASCII white space as one space and none at either end.
    static func appendNormalised(_ text: String, to bytes: inout [UInt8]) {
        var pendingSpace = false
        var started = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = started
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            started = true
            bytes.append(byte)
        }
    }
}
