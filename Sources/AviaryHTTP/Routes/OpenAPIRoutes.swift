import Hummingbird
import HTTPTypes
import NIOCore

/// `GET /openapi.json`: the OpenAPI 3.1 document of every route (``OpenAPIDocument``).
struct OpenAPIRoutes {
    let document: OpenAPIDocument

    func register(on router: RouteRecorder) {
        router.get("/openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: document.json)))
        }
    }
}
