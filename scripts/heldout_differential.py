#!/usr/bin/env python3
"""Held-out differential: render chat templates the engine has never seen, with
transformers (the reference) and with `chat-template render`, and compare per line.

The templates are NOT part of the repository: point --templates at a folder of
`*.jinja` files collected from public repositories (see Docs/HeldOutConformance.md).

Conversations: every edge case, the first N chats and N evenly spaced BFCL
tool-calling samples from ../shared/fixtures/conversations, each rendered with
and without add_generation_prompt.

A line conforms when both texts are equal, or both sides fail and, when the
reference failed through raise_exception (`TemplateError: msg`), our message
(without the ` (line …)` location) is the same text.

Reference outputs are cached per template content hash under --cache, so a rerun
after an engine fix only runs our binary. Each of our runs has a timeout: a hang
or a crash counts every line of that run as a failure and is reported loudly.

Usage:
  scripts/heldout_differential.py --templates /work/heldout/templates \
      [--binary .build/debug/chat-template] [--cache /work/heldout/ref] \
      [--chat 20] [--bfcl 20] [--timeout 120] [--show 1] [--only SUBSTRING ...]
      [--var KEY=JSON ...]   (extra template variables, given to both engines)
"""
import argparse, hashlib, json, os, signal, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.environ.get("CHAT_TEMPLATE_FIXTURES", os.path.join(os.path.dirname(ROOT), "shared", "fixtures"))
REF_PYTHON = os.environ.get("REF_PYTHON", os.path.join(os.path.dirname(ROOT), "main", ".venv-ref", "bin", "python"))
HFREF = os.path.join(os.path.dirname(FIXTURES), "tools", "hfref.py")
NOW = "2026-07-26T12:00:00"


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        # split("\n"), not splitlines(): U+2028 and friends appear raw inside JSON strings
        return [json.loads(l) for l in f.read().split("\n") if l.strip()]


def sample_conversations(n_chat, n_bfcl):
    conv_dir = os.path.join(FIXTURES, "conversations")
    edge = read_jsonl(os.path.join(conv_dir, "edge.jsonl"))
    chat = read_jsonl(os.path.join(conv_dir, "chat.jsonl"))[:n_chat]
    bfcl = read_jsonl(os.path.join(conv_dir, "bfcl.jsonl"))
    step = max(1, len(bfcl) // max(n_bfcl, 1))
    bfcl = bfcl[::step][:n_bfcl]
    keep = ("id", "messages", "tools", "vars")
    return [{k: c[k] for k in keep if k in c} for c in edge + chat + bfcl]


def reference_outputs(templates, conversations, cache_dir, timeout, variables):
    """Runs every uncached template through hfref.py in one Python process."""
    todo = [t for t in templates if not os.path.exists(cache_path(cache_dir, t, variables))]
    if not todo:
        return
    print(f"reference: rendering {len(todo)} templates", file=sys.stderr)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as jobs:
        json.dump({"templates": todo, "caches": [cache_path(cache_dir, t, variables) for t in todo],
                   "conversations": conversations, "timeout": timeout, "variables": variables}, jobs)
    subprocess.run([REF_PYTHON, os.path.abspath(__file__), "--reference-worker", jobs.name], check=True)
    os.unlink(jobs.name)


def cache_path(cache_dir, template, variables):
    with open(template, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    if variables:
        digest += "-" + hashlib.sha256(json.dumps(variables, sort_keys=True).encode()).hexdigest()[:8]
    return os.path.join(cache_dir, digest + ".json")


def pinned_hfref():
    """hfref.py as a module, with `strftime_now`'s clock pinned (run inside the reference venv)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("hfref", HFREF)
    hfref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hfref)
    hfref._pin_clock()
    return hfref


def render_records(binary, flags, conversations, agp, timeout=600):
    """`chat-template render FLAGS` over `conversations`: ({id: record}, the finished process)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for c in conversations:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    cmd = [binary, "render", *flags, "--input", f.name, "--now", NOW] + (["--add-generation-prompt"] if agp else [])
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout)
    finally:
        os.unlink(f.name)
    records = {}
    for line in proc.stdout.decode("utf-8").split("\n"):
        if line.strip():
            r = json.loads(line)
            records[r.get("id")] = r
    return records, proc


def reference_worker(jobs_file):
    """Inside the reference venv: hfref's own render path, with a per-render alarm."""
    hfref = pinned_hfref()
    jobs = json.load(open(jobs_file, encoding="utf-8"))

    def on_alarm(signum, frame):
        raise TimeoutError("reference render timed out")

    signal.signal(signal.SIGALRM, on_alarm)
    extra = {"bos_token": "<s>", "eos_token": "</s>", **jobs["variables"]}
    for template, cache in zip(jobs["templates"], jobs["caches"]):
        text = open(template, encoding="utf-8").read()
        result = {}
        for agp in (False, True):
            for conv in jobs["conversations"]:
                rec = {}
                signal.alarm(jobs["timeout"])
                try:
                    rec["text"] = hfref._render(text, conv, agp, extra)
                except Exception as e:
                    rec["error"] = f"{type(e).__name__}: {e}"
                finally:
                    signal.alarm(0)
                result[f"{int(agp)}/{conv['id']}"] = rec
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        with open(cache, "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False)


def our_outputs(binary, template, conversations, agp, timeout, var_flags):
    """Returns ({id: record}, problem) where problem names a crash or a hang."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for c in conversations:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    cmd = [binary, "render", "--chat-template", template, "--input", f.name, "--now", NOW]
    if agp:
        cmd.append("--add-generation-prompt")
    for flag in var_flags:
        cmd += ["--var", flag]
    problem = None
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout)
        out, err, code = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), proc.returncode
        if code < 0 or code > 1:
            problem = f"crash (exit {code}): {err.strip()[-300:]}"
    except subprocess.TimeoutExpired:
        out, err, problem = "", "", f"hang (>{timeout}s)"
    finally:
        os.unlink(f.name)
    records = {}
    for line in out.split("\n"):
        if line.strip():
            r = json.loads(line)
            records[r.get("id")] = r
    if not records and not problem:
        # the template did not parse: every line fails with that error
        records = {c["id"]: {"error": err.strip()} for c in conversations}
    return records, problem


def conforms(ours, ref):
    if "text" in ref:
        return ours.get("text") == ref["text"]
    if "error" not in ours:
        return False
    want = ref["error"]
    if want.startswith("TemplateError: "):
        got = ours["error"].split(" (line ")[0]
        return got == want
    return True


def first_difference(ours, ref):
    if "text" in ours and "text" in ref:
        a, b = ours["text"], ref["text"]
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        return f"at char {i}:\n      ours {a[max(0, i - 50):i + 70]!r}\n      want {b[max(0, i - 50):i + 70]!r}"
    return f"\n      ours {str(ours.get('error', ours.get('text')))[:300]!r}\n      want {str(ref.get('error', ref.get('text')))[:300]!r}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reference-worker", help=argparse.SUPPRESS)
    ap.add_argument("--templates", default="/work/heldout/templates")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "chat-template"))
    ap.add_argument("--cache", default="/work/heldout/ref")
    ap.add_argument("--chat", type=int, default=20)
    ap.add_argument("--bfcl", type=int, default=20)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--show", type=int, default=1, help="differences shown per template")
    ap.add_argument("--only", nargs="*", help="template file names containing one of these")
    ap.add_argument("--json", help="write per-template rates here")
    ap.add_argument("--var", action="append", default=[], help="extra template variable KEY=JSON, for both engines")
    args = ap.parse_args()
    if args.reference_worker:
        return reference_worker(args.reference_worker)

    names = sorted(n for n in os.listdir(args.templates) if n.endswith(".jinja"))
    if args.only:
        names = [n for n in names if any(s in n for s in args.only)]
    templates = [os.path.join(args.templates, n) for n in names]
    conversations = sample_conversations(args.chat, args.bfcl)
    variables = {k: json.loads(v) for k, v in (flag.split("=", 1) for flag in args.var)}
    reference_outputs(templates, conversations, args.cache, 20, variables)

    total = passed = 0
    perfect = 0
    problems = []
    rates = {}
    for name, template in zip(names, templates):
        ref = json.load(open(cache_path(args.cache, template, variables), encoding="utf-8"))
        ok = n = shown = 0
        for agp in (False, True):
            ours, problem = our_outputs(args.binary, template, conversations, agp, args.timeout, args.var)
            if problem:
                problems.append(f"{name} agp={agp}: {problem}")
            for conv in conversations:
                r = ref[f"{int(agp)}/{conv['id']}"]
                o = ours.get(conv["id"], {"error": "no output"})
                n += 1
                if conforms(o, r):
                    ok += 1
                elif shown < args.show:
                    shown += 1
                    print(f"  --- {name} agp={agp} {conv['id']} {first_difference(o, r)}")
        total += n
        passed += ok
        perfect += ok == n
        rates[name] = [ok, n]
        print(f"{ok:4d}/{n:4d} {100.0 * ok / n:6.2f}% {name}", flush=True)
    print(f"templates fully conforming: {perfect}/{len(names)}")
    print(f"overall {passed}/{total} = {100.0 * passed / max(total, 1):.2f}%")
    for p in problems:
        print("PROBLEM", p)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"overall": [passed, total], "templates": rates, "problems": problems}, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
