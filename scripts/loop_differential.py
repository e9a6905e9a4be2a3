#!/usr/bin/env python3
"""Differential check of `for` loops against Jinja2 in transformers'
environment: random iterables (lists, strings, dicts, ranges, generators
from filters, None, undefined, numbers), targets (names, tuples, nested
tuples), `if` filters, `else` bodies, `recursive` loops, `break` and
`continue`, every `loop` attribute and method, `set` inside loops and
nested loops that keep the outer `loop`, and filters that read what the
body changes (`if ns.n < 2` with `{% set ns.n = ns.n + 1 %}`: Jinja2 tests
each item when the loop reaches it, or when `loop.last`, `loop.nextitem` or
`loop.length` looks ahead). Each case must print the same text, or fail
with the same exception type. Run with the reference venv:

  .venv-ref/bin/python scripts/loop_differential.py [--count 5000] [--seed 1] [--binary .build/release/chat-template]
"""
import os, random, sys

from transformers.utils.chat_template_utils import _compile_jinja_template

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_differential import agree, arguments, compare_templates, report  # noqa: E402

ITERABLES = ["[1, 2, 3]", "[]", "'ab'", "''", "{'a': 1, 'b': 2}", "{}", "range(3)", "range(0)", "[[1, 2], [3, 4]]",
             "[(1, 'x'), (2, 'y')]", "none", "nope", "5", "[1, 2, 2, 3] | unique", "{'k': [1]} | items", "[3, 1, 2] | sort",
             "[1, none, 2] | select", "'abc' | list | reverse", "[{'c': [{'c': []}]}, {'c': []}]", "xs", "d",
             "d.values()", "d.keys()", "[1, 2] | map('string')", "[0, 1] | batch(1)", "d.items()", "d | dictsort",
             "range(10, 0, -3)", "'aé'[::-1]", "[1, 2, 3][1:]", "(1, 2)", "x", "loop", "[[1, [2, 3]]]", "'ab' | batch(1)"]
TARGETS = ["x", "x", "x", "(a, b)", "a, b", "a, (b, c)", "loop"]
FILTERS = ["", "", "", " if x", " if not x", " if loop", " if x is number", " if a", " if ns.n < 2", " if ns.n != 1",
           " if 1 // x", " if b"]
BODY = ["{{ x }}", "{{ a }}{{ b }}", "{{ loop.index }}", "{{ loop.index0 }}", "{{ loop.revindex }}", "{{ loop.revindex0 }}",
        "{{ loop.first }}", "{{ loop.last }}", "{{ loop.length }}", "{{ loop.previtem }}", "{{ loop.nextitem }}",
        "{{ loop.depth }}", "{{ loop.depth0 }}", "{{ loop.cycle('p', 'q') }}", "{{ loop.cycle() }}",
        "{{ loop.changed(x) }}", "{{ loop.changed() }}", "{% if loop.index > 1 %}{% break %}{% endif %}",
        "{% if loop.first %}{% continue %}{% endif %}", "{% set s = x %}", "{% set t = loop.index %}", "{{ s }}",
        "{% for y in [1, 2] %}{{ loop.index }}{{ y }}{% endfor %}", "{% set outer = loop %}{% for y in 'ab' %}{{ outer.index }}{% endfor %}",
        "{{ loop(x.c) if x is mapping and x.c is defined else '' }}", "{{ loop }}", "{{ loop.nope }}", "{{ x.c | length if x is mapping and x.c is defined }}",
        ",", "{% set ns.n = ns.n + 1 %}", "{{ loop.previtem is defined }}", "{{ loop.nextitem is undefined }}",
        "{% for y in loop %}[{{ y }}]{% endfor %}", "{{ loop.changed(x, 1) }}", "{% set x = 'shadow' %}{{ x }}",
        "{{ loop.cycle(*[1, 2, 3]) }}", "{% with loop = 2 %}{{ loop }}{% endwith %}", "{{ loop.length is number }}", "{{ loop | list if false }}",
        "{% if loop.last %}{% break %}{% endif %}{{ loop.revindex }}", "{{ (x | string)[:1] }}",
        "{% set ns.n = ns.n + 1 %}{{ loop.last }}", "{{ 10 // x }}", "{{ loop | first }}", "{{ x in loop }}"]


def loop(rng, depth=0):
    recursive = " recursive" if rng.random() < 0.2 else ""
    body = "".join(rng.choice(BODY) for _ in range(rng.randint(1, 3)))
    if depth < 1 and rng.random() < 0.2:
        body += loop(rng, depth + 1)
    otherwise = f"{{% else %}}E{rng.choice(['', '{{ x }}', '{{ loop }}'])}" if rng.random() < 0.3 else ""
    condition = rng.choice(FILTERS)
    target = rng.choice(TARGETS)
    source = (f"{{% for {target} in {rng.choice(ITERABLES)}{condition}{recursive} %}}"
              f"{body}{otherwise}{{% endfor %}}")
    return source


def case(rng):
    prefix = "{% set ns = namespace(n=0) %}" + ("{% set s = 'S' %}" if rng.random() < 0.5 else "")
    return prefix + loop(rng) + rng.choice(["", "{{ x }}", "{{ s }}", "{{ t }}", "|{{ ns.n }}", "{{ loop }}"])


VARIABLES = {"xs": [{"c": [{"c": []}]}, 2, None], "d": {"z": 1, "y": [1, 2]}}


def main():
    args = arguments(__doc__, 5000)
    rng = random.Random(args.seed)
    cases = [case(rng) for _ in range(args.count)]
    results = compare_templates(args.binary, cases, VARIABLES, _compile_jinja_template)
    differences = [(cases[i], got, want) for i, (got, want) in results.items() if not agree(got, want)]
    return report(cases, differences, args.show, lambda c: c)


if __name__ == "__main__":
    sys.exit(main())
