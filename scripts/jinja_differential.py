#!/usr/bin/env python3
"""Differential test of our Jinja engine against Jinja2 (transformers' environment).

Generates random templates — whitespace control (trim/lstrip, -, +, comments,
raw, loops) and random expressions (precedence, operators, tests, slicing) —
renders them with Jinja2 and with `chat-template render`, and reports every
difference (text, or one side failing). Syntax errors must agree too.

    scripts/jinja_differential.py [--binary .build/release/chat-template] [--count 1500] [--seed 7]
"""
import argparse, json, os, random, subprocess, tempfile

from transformers.utils.chat_template_utils import _compile_jinja_template

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WHITESPACE_PIECES = [
    "{% for i in [1,2] %}", "{%- for i in 'ab' -%}", "{% set a = 1 -%}", "{{ i }}", "{% raw %}{{ r }}{% endraw %}",
    "{% if true %}", "{%- if true %}", "{% if true -%}", "{%+ if true %}", "{% if true +%}",
    "{{ 'x' }}", "{{- 'y' }}", "{{ 'z' -}}", "{{- -1 -}}", "{# c #}", "{#- c -#}", "{#+ c #}", "{# c +#}",
    "\n", "\n\n", "  ", "\t", " \t ", "a", "\n  ", "  \n", " \n\n ", "\u00a0", "\r\n",
]
ATOMS = ["1", "2", "0", "-3", "2.5", "'a'", "'bc'", "none", "true", "false", "[1, 2]", "(1,)", "x", "y", "ns.v", "d.k",
         "d['k']", "'a b'.split()", "[3,1,2][1:]", "'xyz'[::-1]", "y[-1]", "x is odd", "x is not none", "'b' in 'abc'"]
OPERATORS = ["+", "-", "*", "//", "%", "**", "~", "==", "!=", "<", ">=", "and", "or", "in", "not in", "is divisibleby", "if"]


def whitespace_template(rng):
    parts, stack = [], []
    for _ in range(rng.randint(2, 10)):
        piece = rng.choice(WHITESPACE_PIECES)
        parts.append(piece)
        if "if true" in piece or "for i" in piece:
            stack.append("endif" if "if" in piece else "endfor")
        if stack and rng.random() < 0.3:
            parts.append("{%" + rng.choice(["", "-", "+"]) + " " + stack.pop() + " " + rng.choice(["", "-", "+"]) + "%}")
    return "".join(parts) + "".join("{% " + tag + " %}" for tag in reversed(stack))


def expression(rng, depth):
    if depth == 0 or rng.random() < 0.3:
        atom = rng.choice(ATOMS)
        return "not " + atom if rng.random() < 0.1 else atom
    op = rng.choice(OPERATORS)
    left, right = expression(rng, depth - 1), expression(rng, depth - 1)
    if op == "if":
        return f"{left} if {right} else {expression(rng, depth - 1)}"
    if op == "is divisibleby":
        return f"{left} is divisibleby {rng.choice(['2', '3'])}"
    text = f"{left} {op} {right}"
    return f"({text})" if rng.random() < 0.4 else text


def reference(source):
    try:
        template = _compile_jinja_template(source)
    except Exception as error:
        return None, f"syntax: {type(error).__name__}"
    try:
        return template.render(messages=[], x=3, y=[1, 2]), None
    except Exception as error:
        return None, type(error).__name__


def ours(binary, source, workdir):
    path = os.path.join(workdir, "t.jinja")
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    run = subprocess.run([binary, "render", "--chat-template", path, "--input", os.path.join(workdir, "in.jsonl"),
                          "--var", "x=3", "--var", "y=[1,2]"], capture_output=True, text=True)
    if "does not parse" in run.stderr:
        return None, "syntax"
    record = json.loads(run.stdout.split("\n")[0])
    return record.get("text"), record.get("error")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    ap.add_argument("--count", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    prelude = "{% set ns = namespace(v=4) %}{% set d = {'k': 'v'} %}"
    sources = [whitespace_template(rng) for _ in range(args.count // 2)]
    sources += [prelude + "{{ " + expression(rng, 3) + " }}" for _ in range(args.count - len(sources))]
    mismatches = 0
    with tempfile.TemporaryDirectory() as workdir:
        with open(os.path.join(workdir, "in.jsonl"), "w") as f:
            f.write('{"id": 1, "messages": []}\n')
        for source in sources:
            want, want_error = reference(source)
            got, got_error = ours(args.binary, source, workdir)
            same = (want_error is None and got == want) or (want_error is not None and got_error is not None
                                                            and want_error.startswith("syntax") == (got_error == "syntax"))
            if not same:
                mismatches += 1
                if mismatches <= 10:
                    print(f"{source!r}\n    Jinja2: {want!r} {want_error or ''}\n    ours:   {got!r} {got_error or ''}")
    print(f"{len(sources)} templates, {mismatches} differences")


if __name__ == "__main__":
    main()
