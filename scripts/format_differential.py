#!/usr/bin/env python3
"""Differential check of Python's two string-formatting languages against
Python itself: `'{:SPEC}'.format(v)` (the format-spec mini-language),
replacement-field syntax (`{0[1]}`, `{a.x!r:>{w}}`, numbering, stray braces;
against `string.Formatter`, which Jinja2's sandbox formats through) and
`'%FLAGS WIDTH.PRECISION CONVERSION' % args` (printf style), with random specs
over ints, bools, floats (negative zero, inf, nan), integers beyond 64 bits,
strings, None and containers. Each case renders through `chat-template
render` and must print Python's text, or fail with the same exception type.

  .venv-ref/bin/python scripts/format_differential.py [--count 6000] [--seed 1] [--binary .build/release/chat-template]
"""
import os, random, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_differential import agree, arguments, python, render_ours, report  # noqa: E402
VALUES = [0, 1, -1, 65, 255, 1234, -1234, 1234567, 123456789012, 2 ** 40, 10 ** 25, -(10 ** 22) - 7, True, False,
          0.5, -0.0, 0.001, 1.5e-5, 1234.5, -1234.5678, 1e20, 1e-7, 99.95, -99.95, 99999.5, 9.99,
          float("inf"), float("-inf"), float("nan"), "é", "abc", None, [1], {"a": 1}]
FIELDS = ["{}", "{0}", "{1}", "{a}", "{b}", "{0[0]}", "{a[x]}", "{a.x}", "{0!r}", "{!s}", "{!a}", "{:>{}}", "{0:{1}}", "{{", "}}", "{", "}",
          "x", " ", "{:5}", "{a!r:>6}", "{2}", "{0[1]}", "{a[0]}", "{:}", "{0.real}", "{[0]}", "{.x}", "é", "{:^{w}}", "{0:.{1}f}",
          "{:{:}}", "{a.items}", "{b[1]}"]
TEMPLATE = ("{% if kind == 'fields' %}{% if n == 0 %}{{ spec.format(**kw) }}{% elif n == 1 %}{{ spec.format(v0, **kw) }}"
            "{% elif n == 2 %}{{ spec.format(v0, v1, **kw) }}{% else %}{{ spec.format(v0, v1, v2, **kw) }}{% endif %}"
            "{% elif kind == 'format' %}{{ spec.format(v0) }}"
            "{% elif n == 0 %}{{ spec % () }}{% elif n == 1 %}{{ spec % (v0,) }}"
            "{% elif n == 2 %}{{ spec % (v0, v1) }}{% else %}{{ spec % (v0, v1, v2) }}{% endif %}")


def format_case(rng):
    align = rng.choice(["", "<", ">", "^", "="])
    fill = rng.choice(["", "0", "x", "*"]) if align else ""
    spec = (fill + align + rng.choice(["", "+", "-", " "]) + rng.choice(["", "z"]) + rng.choice(["", "#"])
            + rng.choice(["", "0"]) + rng.choice(["", "1", "8", "12"]) + rng.choice(["", ",", "_"])
            + rng.choice(["", ".0", ".2", ".5"]) + rng.choice(["", *"bcdeEfFgGnoxX%s"]))
    return "format", "{:" + spec + "}|", [rng.choice(VALUES)]


def percent_case(rng):
    width = rng.choice(["", "1", "8", "12", "*"])
    precision = rng.choice(["", ".0", ".2", ".5", ".*"])
    spec = "%" + rng.choice(["", "-", "+", " ", "#", "0", "-0", "+0", "#0", " #"]) + width + precision + rng.choice("diouxXeEfFgGcrsa%")
    args = []
    if width == "*":
        args.append(rng.choice([-5, 0, 6, 10]))
    if precision == ".*":
        args.append(rng.choice([-1, 0, 3]))
    if not spec.endswith("%") or rng.random() < 0.3:
        args.append(rng.choice(VALUES))
    return "percent", spec + "|", args


def fields_case(rng):
    """Replacement-field syntax: numbering, lookups, conversions, nested specs, stray braces."""
    spec = "".join(rng.choice(FIELDS) for _ in range(rng.randint(0, 5)))
    values = [rng.choice([1, "s", [7, 8], {"x": 1}, 2.5, None, 3]) for _ in range(rng.randint(0, 3))]
    return "fields", spec, values


KEYWORDS = {"a": [7, 8], "b": "s", "w": 5}


def variables(kind, spec, values):
    return {"kind": kind, "spec": spec, "n": len(values), "kw": KEYWORDS, **{f"v{k}": v for k, v in enumerate(values)}}


def expected(kind, spec, values):
    if kind == "fields":
        # Through Jinja2 itself: its sandbox formats with string.Formatter
        # and looks attributes and items up leniently.
        from transformers.utils.chat_template_utils import _compile_jinja_template
        return _compile_jinja_template(TEMPLATE).render(**variables(kind, spec, values))
    return spec.format(*values) if kind == "format" else spec % tuple(values)


def main():
    args = arguments(__doc__, 6000)
    rng = random.Random(args.seed)
    cases = [rng.choice([format_case, percent_case, fields_case])(rng) for _ in range(args.count)]
    ours = render_ours(args.binary, TEMPLATE, [variables(*case) for case in cases])
    differences = []
    for i, case in enumerate(cases):
        want, got = python(lambda: expected(*case)), ours.get(i, "!no output")
        # A bound method's address cannot be equal.
        if not agree(got, want) and re.sub(r" at 0x[0-9a-f]+>", ">", got) != re.sub(r" at 0x[0-9a-f]+>", ">", want):
            differences.append((case, got, want))
    return report(cases, differences, args.show, lambda c: f"{c[0]} {c[1]!r} {c[2]!r}")


if __name__ == "__main__":
    sys.exit(main())
