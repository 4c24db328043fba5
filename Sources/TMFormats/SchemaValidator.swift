import CLibXML2

/// Validates a file against a DTD or a RELAX NG schema with libxml2, without the network and without loading the
/// file's own DTD. Returns the problems found, empty when the file is valid. (Used by the tests.)
enum SchemaValidator {
    static func dtdProblems(file: String, dtd dtdPath: String) -> [String] {
        withDocument(file) { document, collector in
            guard let dtd = xmlParseDTD(nil, dtdPath) else { return ["\(dtdPath): cannot read the DTD"] }
            defer { xmlFreeDtd(dtd) }
            guard let context = xmlNewValidCtxt() else { return ["cannot create a validation context"] }
            defer { xmlFreeValidCtxt(context) }
            return xmlValidateDtd(context, document, dtd) == 1 ? [] : ["not valid"]
        }
    }

    static func relaxNGProblems(file: String, schema: String) -> [String] {
        withDocument(file) { document, collector in
            guard let parser = xmlRelaxNGNewParserCtxt(schema) else { return ["\(schema): cannot read the schema"] }
            defer { xmlRelaxNGFreeParserCtxt(parser) }
            guard let rng = xmlRelaxNGParse(parser) else { return ["\(schema): cannot parse the schema"] }
            defer { xmlRelaxNGFree(rng) }
            guard let context = xmlRelaxNGNewValidCtxt(rng) else { return ["cannot create a validation context"] }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            return xmlRelaxNGValidateDoc(context, document) == 0 ? [] : ["not valid"]
        }
    }

    private static func withDocument(
        _ file: String, _ body: (xmlDocPtr, ErrorCollector) -> [String]
    ) -> [String] {
        LibXML.initialize()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let document = xmlReadFile(file, nil, options) else {
            return ["\(file): not well-formed"]
        }
        defer { xmlFreeDoc(document) }
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
        let problems = body(document, collector)
        return problems.isEmpty ? [] : collector.messages + problems
    }
}

/// Collects libxml2 error messages through a structured error callback.
final class ErrorCollector {
    var messages: [String] = []
}

extension String {
    var trimmingNewline: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
