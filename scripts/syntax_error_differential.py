#!/usr/bin/env python3
"""Differential check of syntax errors against Jinja2 in transformers'
environment: random templates assembled from valid pieces, pieces that
fail to parse (`{{ 1 ? 2 }}`, `{% if %}`, `{{ x + }}`) and pieces that fail
to lex (an unterminated string, comment or raw block, a stray `]`, an
unknown `\\N{…}` name), over several lines. Jinja2 lexes as its parser asks
for tokens, so the first error in reading order is the one raised, whether
the lexer or the parser finds it. A case agrees when both sides parse, or
both refuse with the same exception type, the same message and the same
line. Python's own `SyntaxError` (for code Jinja2 generated but Python
refuses to compile: a repeated keyword or parameter, `break` outside a
loop) names a line and a variable (`l_1_a`) of the generated code, so for
it only the message about the template's own name is compared. Run with
the reference venv:

  .venv-ref/bin/python scripts/syntax_error_differential.py [--count 2000] [--seed 1] [--binary .build/release/chat-template]
"""
import os, random, re, sys

from transformers.utils.chat_template_utils import _compile_jinja_template

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_differential import arguments, parse_failure, report  # noqa: E402

VALID = ["text", "\n", "{{ x }}", "{{ 'a' ~ b }}", "{% set y = [1, 2] %}", "{# note #}", "{% raw %}{{ r }}{% endraw %}",
         "{% if x %}a{% endif %}", "{% for i in y %}{{ i }}{% endfor %}", "{{ f(a=1) }}", "{{ {'k': 1}['k'] }}",
         "{%- if x -%}\n{%- endif %}", "{{ x | default('d') }}", "{{ (1, 2) }}"]
PARSE_ERRORS = ["{{ 1 ? 2 }}", "{% if %}", "{{ x + }}", "{{ ) }}", "{{ not }}", "{{ a b }}", "{% endif %}",
                "{% for x in %}", "{% foo %}", "{{ x | }}", "{{ f(a=1, 2) }}", "{% set %}", "{{ 1 {{ 2 }}",
                "{{ [1, }}", "{% if x %}", "{% for i in y %}", "{{ x not }}", "{% macro m(a, a) %}{% endmacro %}",
                "{{ dict(a=1, a=2) }}", "{% else %}", "{{ x is }}", "{{ 'a' 'b' c }}", "{% break %}", "{{ x.1 }}",
                "{{ {1: } }}", "{{ {1 2} }}", "{{ [1 2] }}", "{{ x | f(, ) }}", "{{ f(*a, b) }}", "{{ f(**a, b=1) }}",
                "{{ f(**a, *b) }}", "{% macro m(a, *b) %}{% endmacro %}", "{% macro 1() %}{% endmacro %}",
                "{% macro m() %}{% endmacro x %}", "{% set x = %}", "{% set x = 1 2 %}", "{% for in y %}{% endfor %}",
                "{% for x y %}{% endfor %}", "{% if x %}{% else %}{% elif y %}{% endif %}", "{% if x %}{% else %}{% else %}{% endif %}",
                "{% endblock %}", "{% block %}{% endblock %}", "{% block b %}{% endblock c %}", "{% call %}{% endcall %}",
                "{% call m %}{% endcall %}", "{% filter %}{% endfilter %}", "{% with %}{% endwith %}", "{% with a %}{% endwith %}",
                "{% with a = 1, %}{% endwith %}", "{{ x[] }}", "{{ x[1:2:3:4] }}", "{{ x. }}", "{{ x.'a' }}", "{{ 1 if }}",
                "{{ 1 if x else }}", "{{ x is not }}", "{{ not not }}", "{{ -}}", "{{ x ~ }}", "{{ (1, }}", "{{ () }}",
                "{% set ns.a = 1 %}", "{% set a.b, c = 1, 2 %}", "{% for a.b in x %}{% endfor %}", "{% set (a.b) = 1 %}",
                "{% set a, (b, 1) = x %}", "{% set none = 1 %}", "{% generation %}", "{% endgeneration %}",
                "{% raw %}a{% endraw %}{% endraw %}", "{% include 'x' %}", "{% extends 'x' %}", "{% import 'x' as y %}",
                "{{ x|nofilter }}", "{{ x is notest }}", "{{ x|nofa|nofb }}", "{{ x|nofilter if y }}", "{% filter nofilter %}",
                "{% endfilter %}", "{% for loop in y %}", "{% macro m(caller) %}{{ caller() }}{% endmacro %}",
                "{% for x in y %}{% extends 'x' %}{% endfor %}", "{% call nof(x|nofb) %}", "{% endcall %}",
                "{% set q | nofilter %}", "{% endset %}", "{% if x %}{{ y|nofilter }}{% endif %}"]
LEX_ERRORS = ["{{ 'abc }}", "{# never closed", "{% raw %}no end", "{{ x ]}}", "{{ 1 ) }}", "{{ 'x\\N{nope}' }}",
              "{{ $ }}", "{{ x", "{% if x ", "{{ 0x }}", "{{ '\\x4' }}", "{{ (1] }}", "{{ 1e }}", "{{ 1__0 }}",
              "{{ } }}", "{{ 1 }", "{% if x }", "{{ [1) }}", "{{ {1: 2] }}", "{{ 'a\\N{LATIN SMALL LETTER ZZZ}' }}", "{{ ? }}",
              "{{ x @ y }}", "{{ 'a\\U0000004' }}", "{{ x ! }}", "{{ x ; }}", "{{ 09 }}", "{{ 0b2 }}", "{{ 0o8 }}", "{{ 1_ }}",
              "{#- note", "{{ x }}}", "{%- raw -%}x", "é{{ $ }}", "{{ 'é\\x' }}"]


def case(rng):
    pieces = [rng.choice(VALID) for _ in range(rng.randint(0, 4))]
    for _ in range(rng.randint(1, 3)):
        pieces.insert(rng.randint(0, len(pieces)), rng.choice(rng.choice([PARSE_ERRORS, LEX_ERRORS])))
    return "".join(piece + ("\n" if rng.random() < 0.4 else "") for piece in pieces)


def reference(source):
    try:
        _compile_jinja_template(source)
        return "ok"
    except Exception as e:
        if isinstance(e, SyntaxError) and type(e) is SyntaxError:
            return f"!SyntaxError: {re.sub(r'l_[0-9]+_', '', e.msg)}"
        message = getattr(e, "message", None) or str(e)
        line = getattr(e, "lineno", None)
        return f"!{type(e).__name__}: {message}" + (f" @{line}" if line else "")


def ours(binary, source):
    got = parse_failure(binary, source)
    if not got.startswith("!"):
        return "ok"
    message, _, location = got.partition(" (line ")
    if message.startswith("!SyntaxError:"):
        return message
    line = location.split(",")[0] if location else ""
    return message + (f" @{line}" if line else "")


def main():
    args = arguments(__doc__, 2000)
    rng = random.Random(args.seed)
    cases = [case(rng) for _ in range(args.count)]
    differences = []
    for source in cases:
        want = reference(source).replace("!TemplateAssertionError:", "!TemplateSyntaxError:", 1)
        got = ours(args.binary, source)
        if got.replace('"', "'") != want.replace('"', "'"):
            differences.append((source, got, want))
    return report(cases, differences, args.show, repr)


if __name__ == "__main__":
    sys.exit(main())
