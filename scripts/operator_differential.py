#!/usr/bin/env python3
"""Differential check of the expression operators (`+ - * / // % ** == != <
<= > >= ~ in`) against Jinja2 in transformers' environment, on random
operands: ints at the 64-bit edges, past 2⁵³ and past 64 bits, floats (±0, subnormals,
huge, inf, nan, random magnitudes), bools, None, strings and lists. Each case
must print the same `pprint` of the result, or fail with the same exception
type. Results Python computes as integers beyond 64 bits, arithmetic on
such integers (other than `%` and comparisons) and complex results are
counted apart: they are documented differences
(Docs/HeldOutConformance.md). Run with the reference venv:

  .venv-ref/bin/python scripts/operator_differential.py [--count 20000] [--seed 1] [--binary .build/release/chat-template]
"""
import os, random, sys

from transformers.utils.chat_template_utils import _compile_jinja_template

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_differential import agree, arguments, python, render_ours, report  # noqa: E402
OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">=", "~", "in"]
INTS = [0, 1, -1, 2, 3, -7, 10, 255, 2 ** 31, -2 ** 31, 2 ** 62, -2 ** 63, 2 ** 63 - 1, 9007199254740993, 10 ** 25, -(10 ** 22) - 7]
FLOATS = [0.0, -0.0, 0.5, -2.5, 1e-300, 1e300, 1.7976931348623157e308, 5e-324, 0.1, 1 / 3, 2.0 ** 53, 123.456, -1e16,
          float("inf"), float("-inf"), float("nan")]


def operand(rng):
    r = rng.random()
    if r < 0.3:
        return rng.choice(INTS)
    if r < 0.6:
        return rng.choice(FLOATS) if rng.random() < 0.5 else rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-20, 20)
    if r < 0.75:
        return rng.choice([True, False, None])
    if r < 0.9:
        return rng.choice(["", "a", "ab", "é"])
    return rng.choice([[], [1], [1, "a"]])


def make_cases(rng, count):
    def integral(x):
        return isinstance(x, (int, bool))
    cases = []
    while len(cases) < count:
        op, a, b = rng.choice(OPERATORS), operand(rng), operand(rng)
        # Python would build a gigantic integer or sequence.
        if op == "**" and integral(a) and integral(b) and abs(b) > 64 and abs(a) > 1:
            continue
        if op == "*" and ((isinstance(a, (str, list)) and integral(b) and b > 1000) or (isinstance(b, (str, list)) and integral(a) and a > 1000)):
            continue
        cases.append((op, a, b))
    return cases


def main():
    args = arguments(__doc__, 20000)
    cases = make_cases(random.Random(args.seed), args.count)
    source = "{% if false %}" + "".join(f"{{% elif op == '{o}' %}}{{{{ (a {o} b) | pprint }}}}" for o in OPERATORS) + "{% endif %}"
    reference = _compile_jinja_template(source)
    ours = render_ours(args.binary, source, [{"op": op, "a": a, "b": b} for op, a, b in cases])
    differences, documented = [], 0
    for i, (op, a, b) in enumerate(cases):
        want, got = python(lambda: reference.render(messages=[], op=op, a=a, b=b)), ours.get(i, "!no output")
        if agree(got, want):
            continue
        beyond64 = any(isinstance(x, int) and not -2 ** 63 <= x < 2 ** 63 for x in (a, b))
        if ("64 bits" in got or want.endswith("j") or want.endswith("j)") or "complex" in want
                or (beyond64 and got.startswith("!TypeError: unsupported operand"))):
            documented += 1
        else:
            differences.append(((op, a, b), got, want))
    return report(cases, differences, args.show, lambda c: f"{c[1]!r} {c[0]} {c[2]!r}", documented,
                  "the documented big-integer and complex results")


if __name__ == "__main__":
    sys.exit(main())
