#!/usr/bin/env python3
"""Differential check of Jinja2's tests (`x is odd`, `x is divisibleby(n)`,
`x is lt(y)`, `x is number` …) against Jinja2 in transformers' environment,
on random values: ints at the edges and past 64 bits, floats with ±0, inf
and nan, bools, None, strings, lists and dicts. Each case must print the
same result, or fail with the same exception type. (`sameas` is left out:
identity depends on how the values were made, not on their content.) Run
with the reference venv:

  .venv-ref/bin/python scripts/test_differential.py [--count 20000] [--seed 1] [--binary .build/release/chat-template]
"""
import os, random, sys

from transformers.utils.chat_template_utils import _compile_jinja_template

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_differential import agree, arguments, python, render_ours, report  # noqa: E402
VALUES = [0, 1, -1, 2, 3, 2.5, -0.0, 1e20, True, False, None, "", "a", "A", "Ab", "ab", "1", [], [1], {}, {"a": 1},
          float("nan"), float("inf"), 10 ** 20, -(10 ** 25) - 3]
TESTS = {"divisibleby": 1, "even": 0, "odd": 0, "number": 0, "integer": 0, "float": 0, "string": 0, "mapping": 0, "sequence": 0,
         "iterable": 0, "none": 0, "boolean": 0, "true": 0, "false": 0, "lower": 0, "upper": 0, "defined": 0, "undefined": 0,
         "callable": 0, "eq": 1, "ne": 1, "lt": 1, "le": 1, "gt": 1, "ge": 1, "in": 1, "escaped": 0, "equalto": 1,
         "greaterthan": 1, "lessthan": 1}


def main():
    args = arguments(__doc__, 20000)
    rng = random.Random(args.seed)
    cases = [(rng.choice(VALUES), test, rng.choice(VALUES)) for test in (rng.choice(sorted(TESTS)) for _ in range(args.count))]
    source = "{% if false %}" + "".join(
        f"{{% elif t == '{name}' %}}{{{{ v is {name}{'(a)' if arity else ''} }}}}" for name, arity in TESTS.items()) + "{% endif %}"
    reference = _compile_jinja_template(source)
    ours = render_ours(args.binary, source, [{"v": v, "t": t, "a": a} for v, t, a in cases])
    differences = []
    for i, (v, t, a) in enumerate(cases):
        want, got = python(lambda: reference.render(v=v, t=t, a=a)), ours.get(i, "!no output")
        if not agree(got, want):
            differences.append(((v, t, a), got, want))
    return report(cases, differences, args.show, lambda c: f"{c[0]!r} is {c[1]}({c[2]!r})")


if __name__ == "__main__":
    sys.exit(main())
