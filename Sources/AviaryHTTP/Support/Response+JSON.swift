import AviaryCore
import HTTPTypes
import Hummingbird
import NIOCore

extension Response {
    /// A JSON response written with Aviary's own JSON writer.
    public static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: value.jsonString)))
    }
}
