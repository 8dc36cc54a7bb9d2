import JiaoduiCore
import LSPProtocol

// The core and the protocol both name a Diagnostic, a TextEdit and a Range; inside the server
// the protocol's are spelled with an LSP prefix.
typealias LSPDiagnostic = LSPProtocol.Diagnostic
typealias LSPRange = LSPProtocol.Range
typealias LSPTextEdit = LSPProtocol.TextEdit
typealias Finding = JiaoduiCore.Diagnostic
