#!/usr/bin/env python3
"""Compare `chat-template render` with the render goldens and show the first differences.

Usage: scripts/render_diff.py [--binary .build/debug/chat-template] [--limit 3] [TEMPLATE_NAME ...]
TEMPLATE_NAME is a golden file stem (e.g. qwen3_6); default: all of them.
"""
import argparse, json, os, subprocess, sys, tempfile, collections

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.environ.get("CHAT_TEMPLATE_FIXTURES", os.path.join(os.path.dirname(ROOT), "shared", "fixtures"))


def run(binary, template, cases, add_generation_prompt):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for c in cases:
            f.write(json.dumps({"id": c["case"], "messages": c["messages"], "tools": c.get("tools"), "vars": c["vars"]}) + "\n")
    cmd = [binary, "render", "--chat-template", template, "--input", f.name, "--now", "2026-07-26T12:00:00"]
    if add_generation_prompt:
        cmd.append("--add-generation-prompt")
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    os.unlink(f.name)
    # split("\n"), not splitlines(): U+2028 and friends appear raw inside the JSON strings
    return {r["id"]: r for r in map(json.loads, filter(None, out.split("\n")))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "chat-template"))
    ap.add_argument("--limit", type=int, default=3)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    golden_dir = os.path.join(FIXTURES, "goldens", "render")
    names = args.names or sorted(n[:-6] for n in os.listdir(golden_dir) if n.endswith(".jsonl"))
    total = passed = 0
    for name in names:
        cases = [json.loads(l) for l in open(os.path.join(golden_dir, name + ".jsonl"), encoding="utf-8")]
        template = os.path.join(FIXTURES, "chat_templates", cases[0]["template"])
        results = {}
        for agp in (False, True):
            subset = [c for c in cases if c["add_generation_prompt"] == agp]
            if subset:
                results.update(run(args.binary, template, subset, agp))
        shown = ok = 0
        for c in cases:
            r = results.get(c["case"], {"error": "no output"})
            if "expected" in c:
                good = r.get("text") == c["expected"]
            else:
                exp = c["expected_error"]
                good = "error" in r and (not exp.startswith("TemplateError: ") or r["error"].split(" (line ")[0] == exp)
            ok += good
            if not good and shown < args.limit:
                shown += 1
                print(f"--- {c['case']}")
                if "expected" in c and "text" in r:
                    a, b = r["text"], c["expected"]
                    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
                    print(f"    at char {i}: ours {a[max(0,i-40):i+80]!r}")
                    print(f"    {'':{len(str(i))+9}}want {b[max(0,i-40):i+80]!r}")
                else:
                    print(f"    ours: {str(r.get('error', r.get('text')))[:300]!r}")
                    print(f"    want: {str(c.get('expected_error', c.get('expected')))[:300]!r}")
        total += len(cases)
        passed += ok
        print(f"{ok:4d}/{len(cases):4d} {name}")
    print(f"overall {passed}/{total} = {100.0 * passed / max(total, 1):.2f}%")


if __name__ == "__main__":
    main()
