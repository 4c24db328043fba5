import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one door to libxml2's global state.
enum LibXML {
    /// `xmlInitParser()` must run once before any parser or writer is used, in a thread-safe way.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func initialize() {
        _ = initialized
    }

    /// Copies a libxml2-owned string (a `Const*` getter result, or an attribute value) into Swift.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// Whether a NUL-terminated libxml2 string is `text`, compared byte by byte (no string is made).
    @inline(__always)
    static func equals(_ pointer: UnsafePointer<xmlChar>?, _ text: StaticString) -> Bool {
        guard let pointer else { return false }
        let expected = text.utf8Start
        let count = text.utf8CodeUnitCount
        for index in 0..<count where pointer[index] != expected[index] {
            return false  // also stops at the string's NUL when it is shorter
        }
        return pointer[count] == 0
    }

    /// The bytes of a NUL-terminated libxml2 string.
    @inline(__always)
    static func bytes(_ pointer: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }

    /// Copies a string libxml2 handed over, then frees it with `xmlFree`.
    static func take(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { tmkit_xmlFree(pointer) }
        return string(pointer)
    }

    /// A Swift string as a NUL-terminated `xmlChar` string for the duration of `body`.
    static func withXML<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        text.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1, body)
        }
    }
}
