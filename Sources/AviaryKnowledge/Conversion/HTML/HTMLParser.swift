import CLibXML2
import Foundation

/// libxml2's HTML parser, with the document's lifetime scoped to a closure.
enum HTMLParser {
    /// Recover from any malformation, report nothing, never touch the network, compact text nodes.
    static let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// libxml2's global state, initialised once before any thread parses (`xmlInitParser` is not
    /// safe to run concurrently with itself).
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `html` and passes its root element to `body`; the document is freed when `body`
    /// returns, so nothing it returns may hold a node. Nil when libxml2 makes no document or it
    /// has no root element.
    ///
    /// - Parameter encoding: the character encoding the caller knows (`charset` of the
    ///   Content-Type), else nil for libxml2 to find it (byte order mark, `<meta charset>`,
    ///   UTF-8 that switches to ISO-8859-1 at the first invalid byte).
    static func withRootElement<Result>(of html: Data, encoding: String?, _ body: (HTMLNode) -> Result) -> Result? {
        precondition(initialized)
        guard html.count <= Int(Int32.max) else { return nil }
        let document: htmlDocPtr? = html.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            let size = Int32(bytes.count)
            guard let encoding = validEncodingName(encoding) else {
                return htmlReadMemory(base, size, nil, nil, options)
            }
            return encoding.withCString { htmlReadMemory(base, size, nil, $0, options) }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = HTMLNode.at(xmlDocGetRootElement(document)) else { return nil }
        return body(root)
    }

    /// `name` when it looks like an encoding label (`utf-8`, `ISO-8859-1`, `Shift_JIS`), else nil.
    static func validEncodingName(_ name: String?) -> String? {
        guard let name = name?.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'"))),
              (1...40).contains(name.count),
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }) else { return nil }
        return name
    }
}
