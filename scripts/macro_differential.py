#!/usr/bin/env python3
"""Differential check of macros and call blocks against Jinja2 in
transformers' environment: random signatures (parameters with and without
defaults, parameters named `caller`, `varargs` or `kwargs`), bodies that read
or bind those special names (also inside nested macros, loops and `set`),
and random calls — positional and keyword arguments, `{% call %}` blocks
with parameters of their own, `caller(...)` with arguments, the macro
object's attributes. Each case must print the same text, or fail with the
same exception type (a template Jinja2 refuses to compile must not parse
here either). Run with the reference venv:

  .venv-ref/bin/python scripts/macro_differential.py [--count 5000] [--seed 1] [--binary .build/release/chat-template]
"""
import os, random, sys

from transformers.utils.chat_template_utils import _compile_jinja_template

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_differential import agree, arguments, compare_templates, report  # noqa: E402

NAMES = ["a", "b", "c", "caller", "varargs", "kwargs"]
BODY = ["[{{ a }}]", "[{{ b }}]", "{{ c }}", "{{ varargs }}", "{{ kwargs }}", "{{ caller() }}", "{{ caller }}",
        "{{ caller is defined }}", "{{ caller(1) }}", "{{ caller(x=2) }}", "{{ caller(1, 2, 3) }}",
        "{% set caller = 'C' %}", "{% set kwargs = 'K' %}", "{% set varargs = 'V' %}",
        "{% for varargs in [7] %}{{ varargs }}{% endfor %}", "{% macro inner(kwargs) %}{% endmacro %}",
        "{% macro inner2() %}{{ varargs }}{% endmacro %}", "{{ m.arguments }}",
        "{{ m.catch_kwargs }}|{{ m.catch_varargs }}|{{ m.caller }}", "{{ m.name }}", "{{ kwargs | length }}",
        "{% if false %}{{ caller() }}{% endif %}", "{% with kwargs = 1 %}{{ kwargs }}{% endwith %}",
        "{{ varargs | sum }}", "{% set x %}{{ caller }}{% endset %}{{ x }}", "{{ outer }}", "{% set a = 5 %}{{ a }}",
        "{% for i in range(2) %}{{ caller(i) if caller is defined else i }}{% endfor %}", "{{ kwargs.get('z') }}",
        "{% set outer = 'in' %}{{ outer }}", "{{ varargs[0] if varargs else '-' }}"]
CALLER_BODY = ["x", "{{ x }}", "{{ y }}", "{{ varargs }}", "{{ kwargs }}", "{{ caller }}", "{{ x }}-{{ y }}"]
VALUES = ["1", "2", "'s'", "none", "[1, 2]"]


def signature(rng, names, allow_disorder=True):
    chosen = rng.sample(names, rng.randint(0, 3))
    parts, defaulted = [], False
    for name in chosen:
        if rng.random() < 0.4 or (defaulted and (not allow_disorder or rng.random() < 0.95)):
            defaulted = True
            parts.append(f"{name}={rng.choice(VALUES + ['a', 'caller', 'b'])}")
        else:
            parts.append(name)
    return ", ".join(parts)


def call_arguments(rng):
    positional = [rng.choice(VALUES) for _ in range(rng.randint(0, 3))]
    keywords = [f"{name}={rng.choice(VALUES)}" for name in rng.sample(NAMES + ["z"], rng.randint(0, 2))]
    splats = []
    if rng.random() < 0.15:
        splats.append(f"*[{', '.join(rng.choice(VALUES) for _ in range(rng.randint(0, 2)))}]")
    if rng.random() < 0.15:
        splats.append("**{" + ", ".join(f"'{n}': 1" for n in rng.sample(NAMES + ["z"], rng.randint(0, 2))) + "}")
    return ", ".join(positional + keywords + splats)


def case(rng):
    body = "".join(rng.choice(BODY) for _ in range(rng.randint(1, 3)))
    source = f"{{% macro m({signature(rng, NAMES)}) %}}{body}{{% endmacro %}}"
    if rng.random() < 0.3:
        source += "{% set outer = 'late' %}"
    if rng.random() < 0.5:
        source += f"{{{{ m({call_arguments(rng)}) }}}}"
    else:
        parameters = signature(rng, ["x", "y", "caller", "varargs", "kwargs"])
        head = f"({parameters}) " if parameters or rng.random() < 0.5 else ""
        caller_body = "".join(rng.choice(CALLER_BODY) for _ in range(rng.randint(1, 2)))
        source += f"{{% call {head}m({call_arguments(rng)}) %}}{caller_body}{{% endcall %}}"
    return source


def main():
    args = arguments(__doc__, 5000)
    rng = random.Random(args.seed)
    cases = [case(rng) for _ in range(args.count)]
    results = compare_templates(args.binary, cases, {}, _compile_jinja_template)
    differences = [(cases[i], got, want) for i, (got, want) in results.items() if not agree(got, want)]
    return report(cases, differences, args.show, lambda c: c)


if __name__ == "__main__":
    sys.exit(main())
