#!/usr/bin/env python3
"""Crash hunt on input lines: mutates real conversation lines (bytes flipped,
cut, duplicated; NUL, a byte order mark, U+2028, lone surrogate escapes,
deeply nested objects inserted) and feeds them to every render path and to
`encode`. Each run must exit 0 or 1 and write one record per non-blank line
(`encode` writes one per training sample, so at least one per line); anything
else is printed. No reference is needed.

  python3 scripts/input_fuzz.py [--seed 1] [--lines 3000] [--binary .build/release/chat-template]
"""
import argparse, os, random, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.environ.get("CHAT_TEMPLATE_FIXTURES", os.path.join(os.path.dirname(ROOT), "shared", "fixtures"))
JUNK = [b"\x00", b"\xff", b"\xc3", b"{", b"}", b"[", b"]", b'"', b"\\", b"\\u", b"\\ud800", b",", b":", b"null", b"1e999",
        b"-", b"9" * 40, b"\r", b"\xe2\x80\xa8", b"\xef\xbb\xbf", b'{"a":' * 50, b'"messages"', b'"tools"', b'"vars"',
        b'"content"', b'"role"']


def mutated_lines(rng, count):
    conversations = os.path.join(FIXTURES, "conversations")
    sources = []
    for name in ("bfcl.jsonl", "edge.jsonl"):
        sources += [l for l in open(os.path.join(conversations, name), "rb").read().split(b"\n") if l.strip()][:200]
    lines = []
    for _ in range(count):
        line = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 4)):
            op, at = rng.random(), rng.randrange(len(line) + 1)
            if op < 0.3:
                line[at:at] = rng.choice(JUNK)
            elif op < 0.5:
                del line[at:at + rng.randint(1, 20)]
            elif op < 0.6:
                line = line[:at]
            elif op < 0.8 and line:
                line[rng.randrange(len(line))] = rng.randrange(256)
            else:
                other = rng.randrange(len(line) + 1)
                line[at:at] = line[min(at, other):max(at, other)][:200]
        lines.append(bytes(line).replace(b"\n", b" "))
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lines", type=int, default=3000)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    args = ap.parse_args()
    lines = mutated_lines(random.Random(args.seed), args.lines)
    expected = sum(1 for l in lines if l.strip(b" \t\r"))
    model = os.path.join(FIXTURES, "models", "Qwen3.6-35B-A3B")
    runs = {
        "template file": ["render", "--chat-template", os.path.join(FIXTURES, "chat_templates", "qwen3_6.jinja")],
        "model directory": ["render", "--model-dir", model],
        "registry, jinja": ["render", "--model", "Qwen/Qwen3.6-35B-A3B", "--model-dir", model],
        "registry, swift": ["render", "--model", "Qwen/Qwen3.6-35B-A3B", "--template-backend", "swift"],
        "encode": ["encode", "--model", "Qwen/Qwen3.6-35B-A3B", "--model-dir", model],
    }
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as f:
        f.write(b"\n".join(lines) + b"\n")
    failed = False
    for name, command in runs.items():
        proc = subprocess.run([args.binary, *command, "--input", f.name], capture_output=True, timeout=1800)
        records = sum(1 for l in proc.stdout.split(b"\n") if l)
        fine = proc.returncode in (0, 1) and (records >= expected if name == "encode" else records == expected)
        failed |= not fine
        print(f"{'ok  ' if fine else 'FAIL'} {name}: exit {proc.returncode}, {records} records for {expected} lines"
              + ("" if fine else f"\n     {proc.stderr[-400:]!r}"))
    os.unlink(f.name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
