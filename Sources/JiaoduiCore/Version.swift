/// jiaodui's version, as the language server's `serverInfo` and SARIF's `tool.driver` report it.
public let jiaoduiVersion = "0.3.0"
