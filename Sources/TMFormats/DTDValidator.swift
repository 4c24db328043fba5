import CLibXML2

/// Validates a file against a DTD with libxml2, without the network and without loading the file's own DTD.
/// Used by the tests and by `tmkit convert` checks; returns the problems found, empty when the file is valid.
enum DTDValidator {
    static func problems(file: String, dtd dtdPath: String) -> [String] {
        LibXML.initialize()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let document = xmlReadFile(file, nil, options) else {
            return ["\(file): not well-formed"]
        }
        defer { xmlFreeDoc(document) }
        guard let dtd = xmlParseDTD(nil, dtdPath) else { return ["\(dtdPath): cannot read the DTD"] }
        defer { xmlFreeDtd(dtd) }
        guard let context = xmlNewValidCtxt() else { return ["cannot create a validation context"] }
        defer { xmlFreeValidCtxt(context) }
        let collector = ErrorCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSetStructuredErrorFunc(box.toOpaque(), { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) } ?? "error"
            collector.messages.append("line \(error.pointee.line): " + message.trimmingNewline)
        })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let valid = xmlValidateDtd(context, document, dtd) == 1
        return valid ? [] : (collector.messages.isEmpty ? ["not valid"] : collector.messages)
    }
}

/// Collects libxml2 error messages through a structured error callback.
final class ErrorCollector {
    var messages: [String] = []
    var first: (message: String, line: Int, column: Int)?
}

extension String {
    var trimmingNewline: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
