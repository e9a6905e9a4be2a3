@testable import ChatTokenizer
import Testing

@Suite("Pre-tokenizers")
struct PreTokenizerTests {
    private func split(_ pattern: String, _ behavior: SplitBehavior, invert: Bool = false) throws -> SplitPreTokenizer {
        SplitPreTokenizer(pattern: try RegexPattern(pattern), behavior: behavior, invert: invert)
    }

    @Test("Split behaviors")
    func behaviors() throws {
        let text = "a  b c"
        #expect(PipelineProbe.words(text, with: try split(" ", .isolated)) == ["a", " ", " ", "b", " ", "c"])
        #expect(PipelineProbe.words(text, with: try split(" ", .removed)) == ["a", "b", "c"])
        #expect(PipelineProbe.words(text, with: try split(" ", .mergedWithPrevious)) == ["a ", " ", "b ", "c"])
        #expect(PipelineProbe.words(text, with: try split(" ", .mergedWithNext)) == ["a", " ", " b", " c"])
        #expect(PipelineProbe.words(text, with: try split(" ", .contiguous)) == ["a", "  ", "b", " ", "c"])
    }

    @Test("Split with invert keeps what the pattern matches")
    func invert() throws {
        #expect(PipelineProbe.words("ab, cd!", with: try split(#"\w+"#, .removed, invert: true)) == ["ab", "cd"])
        #expect(PipelineProbe.words("ab, cd", with: try split(#"\w+"#, .mergedWithPrevious, invert: true)) == ["ab, ", "cd"])
    }

    @Test("Split decodes string and regex patterns")
    func decodesPatterns() throws {
        let literal = try PreTokenizerDecoder.decode(ConfigNode(try TestJSON.parse(
            #"{"type": "Split", "pattern": {"String": "-"}, "behavior": "Removed", "invert": false}"#)))
        #expect(PipelineProbe.words("a-b--c", with: literal) == ["a", "b", "c"])
    }

    @Test("ByteLevel: prefix space, GPT-2 split, byte characters")
    func byteLevel() {
        let pre = ByteLevelPreTokenizer(addPrefixSpace: true, useRegex: true)
        #expect(PipelineProbe.words("Hello world's  ok\n", with: pre) == ["ĠHello", "Ġworld", "'s", "Ġ", "Ġok", "Ċ"])
        let plain = ByteLevelPreTokenizer(addPrefixSpace: false, useRegex: false)
        #expect(PipelineProbe.words("é x", with: plain) == ["Ã©Ġx"])
    }

    @Test("Metaspace prepend schemes and splitting")
    func metaspace() {
        let always = MetaspacePreTokenizer(replacement: "▁", prependScheme: .always, split: true)
        #expect(PipelineProbe.words("Hey  you", with: always) == ["▁Hey", "▁", "▁you"])
        #expect(PipelineProbe.words(" x", with: always) == ["▁x"])
        let never = MetaspacePreTokenizer(replacement: "▁", prependScheme: .never, split: false)
        #expect(PipelineProbe.words("a b", with: never) == ["a▁b"])
        let first = MetaspacePreTokenizer(replacement: "▁", prependScheme: .first, split: false)
        let laterPiece = PipelineProbe.piece("xa b").slice(1..<4)
        var words: [String] = []
        first.split(laterPiece) { words.append(PipelineProbe.text($0)) }
        #expect(words == ["a▁b"])
        #expect(PipelineProbe.words("a", with: first) == ["▁a"])
    }

    @Test func digits() {
        #expect(PipelineProbe.words("ab123c4", with: DigitsPreTokenizer(individualDigits: true)) == ["ab", "1", "2", "3", "c", "4"])
        #expect(PipelineProbe.words("ab123c4", with: DigitsPreTokenizer(individualDigits: false)) == ["ab", "123", "c", "4"])
    }

    @Test("Whitespace, WhitespaceSplit, Punctuation, Sequence")
    func whitespaceFamily() throws {
        func decode(_ json: String) throws -> any PreTokenizer {
            try PreTokenizerDecoder.decode(ConfigNode(try TestJSON.parse(json)))
        }
        #expect(PipelineProbe.words("Hi, you\tthere!!", with: try decode(#"{"type": "Whitespace"}"#)) == ["Hi", ",", "you", "there", "!!"])
        #expect(PipelineProbe.words(" a  b,c ", with: try decode(#"{"type": "WhitespaceSplit"}"#)) == ["a", "b,c"])
        #expect(PipelineProbe.words("a,b", with: try decode(#"{"type": "Punctuation"}"#)) == ["a", ",", "b"])
        let sequence = try decode(#"{"type": "Sequence", "pretokenizers": [{"type": "WhitespaceSplit"}, {"type": "Digits", "individual_digits": true}]}"#)
        #expect(PipelineProbe.words("ab12 c", with: sequence) == ["ab", "1", "2", "c"])
    }
}
