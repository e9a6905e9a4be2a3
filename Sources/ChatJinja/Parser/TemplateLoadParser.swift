/// `include`, `import`, `from … import` and `extends`, with Jinja2's syntax.
///
/// A chat template is one file, and transformers renders it in an
/// environment without a loader: these tags parse, and fail only when they
/// run (`Statement.loadTemplate`), so one in a branch that never runs costs
/// nothing, as in Jinja2.
extension Parser {
    mutating func parseTemplateLoad(_ tag: String) throws(JinjaError) -> Statement {
        let offset = currentOffset
        advance()
        let template = try parseExpression()
        var lookup = TemplateLookup.byName
        switch tag {
        case "include":
            var ignoresMissing = false
            if isName("ignore"), try peek() == .name("missing") {
                advance()
                advance()
                ignoresMissing = true
            }
            lookup = .include(ignoresMissing: ignoresMissing)
            try skipImportContext()
        case "import":
            try expect(name: "as")
            _ = try expectName()
            try skipImportContext()
        case "from":
            try parseImportedNames()
        default:  // extends
            if scopeDepth > 0 {
                noteCodeGenerationError(fail("cannot use extend from a non top-level scope", at: offset), at: offset)
            }
        }
        return .loadTemplate(template: template, lookup: lookup, offset: offset)
    }

    /// `with context` or `without context`, when there: whether it was.
    @discardableResult
    private mutating func skipImportContext() throws(JinjaError) -> Bool {
        guard isName("with") || isName("without"), try peek() == .name("context") else { return false }
        advance()
        advance()
        return true
    }

    /// `a, b as c [with context]` after `{% from template import`.
    private mutating func parseImportedNames() throws(JinjaError) {
        try expect(name: "import")
        var count = 0
        while true {
            if count > 0 { try expect(.comma) }
            if try skipImportContext() { break }
            let nameOffset = currentOffset
            let name = try expectName()
            if name.hasPrefix("_") {
                throw fail("names starting with an underline can not be imported", at: nameOffset)
            }
            if skip(name: "as") { _ = try expectName() }
            count += 1
            if try skipImportContext() || !isSymbol(.comma) { break }
        }
    }
}
