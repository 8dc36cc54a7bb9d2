import Foundation
import JiaoduiDocx

/// Arbitrary bytes as a .docx upload: the reader returns text or a `DocxText.Failure`, nothing else.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    _ = try? DocxText.text(of: bytes)
    return 0
}
