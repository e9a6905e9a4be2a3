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
import argparse, json, os, random, subprocess, sys, tempfile

from transformers.utils.chat_template_utils import _compile_jinja_template

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
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
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    cases = make_cases(random.Random(args.seed), args.count)
    variables = [{"s": s, "m": m, "n": len(a), **{f"a{k}": v for k, v in enumerate(a)}} for s, m, a in cases]
    reference = _compile_jinja_template(TEMPLATE)
    with tempfile.TemporaryDirectory() as scratch:
        template, lines = os.path.join(scratch, "t.jinja"), os.path.join(scratch, "in.jsonl")
        open(template, "w", encoding="utf-8").write(TEMPLATE)
        with open(lines, "w", encoding="utf-8") as out:
            for i, v in enumerate(variables):
                out.write(json.dumps({"id": i, "messages": [], "vars": v}, ensure_ascii=False) + "\n")
        proc = subprocess.run([args.binary, "render", "--chat-template", template, "--input", lines], capture_output=True)
    ours = {}
    # split("\n"), not splitlines(): U+2028 may stand raw inside a record.
    for line in filter(None, proc.stdout.decode("utf-8").split("\n")):
        record = json.loads(line)
        ours[record["id"]] = record.get("text", "!" + record.get("error", "").split(" (line ")[0])
    differ = 0
    for i, ((s, m, a), v) in enumerate(zip(cases, variables)):
        try:
            want = reference.render(messages=[], **v)
        except Exception as e:  # the exception type is compared
            want = f"!{type(e).__name__}: {e}"
        got = ours.get(i, "!no output")
        if got == want or (want.startswith("!") and got.startswith("!") and want.split(":")[0] == got.split(":")[0]):
            continue
        differ += 1
        if differ <= args.show:
            print(f"{s!r}.{m}(*{a!r})\n    ours {got!r}\n    want {want!r}")
    print(f"{len(cases)} cases, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
