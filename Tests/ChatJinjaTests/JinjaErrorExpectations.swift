import Testing
@testable import ChatJinja

/// The error parsing `source` raises, or nil (and a recorded issue) when it parses.
func parseError(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> JinjaError? {
    do {
        _ = try JinjaTemplate(source: source)
    } catch {
        return error
    }
    Issue.record("expected \(source) not to parse", sourceLocation: sourceLocation)
    return nil
}

/// The error rendering `source` with `variables` raises, or nil (and a
/// recorded issue) when it renders; a template that does not parse is an issue too.
func renderError(_ source: String, _ variables: [String: Value] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> JinjaError? {
    do {
        let template = try JinjaTemplate(source: source)
        _ = try template.render(variables)
    } catch {
        return error
    }
    Issue.record("expected rendering \(source) to fail", sourceLocation: sourceLocation)
    return nil
}
