import OrderedJSON

enum TestJSON {
    static func parse(_ text: String) throws -> JSONValue {
        try JSONParser().parse(text)
    }
}
