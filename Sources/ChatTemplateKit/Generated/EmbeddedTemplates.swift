// Generated from Templates/ by `swift package --allow-writing-to-package-directory embed-templates`. Do not edit.
import Foundation

/// The files of `Templates/`, by file name.
enum EmbeddedTemplates {
    static let files: [String: String] = {
        var files: [String: String] = [:]
        if let data = Data(base64Encoded: "eyMtIFBsYWluIENoYXRNTCwgd3JpdHRlbiBmb3IgQ2hhdFRlbXBsYXRlS2l0LiAtI30KeyUtIGZvciBtZXNzYWdlIGluIG1lc3NhZ2VzIC0lfQogICAge3stICc8fGltX3N0YXJ0fD4nIH4gbWVzc2FnZS5yb2xlIH4gJ1xuJyB+IG1lc3NhZ2UuY29udGVudCB+ICc8fGltX2VuZHw+XG4nIC19fQp7JS0gZW5kZm9yIC0lfQp7JS0gaWYgYWRkX2dlbmVyYXRpb25fcHJvbXB0IC0lfQogICAge3stICc8fGltX3N0YXJ0fD5hc3Npc3RhbnRcbicgLX19CnslLSBlbmRpZiAtJX0K") {
            files["chatml.jinja"] = String(decoding: data, as: UTF8.self)
        }
        return files
    }()
}
