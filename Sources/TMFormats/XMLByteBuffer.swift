#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The XML writer's output bytes between two flushes: a growable buffer with unchecked appends, and the escaping
/// of text and attribute values done on UTF-8 bytes, a table look-up per byte and runs of ordinary bytes copied
/// with `memcpy`.
///
///     var buffer = XMLByteBuffer(capacity: 1 << 16)
///     buffer.append("<seg>")
///     buffer.appendSegmentText(bytes)   // "A  &\tB" → "A &amp; B"
///     try output.write(buffer.bytes)
struct XMLByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The bytes written so far (valid until the next append).
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count)
    }

    /// Forgets the bytes after the first `count`.
    mutating func truncate(to count: Int) {
        self.count = min(max(count, 0), self.count)
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if capacity - count < extra { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(capacity * 2, needed)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func appendStatic(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            for byte in text.utf8 { append(byte) }
        }
    }

    mutating func appendSpaces(_ n: Int) {
        guard n > 0 else { return }
        reserve(n)
        (base + count).initialize(repeating: 0x20, count: n)
        count += n
    }

    // MARK: - Escaping

    /// Byte classes for `appendSegmentText` and `appendEscapedClean`.
    private enum ByteClass {
        static let ordinary: UInt8 = 0
        static let space: UInt8 = 1  // space, tab, line feed, carriage return
        static let escaped: UInt8 = 2  // " & < >
        static let control: UInt8 = 3  // other C0 controls, DEL
        static let lead2: UInt8 = 4  // C2: the start of a C1 control (C2 80–9F) or of an ordinary character
        static let lead3: UInt8 = 5  // EF: the start of U+FFFE/U+FFFF (EF BF BE/BF) or of an ordinary character
    }

    // Written once, then only read.
    nonisolated(unsafe) private static let classes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: table[byte] = ByteClass.space
            case 0x22, 0x26, 0x3C, 0x3E: table[byte] = ByteClass.escaped
            case 0x00..<0x20, 0x7F: table[byte] = ByteClass.control
            case 0xC2: table[byte] = ByteClass.lead2
            case 0xEF: table[byte] = ByteClass.lead3
            default: table[byte] = ByteClass.ordinary
            }
        }
        return UnsafePointer(table)
    }()

    /// How many bytes of removable character start at `index` (a C0 control other than tab/LF/CR, DEL, a C1 control,
    /// U+FFFE, U+FFFF), 0 when the byte starts a character that stays.
    @inline(__always)
    private static func removableLength(
        _ bytes: UnsafePointer<UInt8>, _ index: Int, _ count: Int, _ byteClass: UInt8
    ) -> Int {
        switch byteClass {
        case ByteClass.control: return 1
        case ByteClass.lead2:
            return index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]) ? 2 : 0
        case ByteClass.lead3:
            return index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
                ? 3 : 0
        default: return 0
        }
    }

    @inline(__always)
    private mutating func appendReference(_ byte: UInt8) {
        switch byte {
        case 0x26: appendStatic("&amp;")
        case 0x3C: appendStatic("&lt;")
        case 0x3E: appendStatic("&gt;")
        case 0x22: appendStatic("&quot;")
        case 0x0D: appendStatic("&#13;")
        case 0x0A: appendStatic("&#10;")
        default: appendStatic("&#9;")
        }
    }

    /// Segment text: control characters removed, runs of white space collapsed to one space and trimmed, then
    /// `& < > "` escaped (what `XMLText.segmentText` followed by the content escaping gives), in one pass.
    mutating func appendSegmentText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let text = bytes.baseAddress else { return }
        let count = bytes.count
        let classes = Self.classes
        // The usual segment needs nothing: no control, nothing to escape, single spaces between words only.
        if count > 0, text[0] != 0x20, text[count - 1] != 0x20 {
            var previousSpace = false
            var index = 0
            while index < count {
                let byte = text[index]
                if classes[Int(byte)] == ByteClass.ordinary {
                    previousSpace = false
                } else if byte == 0x20, !previousSpace {
                    previousSpace = true
                } else {
                    break
                }
                index += 1
            }
            if index == count {
                append(bytes)
                return
            }
        }
        @inline(__always) func isOrdinary(_ index: Int) -> Bool {
            let byteClass = classes[Int(text[index])]
            return byteClass == ByteClass.ordinary
                || (byteClass >= ByteClass.lead2 && Self.removableLength(text, index, count, byteClass) == 0)
        }
        var pendingSpace = false
        var started = false
        var runStart = 0
        var index = 0
        while index < count {
            let byte = text[index]
            let byteClass = classes[Int(byte)]
            if byteClass == ByteClass.ordinary
                || (byteClass >= ByteClass.lead2 && Self.removableLength(text, index, count, byteClass) == 0) {
                if pendingSpace {  // only at the start of a run
                    append(0x20)
                    pendingSpace = false
                }
                started = true
                index += 1
                while index < count, classes[Int(text[index])] == ByteClass.ordinary { index += 1 }
                continue
            }
            if byte == 0x20, started, !pendingSpace, index + 1 < count, isOrdinary(index + 1) {
                index += 1  // one space between words stays in the run
                continue
            }
            append(UnsafeBufferPointer(start: text + runStart, count: index - runStart))
            switch byteClass {
            case ByteClass.space:
                pendingSpace = started
                index += 1
            case ByteClass.escaped:
                if pendingSpace {
                    append(0x20)
                    pendingSpace = false
                }
                started = true
                appendReference(byte)
                index += 1
            case ByteClass.control:
                index += 1
            default:
                index += Self.removableLength(text, index, count, byteClass)
            }
            runStart = index
        }
        append(UnsafeBufferPointer(start: text + runStart, count: count - runStart))
    }

    /// Content (`attribute: false`): `& < > "` and carriage return as references, as `xmlEncodeSpecialChars` does.
    /// Attribute values: the same plus tab and line feed (`xmlBufAttrSerializeTxtContent`), so that they survive
    /// attribute-value normalisation. Control characters are removed first (`XMLText.removingControlCharacters`).
    mutating func appendEscapedClean(
        _ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool, removingControls: Bool = true
    ) {
        guard let text = bytes.baseAddress else { return }
        let count = bytes.count
        let classes = Self.classes
        var runStart = 0
        var index = 0
        while index < count {
            let byte = text[index]
            let byteClass = classes[Int(byte)]
            var skip = 0
            switch byteClass {
            case ByteClass.ordinary:
                index += 1
                continue
            case ByteClass.space:
                if byte == 0x20 || (!attribute && byte != 0x0D) {
                    index += 1
                    continue
                }
            case ByteClass.escaped:
                break
            default:
                skip = removingControls ? Self.removableLength(text, index, count, byteClass) : 0
                if skip == 0 {
                    index += 1
                    continue
                }
            }
            append(UnsafeBufferPointer(start: text + runStart, count: index - runStart))
            if skip > 0 {
                index += skip
            } else {
                appendReference(byte)
                index += 1
            }
            runStart = index
        }
        append(UnsafeBufferPointer(start: text + runStart, count: count - runStart))
    }

    /// Text in markup as libxml2 serialises a text node (`xmlEscapeContent`): `& < >` and carriage return as
    /// references, everything else as it is.
    mutating func appendMarkupText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let text = bytes.baseAddress else { return }
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = text[index]
            guard byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x0D else { continue }
            append(UnsafeBufferPointer(start: text + runStart, count: index - runStart))
            appendReference(byte)
            runStart = index + 1
        }
        append(UnsafeBufferPointer(start: text + runStart, count: bytes.count - runStart))
    }
}
