import Foundation

/// A request id: JSON-RPC allows an integer or a string, and the reply must carry the same one.
public enum RequestID: Sendable, Hashable, Codable, CustomStringConvertible {
    case int(Int)
    case string(String)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { self = .int(i) } else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let i): try c.encode(i)
        case .string(let s): try c.encode(s)
        }
    }

    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .string(let s): return "\"\(s)\""
        }
    }
}

/// JSON-RPC and LSP error codes.
public enum ErrorCode {
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
    public static let requestFailed = -32803
    public static let requestCancelled = -32800
}

public struct ResponseError: Error, Sendable, Codable, Equatable {
    public var code: Int
    public var message: String
    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }
}

/// The envelope of any incoming message, read before its params are decoded into their type.
public struct IncomingEnvelope: Decodable, Sendable {
    public let jsonrpc: String?
    public let id: RequestID?
    public let method: String?
    public let error: ResponseError?
    public let result: JSONValue?

    public enum Kind: Sendable {
        case request(RequestID, String)
        case notification(String)
        case response(RequestID)
        case invalid
    }

    public var kind: Kind {
        switch (id, method) {
        case let (id?, method?): return .request(id, method)
        case let (nil, method?): return .notification(method)
        case let (id?, nil): return .response(id)
        default: return .invalid
        }
    }
}

private struct ParamsEnvelope<P: Decodable>: Decodable {
    let params: P
}

private struct OptionalParamsEnvelope<P: Decodable>: Decodable {
    let params: P?
}

/// Decoding and encoding of message bodies.
public enum JSONRPC {
    public static func envelope(_ body: [UInt8]) throws(ResponseError) -> IncomingEnvelope {
        let data = Data(body)
        do {
            return try JSONDecoder().decode(IncomingEnvelope.self, from: data)
        } catch {
            // Tell malformed JSON apart from JSON that is not a message (such as `[1,2,3]`).
            if (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil {
                throw ResponseError(code: ErrorCode.parseError, message: "Parse error: the body is not UTF-8 JSON")
            }
            throw ResponseError(code: ErrorCode.invalidRequest, message: "Invalid request: not a JSON-RPC message object")
        }
    }

    /// The `params` of `body`, decoded as `P`.
    public static func params<P: Decodable>(_ type: P.Type, from body: [UInt8]) throws(ResponseError) -> P {
        do {
            return try JSONDecoder().decode(ParamsEnvelope<P>.self, from: Data(body)).params
        } catch {
            throw ResponseError(code: ErrorCode.invalidParams, message: "Invalid params: \(Self.describe(error))")
        }
    }

    /// The `params` of `body` when present, decoded as `P`.
    public static func optionalParams<P: Decodable>(_ type: P.Type, from body: [UInt8]) throws(ResponseError) -> P? {
        do {
            return try JSONDecoder().decode(OptionalParamsEnvelope<P>.self, from: Data(body)).params
        } catch {
            throw ResponseError(code: ErrorCode.invalidParams, message: "Invalid params: \(Self.describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let ctx)?:
            return "missing \(path(ctx.codingPath + [key]))"
        case .typeMismatch(_, let ctx)?, .valueNotFound(_, let ctx)?, .dataCorrupted(let ctx)?:
            return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        default:
            return String(describing: error)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        return e
    }()

    public static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        // Every type sent is built from Codable structs of this module; failure is a programming error.
        Array(try! encoder.encode(value))
    }

    public static func response<R: Encodable>(id: RequestID?, result: R?) -> [UInt8] {
        encode(ResponseMessage(id: id, result: result, error: nil))
    }

    public static func errorResponse(id: RequestID?, _ error: ResponseError) -> [UInt8] {
        encode(ResponseMessage<JSONValue>(id: id, result: nil, error: error))
    }

    public static func notification<P: Encodable>(_ method: String, _ params: P) -> [UInt8] {
        encode(NotificationMessage(method: method, params: params))
    }

    /// A request to the client; nil params are left out (as for `workspace/diagnostic/refresh`).
    public static func request<P: Encodable>(id: RequestID, _ method: String, _ params: P?) -> [UInt8] {
        encode(RequestMessage(id: id, method: method, params: params))
    }
}

/// A response: `result` is written even when it is null (the spec requires it on success), and
/// `id` is null only when the request's id could not be read.
struct ResponseMessage<R: Encodable>: Encodable {
    let id: RequestID?
    let result: R?
    let error: ResponseError?

    enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("2.0", forKey: .jsonrpc)
        if let id { try c.encode(id, forKey: .id) } else { try c.encodeNil(forKey: .id) }
        if let error {
            try c.encode(error, forKey: .error)
        } else if let result {
            try c.encode(result, forKey: .result)
        } else {
            try c.encodeNil(forKey: .result)
        }
    }
}

struct NotificationMessage<P: Encodable>: Encodable {
    var jsonrpc = "2.0"
    let method: String
    let params: P
}

struct RequestMessage<P: Encodable>: Encodable {
    var jsonrpc = "2.0"
    let id: RequestID
    let method: String
    let params: P?
}
