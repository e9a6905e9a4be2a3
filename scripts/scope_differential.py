#!/usr/bin/env python3
"""Differential check of variable scoping against Jinja2 in transformers'
environment: random programs of `set` (plain, block and `ns.attr`),
`if`/`else`, `for` (with `loop`), `with`, macros, filter blocks and call
blocks, nested up to three deep over a few names, that print those names
(or ask `is defined`) before, inside and after each block, with and without
a render variable of the same name. Each program is rendered alone (a
scope is the whole template) and must print the same text, or fail with the
same exception type. Run with the reference venv:

  .venv-ref/bin/python scripts/scope_differential.py [--count 2000] [--seed 1] [--binary .build/release/chat-template]
"""
import os, random, sys

from transformers.utils.chat_template_utils import _compile_jinja_template

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_differential import agree, arguments, parse_failure, python, render_ours, report  # noqa: E402

NAMES = ["a", "b", "i"]
VALUES = ["1", "'s'", "a", "b ~ '+'", "i", "[a, b]", "ns.v", "a is defined", "loop.index if loop is defined else 0"]
PRINTS = ["{{ a }}", "{{ b }}", "{{ i }}", "{{ ns.v }}", "{{ a is defined }}", "{{ b is defined }}", "[{{ a }}|{{ b }}]",
          "{{ loop.index if loop is defined }}", "{{ m is defined }}", "{{ t() }}", "{% set a = a ~ '1' %}",
          "{% set b = b if b is defined else 'd' %}"]


def block(rng, depth):
    choice = rng.random()
    if depth >= 3 or choice < 0.35:
        return rng.choice([
            lambda: rng.choice(PRINTS),
            lambda: f"{{% set {rng.choice(NAMES)} = {rng.choice(VALUES)} %}}",
            lambda: f"{{% set ns.v = {rng.choice(VALUES)} %}}",
            lambda: f"{{% set {rng.choice(NAMES)}, {rng.choice(NAMES)} = 1, 2 %}}",
        ])()
    body = lambda: "".join(block(rng, depth + 1) for _ in range(rng.randint(1, 3)))
    kind = rng.choice(["if", "for", "with", "macro", "filter", "setblock", "call", "forelse"])
    if kind == "if":
        otherwise = f"{{% else %}}{body()}" if rng.random() < 0.5 else ""
        return f"{{% if {rng.choice(['true', 'false', 'a', 'b is defined'])} %}}{body()}{otherwise}{{% endif %}}"
    if kind == "for":
        return f"{{% for {rng.choice(NAMES)} in [1, 2] %}}{body()}{{% endfor %}}"
    if kind == "forelse":
        return f"{{% for {rng.choice(NAMES)} in [] %}}{body()}{{% else %}}{body()}{{% endfor %}}"
    if kind == "with":
        binding = f" {rng.choice(NAMES)} = {rng.choice(VALUES)}" if rng.random() < 0.7 else ""
        return f"{{% with{binding} %}}{body()}{{% endwith %}}"
    if kind == "macro":
        parameter = rng.choice(["", "a", "b=2", "i"])
        call = rng.choice(["{{ m() }}", "{{ m(5) }}", ""])
        return f"{{% macro m({parameter}) %}}{body()}{{% endmacro %}}{call}"
    if kind == "filter":
        return f"{{% filter upper %}}{body()}{{% endfilter %}}"
    if kind == "call":
        return f"{{% macro k() %}}<{{{{ caller() }}}}>{{% endmacro %}}{{% call k() %}}{body()}{{% endcall %}}"
    return f"{{% set {rng.choice(NAMES)} %}}{body()}{{% endset %}}"


def case(rng):
    prefix = "{% set ns = namespace(v='n') %}{% macro t() %}<{{ a }}{{ b }}>{% endmacro %}"
    program = prefix + "".join(block(rng, 0) for _ in range(rng.randint(1, 4)))
    return program + rng.choice(PRINTS) + rng.choice(PRINTS)


def main():
    args = arguments(__doc__, 2000)
    rng = random.Random(args.seed)
    cases = [(case(rng), rng.choice([{}, {"a": "V"}, {"b": "W"}, {"a": "V", "i": 9}])) for _ in range(args.count)]
    differences = []
    for source, variables in cases:
        try:
            template = _compile_jinja_template(source)
        except Exception as e:
            want, got = f"!{type(e).__name__}: {e}", parse_failure(args.binary, source)
        else:
            want = python(lambda: template.render(messages=[], **variables))
            got = render_ours(args.binary, source, [variables]).get(0, "!no output")
        if not agree(got, want):
            differences.append(((source, variables), got, want))
    return report(cases, differences, args.show, lambda c: f"{c[0]}   vars={c[1]}")


if __name__ == "__main__":
    sys.exit(main())
