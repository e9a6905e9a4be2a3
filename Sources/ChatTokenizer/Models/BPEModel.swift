import OrderedJSON

/// Byte-pair encoding: a word starts as one symbol per character (or per
/// byte, for byte-level vocabularies) and the lowest-ranked adjacent pair is
/// merged until no merge applies.
final class BPEModel: TokenizationModel {
    let vocabulary: BPEVocabulary
    let merges: MergeTable
    private let options: Options
    /// The id of each byte's byte-level character, when the vocabulary has all
    /// 256 and no prefix/suffix is configured: byte-level words then skip the
    /// character rewrite entirely.
    private let byteLevelIds: [Int32]?
    /// The ids of the `<0xXX>` tokens used by `byte_fallback`.
    private let byteFallbackIds: [Int32]?
    private let unknownId: Int32?
    private let byteLevelCache = WordCache()
    private let plainCache = WordCache()

    struct Options: Sendable {
        var unknownToken: String?
        var fuseUnknown = false
        var byteFallback = false
        var ignoreMerges = false
        var continuingSubwordPrefix: [UInt8]?
        var endOfWordSuffix: [UInt8]?
    }

    var vocabularySize: Int { vocabulary.size }
    var entryCount: Int { vocabulary.entryCount }

    init(vocabulary: BPEVocabulary, merges: MergeTable, options: Options) {
        self.vocabulary = vocabulary
        self.merges = merges
        self.options = options
        unknownId = options.unknownToken.flatMap { vocabulary.id(of: Array($0.utf8)) }
        let plainWords = options.continuingSubwordPrefix == nil && options.endOfWordSuffix == nil
        let byteIds = ByteLevelAlphabet.characterBytes.map { vocabulary.id(of: $0) ?? -1 }
        byteLevelIds = plainWords && !byteIds.contains(-1) ? byteIds : nil
        if options.byteFallback {
            let fallback = (0..<256).map { byte -> Int32 in
                let hex = String(byte, radix: 16, uppercase: true)
                return vocabulary.id(of: Array("<0x\(hex.count == 1 ? "0" + hex : hex)>".utf8)) ?? -1
            }
            byteFallbackIds = fallback
        } else {
            byteFallbackIds = nil
        }
    }

    convenience init(_ node: ConfigNode) throws {
        var options = Options()
        options.unknownToken = try node.optionalString("unk_token")
        options.fuseUnknown = try node.bool("fuse_unk", default: false)
        options.byteFallback = try node.bool("byte_fallback", default: false)
        options.ignoreMerges = try node.bool("ignore_merges", default: false)
        options.continuingSubwordPrefix = try node.optionalString("continuing_subword_prefix").map { Array($0.utf8) }
        options.endOfWordSuffix = try node.optionalString("end_of_word_suffix").map { Array($0.utf8) }
        if let dropout = try node.optional("dropout"), let value = dropout.value.doubleValue, value > 0 {
            throw dropout.error("BPE dropout is random; deterministic encoding needs dropout null or 0")
        }
        let vocabulary = try BPEVocabulary(try node.required("vocab"))
        let merges = try MergeTable(
            try node.required("merges"), vocabulary: vocabulary, continuingPrefix: options.continuingSubwordPrefix)
        self.init(vocabulary: vocabulary, merges: merges, options: options)
    }

    func id(for token: String) -> Int? { vocabulary.id(of: Array(token.utf8)).map(Int.init) }
    func token(for id: Int) -> String? { vocabulary.token(for: id) }

    /// Whether byte-level words can be merged from raw bytes (see `byteLevelIds`).
    var mergesRawBytes: Bool { byteLevelIds != nil }

    func tokenize(_ word: TextPiece, into sink: inout TokenSink) {
        let fastBytes = word.isByteLevel && byteLevelIds != nil
        let word = word.isByteLevel && !fastBytes ? word.materializingByteLevel() : word
        word.withBytes { storage in
            tokenize(storage, word.range, of: word, asBytes: fastBytes, into: &sink)
        }
    }

    /// Encodes `storage[range]`, a word of `piece` (which gives the input
    /// offsets): through the cache, else by merging.
    @inline(__always)
    func tokenize(
        _ storage: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, of piece: TextPiece, asBytes: Bool,
        into sink: inout TokenSink
    ) {
        let cache = asBytes ? byteLevelCache : plainCache
        let bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[range])
        let base = range.lowerBound
        let cacheable = bytes.count <= cache.maximumWordLength
        if cacheable {
            let hit = cache.withEntries(for: bytes) { entries in
                Self.emit(entries, base: base, word: piece, into: &sink)
            }
            if hit { return }
        }
        var word = piece.slice(range)
        word.isByteLevel = asBytes
        let entries = encode(word, asBytes: asBytes)
        if cacheable { cache.store(entries, for: bytes) }
        entries.withUnsafeBufferPointer { Self.emit($0, base: base, word: piece, into: &sink) }
    }

    @inline(__always)
    private static func emit(_ entries: UnsafeBufferPointer<WordCache.Entry>, base: Int, word: TextPiece, into sink: inout TokenSink) {
        var start = base
        for entry in entries {
            // `max` keeps a range valid in HF's odd order of an unknown token after byte tokens.
            let end = max(start, base + Int(entry.end))
            sink.append(Int(entry.id), covering: start..<end, of: word)
            start = end
        }
    }

    /// The tokens of one word, uncached.
    private func encode(_ word: TextPiece, asBytes: Bool) -> [WordCache.Entry] {
        if options.ignoreMerges {
            let text = asBytes ? ByteLevelAlphabet.encode(word.bytes) : Array(word.bytes)
            if let id = vocabulary.id(of: text) { return [WordCache.Entry(id: id, end: Int32(word.count))] }
        }
        var symbols = asBytes ? byteSymbols(word) : characterSymbols(word)
        symbols.mergeAll(using: merges)
        return symbols.entries(relativeTo: word.range.lowerBound)
    }

    private func byteSymbols(_ word: TextPiece) -> SymbolList {
        var symbols = SymbolList(capacity: word.count)
        guard let byteLevelIds else { return symbols }
        for index in word.range {
            symbols.append(id: byteLevelIds[Int(word.storage[index])], start: index, end: index + 1)
        }
        return symbols
    }

    /// One symbol per character, with HF's handling of characters missing
    /// from the vocabulary: `<0xXX>` byte tokens when `byte_fallback` allows,
    /// else the unknown token (consecutive ones fused when `fuse_unk`).
    private func characterSymbols(_ word: TextPiece) -> SymbolList {
        var symbols = SymbolList(capacity: word.count)
        var pendingUnknown: (start: Int, end: Int)?
        word.withBytes { bytes in
            var index = word.range.lowerBound
            while index < word.range.upperBound {
                let length = UTF8Decoding.length(ofLead: bytes[index])
                let end = index + length
                defer { index = end }
                let character = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[index..<end])
                let prefix = index > word.range.lowerBound ? options.continuingSubwordPrefix : nil
                let suffix = end == word.range.upperBound ? options.endOfWordSuffix : nil
                // Most characters need no affix: look them up in place, without building a key.
                let text = prefix == nil && suffix == nil ? nil : (prefix ?? []) + Array(character) + (suffix ?? [])
                if let id = text.map({ vocabulary.id(of: $0) }) ?? vocabulary.id(of: character) {
                    if let unknown = pendingUnknown, let unknownId {
                        symbols.append(id: unknownId, start: unknown.start, end: unknown.end)
                        pendingUnknown = nil
                    }
                    symbols.append(id: id, start: index, end: end)
                    continue
                }
                if let byteFallbackIds {
                    let ids = (text ?? Array(character)).map { byteFallbackIds[Int($0)] }
                    if !ids.contains(-1) {
                        // Each byte token covers one byte of the character (the last ones share its end).
                        for (offset, id) in ids.enumerated() {
                            let byteStart = min(index + offset, end - 1)
                            symbols.append(id: id, start: byteStart, end: min(byteStart + 1, end))
                        }
                        continue
                    }
                }
                guard let unknownId else { continue }
                if let unknown = pendingUnknown {
                    if options.fuseUnknown {
                        pendingUnknown = (unknown.start, end)
                        continue
                    }
                    symbols.append(id: unknownId, start: unknown.start, end: unknown.end)
                }
                pendingUnknown = (index, end)
            }
        }
        if let unknown = pendingUnknown, let unknownId {
            symbols.append(id: unknownId, start: unknown.start, end: unknown.end)
        }
        return symbols
    }
}
