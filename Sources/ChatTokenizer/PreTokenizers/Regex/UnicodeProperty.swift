import Foundation

/// The Unicode properties `\p{…}` may name: general categories, by short or
/// long name, and the few binary properties patterns use.
enum UnicodeProperty {
    static func predicate(named rawName: String) -> ScalarPredicate? {
        let name = rawName.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: " ", with: "").lowercased()
        if let categories = groups[name] { return .categories(categories) }
        switch name {
        case "any": return .any
        case "whitespace", "space": return .whitespace
        case "alnum": return .union([.categories(groups["l"] ?? []), .categories(groups["n"] ?? [])])
        default: return nil
        }
    }

    private static let groups: [String: Set<Unicode.GeneralCategory>] = {
        let table: [(short: String, long: String, members: [Unicode.GeneralCategory])] = [
            ("lu", "uppercaseletter", [.uppercaseLetter]),
            ("ll", "lowercaseletter", [.lowercaseLetter]),
            ("lt", "titlecaseletter", [.titlecaseLetter]),
            ("lm", "modifierletter", [.modifierLetter]),
            ("lo", "otherletter", [.otherLetter]),
            ("l", "letter", [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]),
            ("lc", "casedletter", [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]),
            ("mn", "nonspacingmark", [.nonspacingMark]),
            ("mc", "spacingmark", [.spacingMark]),
            ("me", "enclosingmark", [.enclosingMark]),
            ("m", "mark", [.nonspacingMark, .spacingMark, .enclosingMark]),
            ("nd", "decimalnumber", [.decimalNumber]),
            ("nl", "letternumber", [.letterNumber]),
            ("no", "othernumber", [.otherNumber]),
            ("n", "number", [.decimalNumber, .letterNumber, .otherNumber]),
            ("pc", "connectorpunctuation", [.connectorPunctuation]),
            ("pd", "dashpunctuation", [.dashPunctuation]),
            ("ps", "openpunctuation", [.openPunctuation]),
            ("pe", "closepunctuation", [.closePunctuation]),
            ("pi", "initialpunctuation", [.initialPunctuation]),
            ("pf", "finalpunctuation", [.finalPunctuation]),
            ("po", "otherpunctuation", [.otherPunctuation]),
            ("p", "punctuation", [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                  .initialPunctuation, .finalPunctuation, .otherPunctuation]),
            ("sm", "mathsymbol", [.mathSymbol]),
            ("sc", "currencysymbol", [.currencySymbol]),
            ("sk", "modifiersymbol", [.modifierSymbol]),
            ("so", "othersymbol", [.otherSymbol]),
            ("s", "symbol", [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]),
            ("zs", "spaceseparator", [.spaceSeparator]),
            ("zl", "lineseparator", [.lineSeparator]),
            ("zp", "paragraphseparator", [.paragraphSeparator]),
            ("z", "separator", [.spaceSeparator, .lineSeparator, .paragraphSeparator]),
            ("cc", "control", [.control]),
            ("cf", "format", [.format]),
            ("co", "privateuse", [.privateUse]),
            ("cs", "surrogate", [.surrogate]),
            ("cn", "unassigned", [.unassigned]),
            ("c", "other", [.control, .format, .privateUse, .surrogate, .unassigned]),
        ]
        var groups: [String: Set<Unicode.GeneralCategory>] = [:]
        for entry in table {
            groups[entry.short] = Set(entry.members)
            groups[entry.long] = Set(entry.members)
        }
        return groups
    }()
}
