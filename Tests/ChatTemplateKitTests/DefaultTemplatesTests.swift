import Testing
@testable import ChatTemplateKit

@Suite struct DefaultTemplatesTests {
    @Test func templatesFolderIsEmbedded() throws {
        #expect(DefaultTemplates.names.contains("chatml.jinja"))
        let chatml = try #require(DefaultTemplates.source(named: "chatml.jinja"))
        #expect(chatml.contains("<|im_start|>"))
        #expect(DefaultTemplates.source(named: "README.md") == nil)
    }
}
