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
import argparse, json, os, random, subprocess, sys, tempfile

from transformers.utils.chat_template_utils import _compile_jinja_template

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALUES = [0, 1, -1, 2, 3, 2.5, -0.0, 1e20, True, False, None, "", "a", "A", "Ab", "ab", "1", [], [1], {}, {"a": 1},
          float("nan"), float("inf"), 10 ** 20, -(10 ** 25) - 3]
TESTS = {"divisibleby": 1, "even": 0, "odd": 0, "number": 0, "integer": 0, "float": 0, "string": 0, "mapping": 0, "sequence": 0,
         "iterable": 0, "none": 0, "boolean": 0, "true": 0, "false": 0, "lower": 0, "upper": 0, "defined": 0, "undefined": 0,
         "callable": 0, "eq": 1, "ne": 1, "lt": 1, "le": 1, "gt": 1, "ge": 1, "in": 1, "escaped": 0, "equalto": 1,
         "greaterthan": 1, "lessthan": 1}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cases = [(rng.choice(VALUES), test, rng.choice(VALUES)) for test in (rng.choice(sorted(TESTS)) for _ in range(args.count))]
    source = "{% if false %}" + "".join(
        f"{{% elif t == '{name}' %}}{{{{ v is {name}{'(a)' if arity else ''} }}}}" for name, arity in TESTS.items()) + "{% endif %}"
    reference = _compile_jinja_template(source)
    with tempfile.TemporaryDirectory() as scratch:
        path, lines = os.path.join(scratch, "t.jinja"), os.path.join(scratch, "in.jsonl")
        open(path, "w", encoding="utf-8").write(source)
        with open(lines, "w", encoding="utf-8") as out:
            for i, (v, t, a) in enumerate(cases):
                out.write(json.dumps({"id": i, "messages": [], "vars": {"v": v, "t": t, "a": a}}, ensure_ascii=False) + "\n")
        proc = subprocess.run([args.binary, "render", "--chat-template", path, "--input", lines], capture_output=True)
    if proc.returncode not in (0, 1):
        print(f"chat-template exited with {proc.returncode}:\n{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
        return 2
    ours = {}
    for line in filter(None, proc.stdout.decode("utf-8").split("\n")):
        record = json.loads(line)
        ours[record["id"]] = record.get("text", "!" + record.get("error", "").split(" (line ")[0])
    differ = 0
    for i, (v, t, a) in enumerate(cases):
        try:
            want = reference.render(v=v, t=t, a=a)
        except Exception as e:  # the exception type is compared
            want = f"!{type(e).__name__}: {e}"
        got = ours.get(i, "!no output")
        if got == want or (want.startswith("!") and got.startswith("!") and want.split(":")[0] == got.split(":")[0]):
            continue
        differ += 1
        if differ <= args.show:
            print(f"{v!r} is {t}({a!r})\n    ours {got!r}\n    want {want!r}")
    print(f"{len(cases)} cases, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
