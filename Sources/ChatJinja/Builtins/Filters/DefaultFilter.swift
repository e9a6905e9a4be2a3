/// `default(default_value='', boolean=False)`, also spelled `d`: replaces an
/// undefined value, or with `boolean=true` any falsy value.
enum DefaultFilter {
    static func filter(named name: String) -> Builtins.Filter? {
        guard name == "default" || name == "d" else { return nil }
        return { value, arguments, _ throws(JinjaError) in
            let args = try arguments.bind(name, ["default_value", "boolean"])
            let replacement = args[0] ?? .string("")
            if case .undefined = value { return replacement }
            if args[1]?.isTruthy == true && !value.isTruthy { return replacement }
            return value
        }
    }
}
