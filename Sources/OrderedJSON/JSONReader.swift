/// The parser proper, over one document's bytes.
@usableFromInline
struct JSONReader<Builder: JSONBuilder> {
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let maximumDepth: Int
    @usableFromInline let builder: Builder
    @usableFromInline var position = 0
    /// Scratch stacks for the members of the arrays and objects being read:
    /// an object's keys and values are gathered here and handed to the
    /// builder as slices, so reading one allocates only what the builder keeps.
    @usableFromInline var keyStack: [String] = []
    @usableFromInline var nodeStack: [Builder.Node] = []

    @inlinable
    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, builder: Builder) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        self.builder = builder
    }

    @inlinable
    func error(_ message: String) -> JSONParseError {
        var line = 1
        var lineStart = 0
        var i = 0
        let end = min(position, bytes.count)
        while i < end {
            if bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
            i += 1
        }
        return JSONParseError(message: message, line: line, column: end - lineStart + 1)
    }

    @inlinable
    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    @inlinable
    mutating func readValue(depth: Int) throws(JSONParseError) -> Builder.Node {
        guard position < bytes.count else { throw error("Expecting value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
        case UInt8(ascii: "["): return try readArray(depth: depth + 1)
        case UInt8(ascii: "\""): return builder.makeString(try readString())
        case UInt8(ascii: "t"): try expectWord("true"); return builder.makeBool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return builder.makeBool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return builder.makeNull()
        case UInt8(ascii: "N"): try expectWord("NaN"); return builder.makeDouble(.nan)
        case UInt8(ascii: "I"): try expectWord("Infinity"); return builder.makeDouble(.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw error("Expecting value")
        }
    }

    @inlinable
    mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("Expecting value") }
        let start = word.utf8Start
        for i in 0..<count where bytes[position + i] != start[i] { throw error("Expecting value") }
        position += count
    }

    /// Members beyond this many leave the scratch stacks for arrays of
    /// their own: handing a large array (a vocabulary, a merge list) to the
    /// builder as a whole array costs no copy, where a slice of the stack
    /// would be copied, doubling the memory it takes while it is built.
    @inlinable static var spillThreshold: Int { 1024 }

    @inlinable
    mutating func readObject(depth: Int) throws(JSONParseError) -> Builder.Node {
        if depth > maximumDepth { throw error("Nesting deeper than \(maximumDepth) levels") }
        position += 1
        let keyStart = keyStack.count, nodeStart = nodeStack.count
        var members = JSONMemberIndex()
        var ownKeys: [String] = [], ownValues: [Builder.Node] = [], spilled = false
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return builder.makeObject(keys: [], values: [])
        }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("Expecting property name enclosed in double quotes")
            }
            let key = try readString()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("Expecting ':' delimiter")
            }
            position += 1
            skipSpace()
            let value = try readValue(depth: depth)
            if spilled {
                if let repeated = members.position(of: key, in: ownKeys[...]) {
                    ownValues[repeated] = value
                } else {
                    members.add(key, to: ownKeys[...])
                    ownKeys.append(key)
                    ownValues.append(value)
                }
            } else if let repeated = members.position(of: key, in: keyStack[keyStart...]) {
                nodeStack[nodeStart + (repeated - keyStart)] = value
            } else {
                members.add(key, to: keyStack[keyStart...])
                keyStack.append(key)
                nodeStack.append(value)
                if keyStack.count - keyStart == Self.spillThreshold {
                    ownKeys = Array(keyStack[keyStart...])
                    ownValues = Array(nodeStack[nodeStart...])
                    keyStack.removeSubrange(keyStart...)
                    nodeStack.removeSubrange(nodeStart...)
                    spilled = true
                }
            }
            skipSpace()
            guard position < bytes.count else { throw error("Expecting ',' delimiter") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                members = JSONMemberIndex()  // a vocabulary's index is large: let it go before the builder makes its own
                if spilled { return builder.makeObject(keys: ownKeys[...], values: ownValues[...]) }
                let object = builder.makeObject(keys: keyStack[keyStart...], values: nodeStack[nodeStart...])
                keyStack.removeSubrange(keyStart...)
                nodeStack.removeSubrange(nodeStart...)
                return object
            }
            throw error("Expecting ',' delimiter")
        }
    }

    @inlinable
    mutating func readArray(depth: Int) throws(JSONParseError) -> Builder.Node {
        if depth > maximumDepth { throw error("Nesting deeper than \(maximumDepth) levels") }
        position += 1
        let start = nodeStack.count
        var own: [Builder.Node] = [], spilled = false
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return builder.makeArray([])
        }
        while true {
            skipSpace()
            let element = try readValue(depth: depth)
            if spilled {
                own.append(element)
            } else {
                nodeStack.append(element)
                if nodeStack.count - start == Self.spillThreshold {
                    own = Array(nodeStack[start...])
                    nodeStack.removeSubrange(start...)
                    spilled = true
                }
            }
            skipSpace()
            guard position < bytes.count else { throw error("Expecting ',' delimiter") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                if spilled { return builder.makeArray(own[...]) }
                let array = builder.makeArray(nodeStack[start...])
                nodeStack.removeSubrange(start...)
                return array
            }
            throw error("Expecting ',' delimiter")
        }
    }

    /// Python 3.11's limit on the digits of an `int()` conversion, which
    /// `json.loads` meets for an integer literal.
    @inlinable static var maximumIntegerDigits: Int { 4_300 }

    @inlinable
    mutating func readNumber() throws(JSONParseError) -> Builder.Node {
        let start = position
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "I") {
                do {
                    try expectWord("Infinity")
                } catch {
                    // `json.loads` points at the sign, where the value it could not read starts.
                    position = start
                    throw self.error("Expecting value")
                }
                return builder.makeDouble(-.infinity)
            }
        }
        // Python's number pattern, `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`, matched
        // as a prefix: what does not fit it (the `1` of `01`, a bare `1.`) is
        // left for the caller, which then complains as `json.loads` does.
        var isInteger = true
        let digitsStart = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position == digitsStart {
            position = start
            throw error("Expecting value")
        }
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), isDigit(bytes[position + 1]) {
            isInteger = false
            position += 2
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            var exponent = position + 1
            if exponent < bytes.count, bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-") {
                exponent += 1
            }
            if exponent < bytes.count, isDigit(bytes[exponent]) {
                isInteger = false
                position = exponent
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
        }
        let digitCount = position - digitsStart
        if isInteger, digitCount > Self.maximumIntegerDigits {
            // Python reads an integer literal with `int()`, which refuses this many digits.
            throw error("Exceeds the limit (\(Self.maximumIntegerDigits) digits) for integer string conversion: value has \(digitCount) digits; use sys.set_int_max_str_digits() to increase the limit")
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger { return Int(text).map(builder.makeInt) ?? builder.makeLargeInteger(digits: text) }
        guard let value = Double(text) else { throw error("Invalid number") }
        return builder.makeDouble(value)
    }

    @inlinable
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inlinable
    mutating func readString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        // Plain runs are found eight bytes at a time and copied whole; a
        // string without escapes is its bytes.
        position = JSONStringBytes.firstSpecial(in: bytes, from: position, includingNonASCII: false)
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
            let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            position += 1
            return s
        }
        var buffer = Array(bytes[start..<position])
        while position < bytes.count {
            let runStart = position
            position = JSONStringBytes.firstSpecial(in: bytes, from: position, includingNonASCII: false)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte < 0x20 { throw error("Invalid control character") }
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try readHex4()
                if (0xD800..<0xDC00).contains(scalar), position + 6 <= bytes.count,
                   bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                    let save = position
                    position += 2
                    let low = try readHex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        position = save
                    }
                }
                // A lone surrogate cannot live in a Swift String; it becomes U+FFFD.
                let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                UTF8.encode(unicode) { buffer.append($0) }
            default:
                position -= 1
                throw error("Invalid \\escape")
            }
        }
        throw error("Unterminated string starting")
    }

    @inlinable
    mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("Invalid \\uXXXX escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error("Invalid \\uXXXX escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}

/// Finds repeated keys while an object is read: by scanning the few keys of
/// a small object, by hashing once it has grown (a vocabulary).
@usableFromInline
struct JSONMemberIndex {
    @usableFromInline static var hashingThreshold: Int { 16 }
    @usableFromInline var index: [ExactText: Int]? = nil

    @inlinable init() {}

    /// The absolute position of `key` among `keys`, the current object's keys.
    @inlinable
    func position(of key: String, in keys: ArraySlice<String>) -> Int? {
        if let index { return index[ExactText(key)].map { keys.startIndex + $0 } }
        return keys.firstIndex { ExactText.equal($0, key) }
    }

    /// Records `key`, about to be appended to the current object's `keys`.
    @inlinable
    mutating func add(_ key: String, to keys: ArraySlice<String>) {
        if index != nil {
            index?[ExactText(key)] = keys.count
        } else if keys.count + 1 >= Self.hashingThreshold {
            var built = [ExactText: Int](minimumCapacity: 2 * (keys.count + 1))
            for (position, existing) in keys.enumerated() { built[ExactText(existing)] = position }
            built[ExactText(key)] = keys.count
            index = built
        }
    }
}
