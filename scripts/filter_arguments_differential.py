#!/usr/bin/env python3
"""Differential check of Jinja2's filters with random arguments against
Jinja2 in transformers' environment: text filters (`truncate`, `wordwrap`,
`indent`, `center`, `title`, `trim`, `replace` …) on random strings, and the
number filters (`int` with bases, `float`, `round`, `filesizeformat`, `abs`)
on random numeric-looking text (signs, underscores, exponents, `0x`, `inf`,
digits of other scripts) and numbers. Each case must print the same `pprint`
of the result, or fail with the same exception type. Run with the reference venv:

  .venv-ref/bin/python scripts/filter_arguments_differential.py [--count 5000] [--seed 1] [--binary .build/release/chat-template]
"""
import os, random, sys

from transformers.utils.chat_template_utils import _compile_jinja_template

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_differential import arguments, disagreements, report  # noqa: E402
ALPHABET = ["a", "b", "A", " ", "  ", "\t", "\n", "\r\n", "x", "é", "ß", "İ", "1", "٣", "_", "-", ",", ".", "\u2028", "\u00a0", "ab",
            "Ab", "'", "word", "hello", "0", "9", "e", "E", "+", "inf", "nan", "0x", "0b", "0o"]


def make_cases(rng, count):
    def rs(n=10):
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, n)))

    def num_text():
        pieces = ["1", "2", "0", "_", ".", "e", "E", "-", "+", "x", "f", "a", "b", "o", "9", " ", "inf", "nan", "٣"]
        return (rng.choice(["", " ", "+", "-"]) + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
                + rng.choice(["", " ", "\n"]))

    FILTERS = {
     "truncate": lambda: [rng.randint(-1, 20)] + rng.choice([[], [rng.choice([True, False])], [rng.choice([True, False]), rng.choice(["...", "", "»"])], [rng.choice([True, False]), "...", rng.randint(0, 6)]]),
     "wordwrap": lambda: [rng.randint(1, 12)] + rng.choice([[], [rng.choice([True, False])], [rng.choice([True, False]), rng.choice(["\n", "|"])], [True, "\n", rng.choice([True, False])]]),
     "indent": lambda: rng.choice([[], [rng.randint(0, 4)], [rng.randint(0, 4), rng.choice([True, False])], [rng.choice(["> ", "\t"]), rng.choice([True, False]), rng.choice([True, False])]]),
     "center": lambda: [rng.randint(-2, 20)], "title": lambda: [], "capitalize": lambda: [], "wordcount": lambda: [], "upper": lambda: [], "lower": lambda: [],
     "trim": lambda: rng.choice([[], [rs(2)]]), "replace": lambda: [rs(2), rs(2)] + ([rng.randint(-1, 3)] if rng.random() < 0.5 else []),
     "int": lambda: rng.choice([[], [rng.randint(-1, 5)], [0, rng.choice([0, 2, 8, 10, 16, 36])]]), "float": lambda: rng.choice([[], [1.5]]),
     "round": lambda: rng.choice([[], [rng.randint(-2, 3)], [rng.randint(-1, 3), rng.choice(["common", "ceil", "floor"])]]),
     "filesizeformat": lambda: rng.choice([[], [True]]), "length": lambda: [], "string": lambda: [], "list": lambda: [], "first": lambda: [], "last": lambda: [],
     "striptags": lambda: [], "escape": lambda: [], "urlencode": lambda: [], "abs": lambda: [], "reverse": lambda: [],
    }
    NUMERIC = {"int", "float", "round", "filesizeformat", "abs"}
    numbers = [0, 1, -1, 2.5, -2.5, 1234567, 1e20, 0.125, 999.5, -0.0, 1023, 1024, 10 ** 6, 2 ** 40, True, None]
    cases = []
    for _ in range(count):
        name = rng.choice(sorted(FILTERS))
        arguments = FILTERS[name]()
        value = rng.choice([num_text(), num_text(), rng.choice(numbers)]) if name in NUMERIC else rs()
        cases.append((value, name, arguments))
    return cases, sorted(FILTERS)


def template(names):
    branches = "".join(
        f"{{% elif f == '{n}' %}}{{% if n == 0 %}}{{{{ v|{n}|pprint }}}}{{% elif n == 1 %}}{{{{ v|{n}(a0)|pprint }}}}"
        f"{{% elif n == 2 %}}{{{{ v|{n}(a0, a1)|pprint }}}}{{% elif n == 3 %}}{{{{ v|{n}(a0, a1, a2)|pprint }}}}"
        f"{{% else %}}{{{{ v|{n}(a0, a1, a2, a3)|pprint }}}}{{% endif %}}" for n in names)
    return "{% if false %}" + branches + "{% endif %}"


def main():
    args = arguments(__doc__, 5000)
    cases, names = make_cases(random.Random(args.seed), args.count)
    source = template(names)
    variables = [{"v": v, "f": f, "n": len(a), **{f"a{k}": x for k, x in enumerate(a)}} for v, f, a in cases]
    reference = _compile_jinja_template(source)
    differences = disagreements(args.binary, source, variables, reference, cases)
    return report(cases, differences, args.show, lambda c: f"{c[0]!r}|{c[1]}(*{c[2]!r})")


if __name__ == "__main__":
    sys.exit(main())
