#!/usr/bin/env python3
"""Crash and hang hunt: mutate real chat templates at random (insert Jinja
fragments, delete spans, duplicate spans) and render each with `chat-template
render`, reporting any run that neither succeeds nor fails cleanly (exit code
other than 0/1, i.e. a crash) or that exceeds the timeout (a hang). Offending
templates are written to --keep for replay. No reference is needed.

Usage: scripts/heldout_fuzz.py [--templates DIR ...] [--runs 3000] [--seed 1]
                               [--binary .build/debug/chat-template] [--keep /tmp/fuzz]
"""
import argparse, glob, os, random, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.environ.get("CHAT_TEMPLATE_FIXTURES", os.path.join(os.path.dirname(ROOT), "shared", "fixtures"))

FRAGMENTS = ["{%", "%}", "{{", "}}", "{#", "#}", "(", ")", "[", "]", "|", ".", ",", "loop", "recursive", "macro",
             "caller()", "namespace(", "*", "**", "~", "-", " if ", " else ", "endfor", "endif",
             "{% for x in messages %}", "{% endfor %}", "{{ m(m) }}", "{% macro m(a) %}{{ m(a) }}{% endmacro %}",
             "[::-1]", "| tojson(indent=99)", "%s", "'", '"', "\\", "\n", "9" * 30, "1e999", "-1", "|batch(0)",
             "|indent(-5)", "range(10**9)", "* 999999999", "{% block b %}", "{% endblock %}", "{% block b scoped %}",
             "|groupby('role')", ".grouper", "|filesizeformat", ".expandtabs(99)", "m.arguments",
             "messages[0].content", "messages[-1].role", "messages[99].x", ".role.x", "[0][0]",
             "{{ 'a' + messages[0].role + 1 }}", "{% for k, v in messages[0] | items %}{{ k }}{% endfor %}",
             "| items", ".startswith('<')", "{% set ns.x = 1 %}", "ns.x.y", "loop.index0 > 1",
             "{{ loop|list }}", "{{ loop|first }}", "{% for x in loop %}{{ x }}{% endfor %}", "[1:]", "{x: 1, y: 2}",
             "|unique(attribute='nope')|list", "range(5)[::-1]", "{{ namespace }}", "é", "角色", "²", "\u0301",
             "{% include 'x' %}", "{% from 'x' import a %}", "{% extends x %}", "'\\x4'", "{% set %}", "{% set a, ns.b = 1, 2 %}",
             " if ns.x ", " if loop.last ", "{% break %}", "{% generation %}", "{% endgeneration %}", "{{ loop.length }}",
             "{{ loop.nextitem }}", "{% for x in messages if not ns.x %}", "{% with %}", "{% endwith %}"]


def mutate(text, rng):
    for _ in range(rng.randint(1, 4)):
        p = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.4:
            text = text[:p] + rng.choice(FRAGMENTS) + text[p:]
        elif op < 0.7:
            text = text[:p] + text[p + rng.randint(1, 20):]
        else:
            q = rng.randrange(len(text) + 1)
            a, b = min(p, q), max(p, q)
            text = text[:a] + text[a:b] * 2 + text[b:]
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--templates", nargs="*", default=["/work/heldout/templates", os.path.join(FIXTURES, "chat_templates")])
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "chat-template"))
    ap.add_argument("--runs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--keep", default=os.path.join(tempfile.gettempdir(), "chat-template-fuzz"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sources = sorted(p for d in args.templates for p in glob.glob(os.path.join(d, "*.jinja")))
    if not sources:
        sys.exit("no templates found")
    conv_dir = os.path.join(FIXTURES, "conversations")
    lines = open(os.path.join(conv_dir, "edge.jsonl"), encoding="utf-8").read().split("\n")[:10]
    lines += open(os.path.join(conv_dir, "bfcl.jsonl"), encoding="utf-8").read().split("\n")[:5]
    os.makedirs(args.keep, exist_ok=True)
    conversations = os.path.join(args.keep, "conversations.jsonl")
    with open(conversations, "w", encoding="utf-8") as f:
        f.write("\n".join(l for l in lines if l.strip()) + "\n")
    template = os.path.join(args.keep, "current.jinja")
    problems = 0
    for run in range(args.runs):
        text = mutate(open(rng.choice(sources), encoding="utf-8").read(), rng)
        with open(template, "w", encoding="utf-8") as f:
            f.write(text)
        cmd = [args.binary, "render", "--chat-template", template, "--input", conversations,
               "--now", "2026-07-26T12:00:00", "--add-generation-prompt"]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=args.timeout)
            failure = None if proc.returncode in (0, 1) else f"crash (exit {proc.returncode}): {proc.stderr[-300:]!r}"
        except subprocess.TimeoutExpired:
            failure = f"hang (>{args.timeout}s)"
        if failure:
            problems += 1
            kept = os.path.join(args.keep, f"problem-{args.seed}-{run}.jinja")
            with open(kept, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"run {run}: {failure} -> {kept}")
    print(f"{args.runs} mutated templates, {problems} crashes or hangs")


if __name__ == "__main__":
    main()
