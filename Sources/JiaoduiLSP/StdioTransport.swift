import Foundation
import LSPProtocol

/// Bytes in from stdin, framed messages out to stdout. Reading runs on the caller's thread and
/// only frames; everything else happens on the server's own queues, so a slow lint never stops
/// the reader from seeing `$/cancelRequest` or `exit`.
public final class StdioTransport: @unchecked Sendable {
    private let input: Int32
    private let output: Int32
    private let lock = NSLock()

    public init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    /// Writes one framed message; safe from any thread. A vanished client is not an error here:
    /// the reader sees end of input and the process ends.
    public func send(_ body: [UInt8]) {
        let bytes = MessageFramer.frame(body)
        lock.lock()
        defer { lock.unlock() }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(output, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK {
                        // A non-blocking stdout that is full: wait until it drains, never leave
                        // half a message behind.
                        var fds = pollfd(fd: output, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&fds, 1, -1)
                        continue
                    }
                    return
                }
                offset += n
            }
        }
    }

    /// Reads until end of input, handing each framed piece to `deliver`.
    public func run(_ deliver: (MessageFramer.Piece) -> Void) {
        var framer = MessageFramer()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            for piece in framer.feed(buffer[0..<n]) { deliver(piece) }
        }
    }
}
