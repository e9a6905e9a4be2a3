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
import argparse, json, os, random, subprocess, sys, tempfile

from transformers.utils.chat_template_utils import _compile_jinja_template

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
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
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    cases = make_cases(random.Random(args.seed), args.count)
    source = "{% if false %}" + "".join(f"{{% elif op == '{o}' %}}{{{{ (a {o} b) | pprint }}}}" for o in OPERATORS) + "{% endif %}"
    reference = _compile_jinja_template(source)
    with tempfile.TemporaryDirectory() as scratch:
        path, lines = os.path.join(scratch, "t.jinja"), os.path.join(scratch, "in.jsonl")
        open(path, "w", encoding="utf-8").write(source)
        with open(lines, "w", encoding="utf-8") as out:
            for i, (op, a, b) in enumerate(cases):
                out.write(json.dumps({"id": i, "messages": [], "vars": {"op": op, "a": a, "b": b}}, ensure_ascii=False) + "\n")
        proc = subprocess.run([args.binary, "render", "--chat-template", path, "--input", lines], capture_output=True)
    if proc.returncode not in (0, 1):
        print(f"chat-template exited with {proc.returncode}:\n{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
        return 2
    ours = {}
    # split("\n"), not splitlines(): U+2028 may stand raw inside a record.
    for line in filter(None, proc.stdout.decode("utf-8").split("\n")):
        record = json.loads(line)
        ours[record["id"]] = record.get("text", "!" + record.get("error", "").split(" (line ")[0])
    differ = documented = 0
    for i, (op, a, b) in enumerate(cases):
        try:
            want = reference.render(messages=[], op=op, a=a, b=b)
        except Exception as e:  # the exception type is compared
            want = f"!{type(e).__name__}: {e}"
        got = ours.get(i, "!no output")
        if got == want or (want.startswith("!") and got.startswith("!") and want.split(":")[0] == got.split(":")[0]):
            continue
        beyond64 = any(isinstance(x, int) and not -2 ** 63 <= x < 2 ** 63 for x in (a, b))
        if ("64 bits" in got or want.endswith("j") or want.endswith("j)") or "complex" in want
                or (beyond64 and got.startswith("!TypeError: unsupported operand"))):
            documented += 1
            continue
        differ += 1
        if differ <= args.show:
            print(f"{a!r} {op} {b!r}\n    ours {got!r}\n    want {want!r}")
    print(f"{len(cases)} cases, {differ} differ ({documented} more are the documented big-integer and complex results)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
