"""What the random differentials share (format, string methods, filter
arguments, operators, tests): each draws cases, renders one template over
them with `chat-template render` (one JSONL line per case, the case's
values as the line's `vars`), computes Python's answer, and counts the cases
where the two disagree. Agreement: the same text, or the same exception type.
"""
import argparse, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def arguments(doc, count, modes=None):
    """The command line every random differential takes (and `--mode`, the
    first of `modes` by default, for the scripts that have several)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    if modes:
        ap.add_argument("--mode", choices=modes, default=modes[0])
    ap.add_argument("--count", type=int, default=count)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    ap.add_argument("--show", type=int, default=10)
    return ap.parse_args()


def render_ours(binary, template, variables):
    """`chat-template render` of `template` once per entry of `variables`:
    {index: text, or "!Type: message" for an error record}; exits on a crash."""
    with tempfile.TemporaryDirectory() as scratch:
        path, lines = os.path.join(scratch, "t.jinja"), os.path.join(scratch, "in.jsonl")
        open(path, "w", encoding="utf-8").write(template)
        with open(lines, "w", encoding="utf-8") as out:
            for i, v in enumerate(variables):
                out.write(json.dumps({"id": i, "messages": [], "vars": v}, ensure_ascii=False) + "\n")
        proc = subprocess.run([binary, "render", "--chat-template", path, "--input", lines], capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"chat-template exited with {proc.returncode} (a crash):\n{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    ours = {}
    # split("\n"), not splitlines(): U+2028 may stand raw inside a record.
    for line in filter(None, proc.stdout.decode("utf-8").split("\n")):
        record = json.loads(line)
        ours[record["id"]] = record.get("text", "!" + record.get("error", "").split(" (line ")[0])
    return ours


def parse_failure(binary, source):
    """"!Kind: message" when `chat-template render` refuses to parse
    `source` (it then writes no record and says why on stderr), else what it rendered."""
    with tempfile.TemporaryDirectory() as scratch:
        path, lines = os.path.join(scratch, "t.jinja"), os.path.join(scratch, "in.jsonl")
        open(path, "w", encoding="utf-8").write(source)
        open(lines, "w").write('{"id": 0, "messages": []}\n')
        proc = subprocess.run([binary, "render", "--chat-template", path, "--input", lines], capture_output=True, text=True)
    marker = "does not parse: "
    if marker in proc.stderr:
        return "!" + proc.stderr.split(marker, 1)[1].strip()
    return proc.stdout.strip() or f"!exit {proc.returncode}"


def compare_templates(binary, cases, variables, compile_reference):
    """Renders each template source of `cases` with `variables` on both
    sides: {index: (ours, want)}. The cases Jinja2 compiles share one
    template here, each in its own `elif` branch (one process for 500); a
    case it refuses to compile is checked alone, and must not parse here
    either. `compile_reference` is transformers' `_compile_jinja_template`."""
    wants, compiled, refused = {}, [], []
    for i, source in enumerate(cases):
        try:
            template = compile_reference(source)
        except Exception as e:  # the exception type is compared
            wants[i] = f"!{type(e).__name__}: {e}"
            refused.append(i)
            continue
        wants[i] = python(lambda: template.render(messages=[], **variables))
        compiled.append(i)
    ours = {}
    for start in range(0, len(compiled), 500):
        group = compiled[start:start + 500]
        combined = "{% if false %}" + "".join(f"{{% elif case == {i} %}}{cases[i]}" for i in group) + "{% endif %}"
        got = render_ours(binary, combined, [{"case": i, **variables} for i in group])
        ours.update({i: got.get(n, "!no output") for n, i in enumerate(group)})
    for i in refused:
        ours[i] = parse_failure(binary, cases[i])
    return {i: (ours[i], wants[i]) for i in range(len(cases))}


def disagreements(binary, source, variables, reference, cases):
    """Renders the one template `source` once per entry of `variables`, here
    and with Jinja2 (`reference`, the compiled template), and gives the
    (case, ours, want) of every entry where the two disagree."""
    ours = render_ours(binary, source, variables)
    differences = []
    for i, (case, v) in enumerate(zip(cases, variables)):
        want, got = python(lambda: reference.render(messages=[], **v)), ours.get(i, "!no output")
        if not agree(got, want):
            differences.append((case, got, want))
    return differences


def python(compute):
    """Python's answer: the value, or "!Type: message" for what it raised."""
    try:
        return compute()
    except Exception as e:  # the exception type is compared
        return f"!{type(e).__name__}: {e}"


def agree(got, want):
    """Same text, or both failed with the same exception type (and, with
    STRICT_MESSAGES=1 in the environment, the same message)."""
    # Jinja2's TemplateAssertionError is a TemplateSyntaxError; ours has the parent's name.
    want = want.replace("!TemplateAssertionError:", "!TemplateSyntaxError:", 1)
    if got == want:
        return True
    if not (want.startswith("!") and got.startswith("!")):
        return False
    if os.environ.get("STRICT_MESSAGES") == "1":
        return want.replace('"', "'") == got.split(" (line ")[0].replace('"', "'")
    return want.split(":")[0] == got.split(":")[0]


def report(cases, differences, show, describe, documented=0, documented_label=""):
    """Prints the first `show` differences ((case, ours, want)) and the count; the exit status."""
    for case, got, want in differences[:show]:
        print(f"{describe(case)}\n    ours {got!r}\n    want {want!r}")
    extra = f" ({documented} more are {documented_label})" if documented else ""
    print(f"{len(cases)} cases, {len(differences)} differ{extra}")
    return 1 if differences else 0
