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
            for byte in variant.language.description.utf8 {  // tags are ASCII
                scratch.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
            scratch.append(0)
            var text = variant.segment.isPlainText ? variant.segment.text : variant.segment.markup
            let escape = variant.segment.isPlainText
            text.withUTF8 { Self.appendNormalised($0, escaping: escape, to: &scratch) }
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

    /// The UTF-8 of `text` with runs of ASCII white space as one space and none at either end; with `escaping`,
    /// `& < >` written as `XMLText.escaped` writes them (the markup of a plain segment), in the same pass.
    static func appendNormalised(_ text: UnsafeBufferPointer<UInt8>, escaping: Bool, to bytes: inout [UInt8]) {
        var pendingSpace = false
        var started = false
        var runStart = 0
        bytes.reserveCapacity(bytes.count + text.count + 16)
        for index in 0..<text.count {
            let byte = text[index]
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            let escaped = escaping && (byte == 0x26 || byte == 0x3C || byte == 0x3E)
            guard space || escaped || pendingSpace else {
                started = true
                continue
            }
            // Copy the run of ordinary bytes before this one.
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            runStart = index + 1
            if space {
                pendingSpace = started
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            started = true
            switch byte {
            case 0x26: bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            default: runStart = index  // an ordinary byte after white space: it starts the next run
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
    }

    /// `appendNormalised` of a string (no escaping).
    static func appendNormalised(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendNormalised($0, escaping: false, to: &bytes) }
    }
}
