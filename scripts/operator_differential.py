#!/usr/bin/env python3
"""Differential check of the expression operators against Jinja2 in
transformers' environment, on random operands. Each case must print the
same `pprint` of the result, or fail with the same exception type.

--mode mixed (the default): `+ - * / // % ** == != < <= > >= ~ in` on ints
at the 64-bit edges, past 2⁵³ and past 64 bits, floats (±0, subnormals,
huge, inf, nan, random magnitudes), bools, None, strings and lists.

--mode integers: Python's unbounded int. Operands at and beyond the 64-bit
edges, random integers of up to 1,200 bits (dense, sparse, 2**k ± small,
exact multiples of one another), some floats and bools; the binary
operators `+ - * / // % **` (including results past 4,300 digits, which
neither side prints: a ValueError), comparisons, chains that feed a large
result to a second operator, unary `-` and `+`, and the `abs`, `sum`,
`round` (all three methods, precisions from -4,400 to 400), `int` and
`float` filters.

Complex results (a negative float to a fractional power) are counted apart:
ours is a ValueError, a documented difference (Docs/HeldOutConformance.md).
Run with the reference venv:

  .venv-ref/bin/python scripts/operator_differential.py [--mode integers] [--count 20000] [--seed 1] [--binary .build/release/chat-template]
"""
import os, random, sys

from transformers.utils.chat_template_utils import _compile_jinja_template

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_differential import agree, arguments, python, render_ours, report  # noqa: E402
OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">=", "~", "in"]
INTS = [0, 1, -1, 2, 3, -7, 10, 255, 2 ** 31, -2 ** 31, 2 ** 62, -2 ** 63, 2 ** 63 - 1, 9007199254740993, 10 ** 25, -(10 ** 22) - 7,
        2 ** 63, 2 ** 64, 10 ** 20, -2 ** 100, 3 ** 50]
FLOATS = [0.0, -0.0, 0.5, -2.5, 1e-300, 1e300, 1.7976931348623157e308, 5e-324, 0.1, 1 / 3, 2.0 ** 53, 123.456, -1e16,
          float("inf"), float("-inf"), float("nan")]

# Python's limit on printing an int (sys.get_int_max_str_digits()); ours on computing one.
DIGIT_LIMIT = 4300


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


def integral(x):
    return isinstance(x, (int, bool))


def mixed_cases(rng, count):
    cases = []
    while len(cases) < count:
        op, a, b = rng.choice(OPERATORS), operand(rng), operand(rng)
        # Python would build a gigantic integer or sequence.
        if op == "**" and integral(a) and integral(b) and abs(b) > 64 and abs(a) > 1:
            continue
        if op == "*" and ((isinstance(a, (str, list)) and integral(b) and b > 1000) or (isinstance(b, (str, list)) and integral(a) and a > 1000)):
            continue
        cases.append({"e": f"a {op} b", "a": a, "b": b})
    return cases


# --mode integers ---------------------------------------------------------

EDGES = [0, 1, -1, 2, -2, 3, 7, -7, 10, 2 ** 31, 2 ** 32, 3037000499, 3037000500, -3037000500, 4294967296, 2 ** 53 - 1, 2 ** 53,
         2 ** 53 + 1, -2 ** 53 - 1, 2 ** 62, 2 ** 63 - 1, -2 ** 63 + 1, -2 ** 63, 2 ** 63, -2 ** 63 - 1, 2 ** 64 - 1, 2 ** 64,
         2 ** 64 + 1, -2 ** 64, 10 ** 18, 10 ** 19, 10 ** 20, -10 ** 20, 3 ** 50, -2 ** 100, 2 ** 127, 2 ** 128 - 1, 2 ** 128,
         2 ** 192 - 2 ** 64, 2 ** 256 - 1, 10 ** 100, 2 ** 1023, 2 ** 1024, 2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 970 - 1,
         2 ** 1074, 2 ** 1075, 2 ** 53 * 3 ** 40]


def big(rng):
    """A random integer, mostly past 64 bits, in the shapes long division and rounding find hard."""
    bits = rng.choice([rng.randint(1, 70), rng.randint(60, 200), rng.randint(1, 1200)])
    shape = rng.random()
    if shape < 0.4:
        n = rng.getrandbits(bits) | (1 << (bits - 1))
    elif shape < 0.6:
        n = (1 << bits) + rng.randint(-3, 3)
    elif shape < 0.75:
        # Runs of all-ones limbs make the quotient estimates of long division overshoot.
        n = ((1 << bits) - 1) << rng.randint(0, 130)
    elif shape < 0.85:
        n = 10 ** rng.randint(1, 360) + rng.randint(-5, 5)
    else:
        n = sum(1 << rng.randint(0, bits) for _ in range(rng.randint(1, 4)))
    return -n if rng.random() < 0.4 else n


def integer(rng):
    r = rng.random()
    if r < 0.35:
        return rng.choice(EDGES)
    if r < 0.9:
        return big(rng)
    if r < 0.95:
        return rng.choice([True, False])
    return rng.choice(FLOATS) if rng.random() < 0.5 else rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-30, 30)


def pair(rng):
    a, b = integer(rng), integer(rng)
    r = rng.random()
    if r < 0.15 and integral(a) and integral(b):
        a = a * b + rng.choice([0, 0, 1, -1, rng.randint(-10 ** 6, 10 ** 6)])  # divisions that are exact or nearly
    elif r < 0.25 and integral(b):
        # True division near the float range's ends: overflow, subnormals, underflow.
        a = rng.choice([1, -1, 3, 2 ** 53 + 1]) * rng.choice([1, 2 ** rng.randint(0, 60)])
        b = rng.choice([-1, 1]) * (2 ** rng.randint(1000, 1140) + rng.randint(0, 2 ** 64))
        if rng.random() < 0.5:
            a, b = b * rng.randint(1, 2 ** 80), rng.randint(1, 2 ** 70)
    return a, b


def exponent(rng, base):
    """An exponent for `base ** e`: mostly small; some past Python's printable digits."""
    r = rng.random()
    if r < 0.05:
        # 2**70 only where the power stays small: Python would never finish otherwise.
        huge = [2 ** 70, 2 ** 70 + 1] if integral(base) and abs(base) <= 1 else []
        return rng.choice([-1, -2, -(2 ** 70), -(2 ** 1100)] + huge)
    if r < 0.08 and integral(base) and abs(base) in (2, 10):
        return {2: rng.choice([14284, 14285, 14286]), 10: rng.choice([4299, 4300])}[abs(base)]
    if r < 0.4:
        return rng.randint(-3, 5)
    bits = max(1, abs(base).bit_length()) if integral(base) else 64
    return rng.randint(-70, min(300, 30000 // bits))


BINARY = ["+", "-", "*", "/", "//", "%", "**"]
COMPARE = ["==", "<", ">="]


def integer_cases(rng, count):
    cases = []
    while len(cases) < count:
        kind = rng.random()
        a, b = pair(rng)
        case = {"a": a, "b": b}
        if kind < 0.55:
            op = rng.choice(BINARY)
            if op == "**":
                case["b"] = exponent(rng, a)
            case["e"] = f"a {op} b"
        elif kind < 0.6:
            case["e"] = f"a {rng.choice(COMPARE)} b"
        elif kind < 0.72:
            # A result past 64 bits fed to a second operator.
            op1, op2 = rng.choice(["+", "-", "*", "**", "//"]), rng.choice(BINARY)
            if op1 == "**":
                case["b"] = rng.randint(0, 12) if rng.random() < 0.8 else exponent(rng, a)
            c = integer(rng) if op2 != "**" else rng.randint(-3, 6)
            inner = python(lambda: eval(f"a {op1} b", {}, dict(case)))
            if isinstance(inner, int) and abs(inner) >= 10 ** DIGIT_LIMIT:
                continue  # Python would go on with an integer we refuse to build (documented)
            case["c"] = c
            case["e"] = f"(a {op1} b) {op2} c"
        elif kind < 0.77:
            case["e"] = rng.choice(["-a", "+a", "-(-a)", "a|abs"])
        elif kind < 0.83:
            case["s"] = [integer(rng) for _ in range(rng.randint(0, 4))]
            case["e"] = rng.choice(["s|sum", "s|sum(start=a)"])
        elif kind < 0.95:
            method = rng.choice(["common", "ceil", "floor"])
            case["p"] = rng.choice([rng.randint(-25, 25), rng.randint(-400, 400), rng.choice([-4400, -4301, -4300, -310, 308, 309, 330])])
            case["e"] = "a|round" if rng.random() < 0.1 else f"a|round(p, '{method}')"
        else:
            case["e"] = rng.choice(["a|int", "a|float", "a|float|int"])
        cases.append(case)
    return cases


def main():
    args = arguments(__doc__, 20000, ["mixed", "integers"])
    rng = random.Random(args.seed)
    cases = (integer_cases if args.mode == "integers" else mixed_cases)(rng, args.count)
    expressions = sorted({c["e"] for c in cases})
    index = {e: i for i, e in enumerate(expressions)}
    source = "{% if false %}" + "".join(f"{{% elif k == {i} %}}{{{{ ({e}) | pprint }}}}" for i, e in enumerate(expressions)) + "{% endif %}"
    reference = _compile_jinja_template(source)
    variables = [dict(c, k=index[c["e"]]) for c in cases]
    for v in variables:
        del v["e"]
    ours = render_ours(args.binary, source, variables)
    differences, documented = [], 0
    for i, v in enumerate(variables):
        want, got = python(lambda: reference.render(messages=[], **v)), ours.get(i, "!no output")
        if agree(got, want):
            continue
        if want.endswith("j") or want.endswith("j)") or "complex" in want:
            documented += 1
        else:
            differences.append((cases[i], got, want))
    return report(cases, differences, args.show, lambda c: f"{c['e']} with {({k: v for k, v in c.items() if k != 'e'})!r}"[:600],
                  documented, "complex results, a documented difference")


if __name__ == "__main__":
    sys.exit(main())
