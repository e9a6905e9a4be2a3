import Testing
@testable import ChatJinja

/// The shapes the renderer takes shortcuts for: member paths read where the
/// value lives (`messages[0].role`), sums printed operand by operand,
/// `for k, v in d | items` without tuples, plain macro calls bound straight
/// into the macro's frame (and frames reused after calls), Python methods
/// resolved per call site, argument-less tests, `tojson` with literal
/// arguments. Each must give what the general path gives, including its
/// errors. Expected outputs and messages from Jinja2 3.1.6 in transformers'
/// environment.
@Suite("Render shortcuts")
struct RenderShortcutsOracleTests {
    static let messages = Value.list([
        .dict(Dict([("role", .string("user")), ("content", .string("hi"))])),
        .dict(Dict([
            ("role", .string("assistant")), ("content", .string("")),
            ("tool_calls", .list([.dict(Dict([
                ("type", .string("function")),
                ("function", .dict(Dict([
                    ("name", .string("f")),
                    ("arguments", .dict(Dict([
                        ("a", .int(1)), ("b", .string("x")), ("c", .list([.int(1), .int(2)])),
                        ("d", .none), ("e", .bool(true)), ("f", .double(1.5)),
                    ]))),
                ]))),
            ]))])),
        ])),
    ])

    static let renders: [(source: String, expected: String)] = [
        (#"{{ messages[0].role }}|{{ messages[-1].role }}|{{ messages[1].tool_calls[0].function.name }}"#, #"user|assistant|f"#),
        (#"{{ messages[5] is defined }}|{{ messages[0].nope is defined }}|{{ messages[0].nope }}|{{ messages[1].tool_calls[0].function.arguments.c[-1] }}|{{ messages[1].tool_calls[3] is defined }}"#, #"False|False||2|False"#),
        (#"{{ messages[0].role == 'user' }}{{ messages[0].role != 'user' }}{{ messages[0].nope == 'user' }}{{ messages[-2].content == 'hi' }}"#, #"TrueFalseFalseTrue"#),
        (#"{{ messages[0].content | trim | length }}{{ messages[1].tool_calls | length }}{{ messages[0].nope | length }}"#, #"210"#),
        (#"{% for m in messages %}{{ m.role is string }}{{ m.tool_calls is iterable }}{{ m.tool_calls is not mapping }}{% endfor %}"#, #"TrueTrueTrueTrueTrueTrue"#),
        (#"{% set ns = namespace(i=2) %}{{ ns.i }}{{ ns.j is defined }}{% for m in messages %}{{ loop.index0 > ns.i }}{{ loop.previtem.role if loop.previtem is defined else '-' }}{% endfor %}"#, #"2FalseFalse-Falseuser"#),
        (#"{{ messages[0].items is defined }}{{ messages[0].keys() | list }}"#, #"True['role', 'content']"#),
        (#"{{ messages[0].content.nope }}"#, #""#),
        (#"{{ 'a' + messages[0].role + '\n' + messages[0].content }}"#, #"auser\#nhi"#),
        (#"{{ 1 + 2 + 3 }}|{{ 'n=' ~ (1 + 2) }}|{{ [1] + [2] }}|{{ 1.5 + 1 + 'x' | length }}"#, #"6|n=3|[1, 2]|3.5"#),
        (#"{{ messages[0].role + messages[1].role + 'z' }}"#, #"userassistantz"#),
        (#"{{ 'a' + ('b' + 'c') + 'd' }}"#, #"abcd"#),
        (#"{{ '<b>' + ('&'|safe) }}|{{ ('&'|safe) + '<i>' }}"#, #"&lt;b&gt;&|&&lt;i&gt;"#),
        (#"{% for k, v in messages[1].tool_calls[0].function.arguments | items %}{{ k }}={{ v | tojson }};{% endfor %}"#, #"a=1;b="x";c=[1, 2];d=null;e=true;f=1.5;"#),
        (#"{% for k, v in nothing | items %}x{% else %}empty{% endfor %}"#, #"empty"#),
        (#"{% for k, v in {} | items %}x{% else %}empty{% endfor %}"#, #"empty"#),
        (#"{% for k, v in {'a': 1, 'b': 2, 'c': 3} | items %}{% if k == 'b' %}{% break %}{% endif %}{{ k }}{{ v }}{% endfor %}"#, #"a1"#),
        (#"{% for k, v in {'a': 1, 'b': 2} | items %}{% if k == 'a' %}{% continue %}{% endif %}{{ k }}{{ v }}{% endfor %}{{ k is defined }}"#, #"b2False"#),
        (#"{% macro m(a, b, c=a ~ '!') %}[{{ a }}|{{ b }}|{{ c }}]{% endmacro %}{{ m(1) }}{{ m(1, 2) }}{{ m(1, 2, 3) }}"#, #"[1||1!][1|2|1!][1|2|3]"#),
        (#"{% macro m() %}{{ varargs }}{% endmacro %}{{ m(1, 2) }}"#, #"(1, 2)"#),
        (#"{% macro outer(x) %}{% macro inner() %}<{{ x }}>{% endmacro %}{{ inner() }}{% endmacro %}{{ outer(1) }}{{ outer(2) }}"#, #"<1><2>"#),
        (#"{% macro f(n) %}{% if n > 0 %}{{ n }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(4) }}"#, #"4321"#),
        (#"{% set ns = namespace(c=0) %}{% macro bump() %}{% set ns.c = ns.c + 1 %}{% endmacro %}{% for i in range(3) %}{{ bump() }}{% endfor %}{{ ns.c }}"#, #"3"#),
        (#"{{ messages[0].content.startswith('h') }}{{ 'a,b'.split(',') }}{{ [1, 2].index(2) }}{{ {'a': 1}.get('a') }}{{ ('a', 'b').count('a') }}"#, #"True['a', 'b']111"#),
        (#"{% set x = 'a b' %}{{ x.split() }}{{ x.split(' ', 1) }}{{ x.upper() }}"#, #"['a', 'b']['a', 'b']A B"#),
        (#"{{ 1 | tojson }}{{ true | tojson }}{{ none | tojson }}{{ 1.5 | tojson }}{{ 'é"' | tojson }}{{ 'é' | tojson(ensure_ascii=true) }}{{ [1, {'b': 2, 'a': 1}] | tojson(sort_keys=true) }}{{ {'a': [1]} | tojson(indent=2) }}"#, #"1truenull1.5"é\"""\u00e9"[1, {"a": 1, "b": 2}]{\#n  "a": [\#n    1\#n  ]\#n}"#),
        (#"{{ 1 is number }}{{ none is none }}{{ 'a' is string }}{{ x is undefined }}{{ [] is sequence }}{{ {} is mapping }}{{ true is boolean }}{{ 1 is integer }}{{ 1.0 is float }}"#, #"TrueTrueTrueTrueTrueTrueTrueTrueTrue"#),
        (#"{{ 'ab' is lower }}{{ 'AB' is upper }}{{ 'trim' is filter }}{{ 'odd' is test }}"#, #"TrueTrueTrueTrue"#),
        (#"a{{ 'b' }}{{ 'c' }}d{% if true %}e{% endif %}{{ 'f' }}"#, #"abcdef"#),
    ]

    @Test(arguments: renders)
    func rendersAsJinja2Does(source: String, expected: String) throws {
        #expect(try JinjaTemplate(source: source).render(["messages": Self.messages]).text == expected)
    }

    static let failures: [(source: String, kind: String, message: String)] = [
        (#"{{ nothing.x }}"#, "UndefinedError", #"'nothing' is undefined"#),
        (#"{{ [1][5].x }}"#, "UndefinedError", #"list object has no element 5"#),
        (#"{{ {}[5].x }}"#, "UndefinedError", #"dict object has no element 5"#),
        (#"{{ none[0].x }}"#, "UndefinedError", #"None has no element 0"#),
        (#"{{ 'ab'[5].x }}"#, "UndefinedError", #"str object has no element 5"#),
        (#"{{ messages[5].role is defined }}"#, "UndefinedError", #"list object has no element 5"#),
        (#"{{ nothing.x is defined }}"#, "UndefinedError", #"'nothing' is undefined"#),
        (#"{{ messages[0].role.x.y }}"#, "UndefinedError", #"'str object' has no attribute 'x'"#),
        (#"{{ 'n=' ~ 1 + 2 }}"#, "TypeError", #"can only concatenate str (not "int") to str"#),
        (#"{{ 'a' + 1 }}"#, "TypeError", #"can only concatenate str (not "int") to str"#),
        (#"{{ 1 + 'a' }}"#, "TypeError", #"unsupported operand type(s) for +: 'int' and 'str'"#),
        (#"{{ 'x' + none }}"#, "TypeError", #"can only concatenate str (not "NoneType") to str"#),
        (#"{{ 'a' + 'b' + undefined_name }}"#, "UndefinedError", #"'undefined_name' is undefined"#),
        (#"{% for k, v in [1, 2] | items %}x{% endfor %}"#, "TypeError", #"Can only get item pairs from a mapping."#),
        (#"{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}"#, "TypeError", #"macro 'm' takes not more than 1 argument(s)"#),
        (#"{{ [1].append(2) }}"#, "SecurityError", #"access to attribute 'append' of 'list' object is unsafe."#),
        (#"{{ {'a': 1}.update({}) }}"#, "SecurityError", #"access to attribute 'update' of 'dict' object is unsafe."#),
        (#"{{ 'abc'.nope() }}"#, "UndefinedError", #"'str object' has no attribute 'nope'"#),
    ]

    @Test(arguments: failures)
    func failsAsJinja2Does(source: String, kind: String, message: String) throws {
        do {
            let text = try JinjaTemplate(source: source).render(["messages": Self.messages]).text
            Issue.record("rendered \(text.debugDescription), expected \(kind): \(message)")
        } catch {
            #expect(error.kind.rawValue == kind && error.message == message, "\(error)")
        }
    }
}
