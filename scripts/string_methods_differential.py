#!/usr/bin/env python3
"""Differential check of Python's `str` methods as templates call them
(`s.split(sep, n)`, `s.center(w, c)`, `s.find(x, a, b)`, `s.casefold()` …)
against Jinja2 in transformers' environment: random strings mixing ASCII,
accented and special-case letters (`ß`, `İ`, `ǅ`, `ﬁ`), digits of other
scripts, tabs, CRLF, U+2028 and no-break spaces, with random arguments. Each
case must print the same `pprint` of the result, or fail with the same
exception type. Run with the reference venv:

  .venv-ref/bin/python scripts/string_methods_differential.py [--count 5000] [--seed 1] [--binary .build/release/chat-template]
"""
import os, random, sys

from transformers.utils.chat_template_utils import _compile_jinja_template

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_differential import arguments, disagreements, report  # noqa: E402
ALPHABET = ["a", "b", "A", " ", "\t", "\n", "\r\n", "x", "é", "ß", "İ", "ǅ", "1", "٣", "½", "_", "-", ",", ".", "\u2028", "\x0b",
            "\u00a0", "ab", "Ab", "aB", "'", "ﬁ", "ꭰ", "Ꭰ"]
TEMPLATE = ("{% set f = s|attr(m) %}{% if n == 0 %}{{ f() | pprint }}{% elif n == 1 %}{{ f(a0) | pprint }}"
            "{% elif n == 2 %}{{ f(a0, a1) | pprint }}{% else %}{{ f(a0, a1, a2) | pprint }}{% endif %}")


def make_cases(rng, count):
    def text(n=8):
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, n)))

    def index():
        return rng.choice([-10, -3, -1, 0, 1, 2, 3, 5, 100])

    def bounds():
        return [index() for _ in range(rng.randint(0, 2))]

    methods = {
        "split": lambda: rng.choice([[], [text(2) or ","], [text(2) or ",", rng.randint(-1, 3)], [None, rng.randint(-1, 3)], [",", None]]),
        "rsplit": lambda: rng.choice([[], [text(2) or ","], [text(2) or ",", rng.randint(-1, 3)], [None, rng.randint(-1, 3)]]),
        "splitlines": lambda: rng.choice([[], [True], [False]]),
        "strip": lambda: rng.choice([[], [text(3)], [None]]), "lstrip": lambda: rng.choice([[], [text(3)]]),
        "rstrip": lambda: rng.choice([[], [text(3)]]), "partition": lambda: [text(2) or "a"], "rpartition": lambda: [text(2) or "a"],
        "find": lambda: [text(2)] + bounds(), "rfind": lambda: [text(2)] + bounds(), "count": lambda: [text(2)] + bounds(),
        "startswith": lambda: [text(2)] + bounds(), "endswith": lambda: [text(2)] + bounds(),
        "replace": lambda: [text(2), text(2)] + ([rng.randint(-1, 3)] if rng.random() < 0.5 else []),
        "center": lambda: [rng.randint(-2, 14)] + ([rng.choice(["*", "é", " "])] if rng.random() < 0.5 else []),
        "ljust": lambda: [rng.randint(-2, 14)] + ([rng.choice(["*", "é"])] if rng.random() < 0.5 else []),
        "rjust": lambda: [rng.randint(-2, 14)] + ([rng.choice(["*", "é"])] if rng.random() < 0.5 else []),
        "zfill": lambda: [rng.randint(-2, 14)], "expandtabs": lambda: rng.choice([[], [rng.randint(-1, 9)]]),
        "join": lambda: [[text(2) for _ in range(rng.randint(0, 3))]],
        "removeprefix": lambda: [text(2)], "removesuffix": lambda: [text(2)], "index": lambda: [text(1)], "rindex": lambda: [text(1)],
        **{name: (lambda: []) for name in ["title", "capitalize", "upper", "lower", "swapcase", "casefold", "isdigit", "isalpha",
                                             "isalnum", "isspace", "isupper", "islower", "istitle", "isdecimal", "isnumeric"]},
    }
    return [(text(), name, methods[name]()) for name in (rng.choice(list(methods)) for _ in range(count))]


def main():
    args = arguments(__doc__, 5000)
    cases = make_cases(random.Random(args.seed), args.count)
    variables = [{"s": s, "m": m, "n": len(a), **{f"a{k}": v for k, v in enumerate(a)}} for s, m, a in cases]
    reference = _compile_jinja_template(TEMPLATE)
    differences = disagreements(args.binary, TEMPLATE, variables, reference, cases)
    return report(cases, differences, args.show, lambda c: f"{c[0]!r}.{c[1]}(*{c[2]!r})")


if __name__ == "__main__":
    sys.exit(main())
