import Testing
@testable import ChatJinja

/// Global functions, replayed against results recorded from Jinja2.
///
/// Each line is a call and the result Jinja2 3.1.6 gave in transformers'
/// chat template environment (`repr` of the value, or `!ErrorType: message`);
/// see `OracleCase` for how a line is replayed.
@Suite struct GlobalsOracleTests {
    static let cases: [String] = [
        #"{"kind": "global", "name": "range", "args": [100001], "kwargs": {}, "expect": "!OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000)."}"#,
        #"{"kind": "global", "name": "range", "args": [1, 2, 0], "kwargs": {}, "expect": "!ValueError: range() arg 3 must not be zero"}"#,
        #"{"kind": "global", "name": "range", "args": ["3"], "kwargs": {}, "expect": "!TypeError: 'str' object cannot be interpreted as an integer"}"#,
        #"{"kind": "global", "name": "dict", "args": [], "kwargs": {"a": 1, "b": [2]}, "expect": "{'a': 1, 'b': [2]}"}"#,
        #"{"kind": "global", "name": "dict", "args": [[["x", 1], ["y", 2]]], "kwargs": {"z": 3}, "expect": "{'x': 1, 'y': 2, 'z': 3}"}"#,
        #"{"kind": "global", "name": "dict", "args": [{"a": 1}], "kwargs": {}, "expect": "{'a': 1}"}"#,
        #"{"kind": "global", "name": "namespace", "args": [], "kwargs": {"a": 1}, "expect": "<Namespace {'a': 1}>"}"#,
        #"{"kind": "global", "name": "namespace", "args": [{"b": 2}], "kwargs": {}, "expect": "<Namespace {'b': 2}>"}"#,
        #"{"kind": "global", "name": "namespace", "args": [], "kwargs": {"_x": 1}, "expect": "!SecurityError: Chat templates cannot store underscore-prefixed attributes on a namespace, but got '_x'. Please rename the attribute."}"#,
        #"{"kind": "global", "name": "raise_exception", "args": ["custom message"], "kwargs": {}, "expect": "!TemplateError: custom message"}"#,
        #"{"kind": "global", "name": "strftime_now", "args": ["%Y"], "kwargs": {}, "expect": "'2026'"}"#,
    ]

    @Test(arguments: cases) func matchesJinja2(_ line: String) throws {
        let oracle = try OracleCase(line)
        #expect(oracle.actual == oracle.expected, "\(line)")
    }
}
