import ArgumentParser
import Foundation
import JiaoduiLSP

/// `jiaodui lsp`: the language server over stdin/stdout, for Neovim, Emacs, Helix and VS Code.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "语言服务器（LSP，经标准输入输出） / run the language server over stdio",
        discussion: "标准输出只传协议消息；日志写到标准错误。/ stdout carries the protocol only; logs go to stderr.")

    @Flag(name: .long, help: "通过标准输入输出通信（默认；为兼容 VS Code 客户端而接受）/ talk over stdio (the default; accepted for VS Code clients)")
    var stdio = false

    /// For the latency benchmark's baseline: documents up to this many characters are fully
    /// re-linted on every edit (default 16000; larger ones re-lint the edited lines first).
    @Option(name: .long, help: .hidden)
    var fullLintLimit: Int?

    func run() throws {
        // A client that goes away must not kill the server mid-write; the reader sees end of input.
        signal(SIGPIPE, SIG_IGN)
        let transport = StdioTransport()
        var options = LanguageServer.Options()
        if let fullLintLimit { options.fullLintLimit = fullLintLimit }
        let server = LanguageServer(options: options, send: { transport.send($0) }, exit: { Foundation.exit($0) })
        transport.run { server.receive($0) }
        server.inputClosed()
    }
}
