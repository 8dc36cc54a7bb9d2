import CJiaoduiData
import Foundation

/// The one page of `jiaodui serve` (HTML, CSS and JavaScript in one file,
/// `Sources/JiaoduiCLI/Resources/serve.html`), embedded in the binary by CJiaoduiData's
/// `.incbin`; ServeTests proves the embedded copy equals the file.
enum ServePage {
    static let html: Data = Data(bytes: jd_serve_page_data(), count: Int(jd_serve_page_size()))
}
