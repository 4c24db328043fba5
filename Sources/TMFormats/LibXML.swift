import CLibXML2

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
