/// 64-bit FNV-1a: a hash that is the same across runs, machines and Swift versions (unlike `Hasher`), for values
/// that are written down or compared between processes: shard assignment, ignore-list fingerprints, id sets.
///
///     FNV1a.hash("report")            // one string
///     var h = FNV1a(); h.combine("a"); h.combine(0xFF); h.value
public struct FNV1a: Sendable {
    public var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    @inlinable
    public mutating func combine(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01b3
    }

    @inlinable
    public mutating func combine(_ text: String) {
        for byte in text.utf8 { combine(byte) }
    }

    /// The hash of a string's UTF-8 bytes.
    @inlinable
    public static func hash(_ text: String) -> UInt64 {
        var hasher = FNV1a()
        hasher.combine(text)
        return hasher.value
    }
}
