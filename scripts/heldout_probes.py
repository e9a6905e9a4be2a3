#!/usr/bin/env python3
"""Small hand-written Jinja snippets of constructs real chat templates use
(or could), rendered by transformers (the reference) and by `chat-template
render`, printing every snippet whose results differ.

It complements scripts/heldout_differential.py (whole real templates): the
snippets isolate one construct each, so a difference points at its cause.
Conformance as there: same text, or both fail (same message for TemplateError).

Usage: scripts/heldout_probes.py [--binary .build/debug/chat-template]
"""
import argparse, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.environ.get("CHAT_TEMPLATE_FIXTURES", os.path.join(os.path.dirname(ROOT), "shared", "fixtures"))
REF_PYTHON = os.environ.get("REF_PYTHON", os.path.join(os.path.dirname(ROOT), "main", ".venv-ref", "bin", "python"))
HFREF = os.path.join(os.path.dirname(FIXTURES), "tools", "hfref.py")

CONVERSATION = {"id": "p", "messages": [{"role": "user", "content": "Hello world\nline2"},
                                        {"role": "assistant", "content": "Hi"}],
                "vars": {"n": 18446744073709551616, "m": -99999999999999999999}}

PROBES = [
    # whitespace control, comments, raw
    "  {% raw %}{{ x }}{% endraw %}\n  {%- raw -%}  a {% endraw -%}  b",
    "{% for m in messages %}\n    {%+ if true %}X{% endif %}\n  {# c #}\n  {#- c2 -#}\nY {%+ if 1 %}Z{% endif +%}\n{% endfor %}",
    "a\n  {%- if true -%}\n    b\n  {%- endif -%}\nc",
    "   {% if true %}x{% endif %}   \n   {{ 'y' }}   ",
    "{% if true %}\r\nA\r\n{% endif %}\r\nB\r\n",
    '{%- set s = "You are\\\nX. \\"Q\\" \\\n\\\nend" %}{{ s }}',
    # unknown filters/tests: soft in if-blocks and conditional expressions
    "{{ 'x' | fromjson if false else 'skip' }}",
    "{{ f('x' | nope) if false else 1 }}",
    "{% set a = x | nope if x is string else 'kept' %}[{{ a }}]",
    "{{ (1 | nope if false else 2) | string }}",
    "{{ 'x' | nope if true else 1 }}",
    "{{ ('a'|nope) }}{{ 1 if true }}",
    "{% if true %}{% for m in messages %}{{ m | nope }}{% endfor %}{% endif %}",
    # numbers
    "{{ 10 / 4 }}|{{ 10 // 4 }}|{{ -7 // 2 }}|{{ -7 % 3 }}|{{ 2 ** -1 }}|{{ 1e3 }}|{{ 0.1 + 0.2 }}|{{ '0x1A'|int(base=16) }}|{{ 2.5|round }}",
    "{{ [1.0, 2.5e-10, 1e22, 123456789.123, -0.0, 5e-324, 1.7976931348623157e308] | tojson }}",
    "{{ n }}|{{ m }}|{{ n | tojson }}|{{ [n] }}|{{ n is integer }}|{{ n == n }}|{{ n|int }}|{{ n|float }}|{{ -n }}|{{ [n, 1, m]|sort }}",
    "{{ n + 1 }}",
    # strings
    "{{ 'a,b,,c'.split(',') }}{{ 'a b  c'.split() }}{{ 'xxhixx'.strip('x') }}{{ 'a.b.c'.rsplit('.', 1) }}{{ 'abc'.startswith(('x','a')) }}",
    "{{ '%s-%d-%.2f-%r' % ('a', 3, 2.5, 'x') }}|{{ '{} {}'.format(1, 'b') }}|{{ '{:>5}'.format('a') }}",
    "{{ 'straße'.upper() }}{{ 'İstanbul'.lower() }}{{ 'ǅ'.title() }}{{ \"o'neil\".title() }}",
    "{{ '\\u2028x' | tojson }}{{ '\\x00' | tojson }}{{ 'é😀' | tojson(ensure_ascii=true) }}",
    # containers and filters
    "{% set d = {'b': 2, 'a': 1} %}{{ d|dictsort }}{{ d.get('z', 'dft') }}{{ d|items|list }}",
    "{% for k, g in messages|groupby('role') %}{{ k }}={{ g|length }};{% endfor %}",
    "{{ messages|map(attribute='role')|join(',') }}|{{ messages|selectattr('role','eq','user')|list|length }}",
    "{{ [1,2,3,4,5]|batch(2)|list }}{{ [1,1,2]|unique|list }}{{ ['b','A','c']|sort }}{{ [[1, 2], [3]] | sum(start=[]) }}",
    "{{ {'a': [1, 2.0, none, true, 'é\\n']}|tojson(indent=4) }}|{{ {'b':1,'a':{'d':1,'c':2}}|tojson(sort_keys=true) }}",
    "{% set x = [1,2,3] %}{{ x.append(4) }}{{ x }}",
    # macros, call blocks, namespaces, loops
    "{%- macro o2f(spec, ind) %}{%- set o_ns = namespace(f = caller()) %}{%- for k, v in spec.properties|items %}"
    "{%- if v.type == 'object' and v.properties %}{%- call o2f(v, '    ') %}{{- '\\nclass ' + k|title + ':\\n' }}{%- endcall %}{%- endif %}"
    "{%- set o_ns.f = o_ns.f + ind + k + ': ' + v.type + '\\n' %}{%- endfor %}{{- o_ns.f }}{%- endmacro %}"
    "{%- call o2f({'properties': {'a': {'type': 'string'}, 'b': {'type': 'object', 'properties': {'c': {'type': 'int'}}}}}, '  ') %}{{- 'def f(' }}{%- endcall %}",
    "{% for m in messages %}{{ loop.changed(m.role) }}{{ loop.previtem.role if loop.previtem is defined else '-' }}{% endfor %}",
    "{% set d = {'a': 1, 'b': 2, 'c': 3} %}{% for k, v in d.items() if k != 'c' %}{{ k }}{{ loop.last }}{{ loop.length }}{% endfor %}",
    "{% set x = 1 %}{% macro m() %}{{ x }}{% endmacro %}{% set x = 2 %}{{ m() }}",
    # dates
    "{{ strftime_now('%-d %-m %e %c|%x|%X|%U %W %G %V %u %w %C %h %D %F %T %R %r %k %l %%') }}",
    # known remaining differences (see Docs/HeldOutConformance.md)
    "{{ messages | groupby('role') | map(attribute='grouper') | list }}",
    "{{ 'ΣΑΣ'.lower() }}{{ 'a\\tb'.expandtabs() }}",
    '{{ "\\N{BULLET}" }}',
    "{% macro m() %}{% endmacro %}{{ m.name }}",
    "{{ 2 ** 64 }}",
    "{% block b %}B{% endblock %}",
]


def render(command, template_text):
    with tempfile.TemporaryDirectory() as tmp:
        template = os.path.join(tmp, "t.jinja")
        conversations = os.path.join(tmp, "c.jsonl")
        with open(template, "w", encoding="utf-8") as f:
            f.write(template_text)
        with open(conversations, "w", encoding="utf-8") as f:
            f.write(json.dumps(CONVERSATION, ensure_ascii=False) + "\n")
        proc = subprocess.run(command(template, conversations), capture_output=True, text=True)
        line = proc.stdout.strip().split("\n")[0] if proc.stdout.strip() else ""
        return json.loads(line) if line else {"error": proc.stderr.strip()[-300:]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "chat-template"))
    args = ap.parse_args()
    ours_cmd = lambda t, c: [args.binary, "render", "--chat-template", t, "--input", c, "--now", "2026-07-26T12:00:00"]
    ref_cmd = lambda t, c: [REF_PYTHON, HFREF, "render", "--template", t, "--input", c]
    differing = 0
    for index, probe in enumerate(PROBES):
        ours, want = render(ours_cmd, probe), render(ref_cmd, probe)
        if "text" in want:
            same = ours.get("text") == want["text"]
        else:
            same = "error" in ours and (not want["error"].startswith("TemplateError: ")
                                        or ours["error"].split(" (line ")[0] == want["error"])
        if not same:
            differing += 1
            print(f"#{index} {probe[:90]!r}\n    ours {ours}\n    want {want}")
    print(f"{len(PROBES) - differing}/{len(PROBES)} probes conform")


if __name__ == "__main__":
    sys.exit(main())
