#!/usr/bin/env python3
"""Differential check of JSON reading and `tojson` against Python.

    scripts/json_differential.py [--count N] [--seed S] [--binary PATH]

Generates random JSON documents (nesting, repeated keys, escapes, non-ASCII,
U+2028, big integers, floats, \\u-escaped and raw text, odd whitespace), wraps
each as the `vars` of a conversation line, and renders `{{ payload | tojson }}`
with `chat-template render` on both input paths: a template file (lines parsed
straight into template values) and `--model` (lines parsed into JSON, then
converted). Every output must equal Python's
`json.dumps(json.loads(line)["vars"]["payload"], ensure_ascii=False)`.
Lone surrogates are not generated: a Swift string cannot hold one (we read
them as U+FFFD, a documented difference).
"""
import argparse, json, os, random, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHARS = ["a", "b", "é", "😀", "\n", '"', "\\", "/", "\u0000", "\u001f", "\u007f", "\u2028", "e\u0301", " ", "中", "\ud7ff"]


def random_text(rng):
    return "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 12)))


def random_value(rng, depth=0):
    r = rng.random()
    if depth > 5 or r < 0.3:
        return rng.choice([None, True, False, rng.randint(-10**6, 10**6), rng.randint(-2**70, 2**70),
                           rng.uniform(-1e6, 1e6), 1e-7, 1e22, 0.1, -0.0, random_text(rng)])
    if r < 0.6:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 20 if rng.random() < 0.1 else 4))]
    return {random_text(rng): random_value(rng, depth + 1) for _ in range(rng.randint(0, 20 if rng.random() < 0.1 else 5))}


def written(rng, value):
    """JSON text of `value`, sometimes with a repeated key, odd spacing, ASCII escapes."""
    if isinstance(value, dict):
        items = list(value.items())
        if items and rng.random() < 0.3:
            key, _ = rng.choice(items)
            items.insert(rng.randint(0, len(items)), (key, random_value(rng, 3)))
        separator = rng.choice([",", ", ", " ,\t "])
        return "{" + separator.join(json.dumps(k, ensure_ascii=rng.random() < 0.5) + rng.choice([":", ": ", " : "]) + written(rng, v)
                                    for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + rng.choice([",", ", "]).join(written(rng, v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=rng.random() < 0.5)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        template = os.path.join(scratch, "t.jinja")
        with open(template, "w") as handle:
            handle.write("{{ payload | tojson }}")
        lines, expected = [], []
        for index in range(args.count):
            line = '{"id": %d, "messages": [{"role": "user", "content": "x"}], "vars": {"payload": %s}}' % (index, written(rng, random_value(rng)))
            lines.append(line)
            expected.append(json.dumps(json.loads(line)["vars"]["payload"], ensure_ascii=False))
        source = os.path.join(scratch, "in.jsonl")
        with open(source, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        failed = False
        for name, extra in [("template file (straight to values)", []), ("--model (JSON, then values)", ["--model", "Qwen/Qwen3.6-35B-A3B"])]:
            output = os.path.join(scratch, "out.jsonl")
            subprocess.run([args.binary, "render", "--chat-template", template, "--input", source, "--output", output] + extra, check=False)
            records = [json.loads(line) for line in open(output, encoding="utf-8")]
            differing = [(e, r) for e, r in zip(expected, records) if r.get("text") != e]
            failed |= bool(differing) or len(records) != len(expected)
            print(f"{name}: {len(records)} of {len(expected)} documents, {len(differing)} differ")
            for e, r in differing[:3]:
                print("  want", repr(e)[:200], "\n  got ", repr(r)[:200])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
