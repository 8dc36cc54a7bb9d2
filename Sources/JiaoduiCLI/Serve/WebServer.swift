import Foundation
import Hummingbird
import Logging

/// The HTTP face of `ProofreadService`: the page at `/`, the JSON API under `/api/`. Request
/// bodies over `bodyLimit` get a 413 with a JSON error. Nothing is logged but start-up problems
/// (no request, and so no text, ever reaches the log).
struct WebServer {
    let service: ProofreadService
    var bodyLimit = 8 * 1024 * 1024

    /// The application, listening on `host:port` (port 0: a free one); `onRunning` gets the port
    /// actually bound.
    func application(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        let service = service
        let limit = bodyLimit
        router.get("/") { _, _ in
            Self.response(.ok, ServePage.html, type: "text/html; charset=utf-8")
        }
        router.get("/api/rules") { _, _ in
            Self.response(.ok, Data(service.rules().utf8))
        }
        router.post("/api/lint") { request, _ in
            await Self.handle(request, limit: limit) { service.lint($0) }
        }
        router.post("/api/fix") { request, _ in
            await Self.handle(request, limit: limit) { service.fix($0) }
        }
        var logger = Logger(label: "jiaodui-serve")
        logger.logLevel = .error
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Reads the body (at most `limit` bytes), turns it into an input and answers with `work`'s
    /// JSON, or with the JSON error.
    private static func handle(_ request: Request, limit: Int,
                               _ work: @Sendable (ProofreadService.Input) -> String) async -> Response {
        let tooLarge = ServeRequest.Failure(status: 413, message: L10n(
            "请求过大：上限为 \(limit / 1024 / 1024) MB", "request too large: the limit is \(limit / 1024 / 1024) MB"))
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return failure(tooLarge)
        }
        var bytes = Data()
        do {
            for try await chunk in request.body {
                guard bytes.count + chunk.readableBytes <= limit else { return failure(tooLarge) }
                bytes.append(contentsOf: chunk.readableBytesView)
            }
        } catch {
            return failure(.init(status: 400, message: L10n("读取请求体失败", "could not read the request body")))
        }
        let query = request.uri.queryParameters
        let formatHint = request.headers.first { $0.name.canonicalName == "x-jiaodui-format" }?.value ?? query["format"].map(String.init)
        do throws(ServeRequest.Failure) {
            let input = try ServeRequest.input(bytes, contentType: request.headers[.contentType], formatHint: formatHint,
                                               localeHint: query["locale"].map(String.init))
            return response(.ok, Data(work(input).utf8))
        } catch {
            return failure(error)
        }
    }

    private static func failure(_ failure: ServeRequest.Failure) -> Response {
        response(HTTPResponse.Status(code: failure.status), Data(failure.json.utf8))
    }

    private static func response(_ status: HTTPResponse.Status, _ body: Data,
                                 type: String = "application/json; charset=utf-8") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
