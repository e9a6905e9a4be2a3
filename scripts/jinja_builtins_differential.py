#!/usr/bin/env python3
"""Differential test of the Jinja builtins against Jinja2 (transformers' environment), through templates.

Generates random templates that chain filters, call str/list/dict methods, apply tests and
loop over filter results on awkward values (undefined, none, Markup, generators, ranges,
nested data), renders them with Jinja2 and with `chat-template render`, and reports every
difference. Both failing counts as agreement; addresses inside reprs are ignored.

    /work/main/.venv-ref/bin/python scripts/jinja_builtins_differential.py \
        [--binary .build/debug/chat-template] [--count 2000] [--seed 11]
"""
import argparse
import copy
import json
import os
import random
import re
import subprocess
import tempfile

from transformers.utils.chat_template_utils import _compile_jinja_template

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# "at 0x7f…>" in a repr, also when a loop printed it one character at a time.
ADDRESS = re.compile(r"(?i)\]?\[? ?\]?\[?a\]?\[?t\]?\[? ?\]?\[?0\]?\[?x[^>]*")

VALUES = ["'Hello World'", "'  a,b ,c  '", "[3, 1, 2]", "['b', 'A', 'c', 'a']", "{'b': 1, 'a': 2}", "messages", "none", "1.5", "42", "-7",
          "'ÉCOLE über straße'", "(1, 'a')", "range(4)", "nope", "'<b>\"x\"</b> & it\\'s'", "'a\\nb\\n\\nc'", "true", "''", "[]", "{}",
          "messages[0]", "messages|map(attribute='content')", "{1: 'a', 2.5: 'b', none: 'c'}", "dict(a=1, b=[2])", "namespace(a=1)",
          "'%s-%05.1f'", "'{}|{:>6}|{!r}'", "messages[1].tool_calls", "(messages|selectattr('role', 'equalto', 'user'))", "d.items()", "'x'|safe", "tools", "[1, [2, 3], none]", "'  x  '|trim", "0.1 + 0.2", "10 / 4", "7 // 2"]
FILTERS = {
    "abs": [""], "attr": ["('role')"], "batch": ["(2)", "(2, 'z')"], "capitalize": [""], "center": ["(9)"], "count": [""],
    "default": ["", "('D')", "('D', true)"], "dictsort": ["", "(reverse=true)", "(by='value')"], "escape": [""], "first": [""],
    "float": [""], "format": ["", "('x')"], "groupby": ["('role')"], "indent": ["", "(2)", "(2, true)", "('> ', blank=true)"],
    "int": ["", "(5)"], "items": [""], "join": ["", "(', ')", "('-', attribute='role')"], "last": [""], "length": [""], "list": [""],
    "lower": [""], "map": ["('string')", "(attribute='role')", "(attribute='x', default='?')", "('upper')"], "max": ["", "(attribute='v')"],
    "min": [""], "pprint": [""], "reject": ["", "('none')", "('equalto', 1)"], "rejectattr": ["('content')", "('role', 'equalto', 'user')"],
    "replace": ["('a', 'X')", "('l', '', 1)"], "reverse": [""], "round": ["", "(1)", "(0, 'ceil')"], "safe": [""],
    "select": ["", "('string')", "('odd')"], "selectattr": ["('role', 'equalto', 'user')", "('content')", "('tool_calls', 'defined')"],
    "slice": ["(2)"], "sort": ["", "(true)", "(attribute='role')"], "string": [""], "striptags": [""], "sum": ["", "(start=10)"],
    "title": [""], "tojson": ["", "(indent=2)", "(sort_keys=true)", "(ensure_ascii=true)", "(separators=(',', ':'))"], "trim": ["", "('ab')"],
    "truncate": ["(5)", "(8, true, '…', 0)"], "unique": [""], "upper": [""], "urlencode": [""], "wordcount": [""], "wordwrap": ["(5)"],
    "xmlattr": [""],
}
METHODS = ["strip()", "strip('H')", "split()", "split(',')", "split(',', 1)", "rsplit(' ', 1)", "startswith('H')", "endswith(('d', 'x'))",
           "replace('l', 'L')", "find('o')", "upper()", "title()", "lstrip()", "rstrip('\\n')", "splitlines()", "partition(',')", "count('a')",
           "get('role')", "get('x', 'dflt')", "items()", "keys()", "values()", "index(1)", "format(1, 2)", "zfill(5)", "center(11, '*')",
           "isdigit()", "join(['p', 'q'])", "format('a', 2.5, none)", "__class__", "mro()", "a", "append(1)", "pop()", "update({})", "copy()", "ljust(12, '.')"]
TESTS = ["defined", "undefined", "none", "string", "number", "integer", "float", "mapping", "iterable", "sequence", "boolean", "true",
         "false", "odd", "even", "divisibleby 3", "eq 42", "lt 5", "in [1, 2, 3]", "sameas none", "lower", "upper", "callable", "escaped"]


def template(rng):
    v = rng.choice(VALUES)
    def f():
        name = rng.choice(list(FILTERS))
        return name + rng.choice(FILTERS[name])
    form = rng.randrange(7)
    if form == 0:
        return "{{ " + v + " | " + f() + " }}"
    if form == 1:
        return "{{ " + v + " | " + f() + " | " + f() + " }}"
    if form == 2:
        return "{{ " + v + "." + rng.choice(METHODS) + " }}"
    if form == 3:
        return "{% for x in " + v + " | " + f() + " %}[{{ x }}]{% else %}empty{% endfor %}"
    if form == 4:
        return "{{ (" + v + ") is " + rng.choice(["", "not "]) + rng.choice(TESTS) + " }}"
    if form == 5:
        return "{{ (" + v + " | " + f() + ") ~ '|' ~ ((" + v + ") + (" + rng.choice(VALUES) + ")) }}"
    return "{{ (" + v + ") % (" + rng.choice(VALUES) + ") }}"


VARS = {"messages": [{"role": "user", "content": "Hi <there>"}, {"role": "assistant", "content": "", "tool_calls": [{"name": "f"}]}, {"role": "User", "content": "b"}],
        "tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}]}


PRELUDE = "{% set d = {'k': 'v', 'n': 1} %}"


def reference(source):
    try:
        # A fresh copy each time: `list | indent` extends the list in place before failing.
        return _compile_jinja_template(source).render(**copy.deepcopy(VARS)), None
    except Exception as error:
        return None, type(error).__name__


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "chat-template"))
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sources = list(dict.fromkeys(PRELUDE + template(rng) for _ in range(args.count)))
    with tempfile.TemporaryDirectory() as work:
        inputs = os.path.join(work, "in.jsonl")
        with open(inputs, "w") as f:
            f.write(json.dumps({"id": 1, "messages": VARS["messages"], "tools": VARS["tools"]}) + "\n")
        mismatches = 0
        for source in sources:
            want, want_error = reference(source)
            path = os.path.join(work, "t.jinja")
            with open(path, "w") as f:
                f.write(source)
            run = subprocess.run([args.binary, "render", "--chat-template", path, "--input", inputs], capture_output=True, text=True)
            lines = [l for l in run.stdout.split("\n") if l]
            if not lines:
                got, got_error = None, "noparse:" + run.stderr.strip()[:100]
            else:
                record = json.loads(lines[0])
                got, got_error = record.get("text"), record.get("error")
            same = (want_error is None and isinstance(got, str) and ADDRESS.sub("", got) == ADDRESS.sub("", want)) or (want_error is not None and got_error is not None)
            if not same:
                mismatches += 1
                print(f"{source}\n    Jinja2: {want!r} {want_error or ''}\n    ours:   {got!r} {got_error or ''}")
        print(f"{len(sources)} templates, {mismatches} differences")


if __name__ == "__main__":
    main()
