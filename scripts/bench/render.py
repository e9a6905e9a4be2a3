#!/usr/bin/env python3
"""Render benchmark: jinja2 (transformers' environment), minijinja (Python
bindings) and our `chat-template bench render`, on the same template and
conversations, in one run.

    scripts/bench/render.py [--template T.jinja] [--input C.jsonl] [--repeat N] [--rounds R] [--binary PATH]

Defaults: the Qwen3.6 template over the BFCL conversations from ../shared/fixtures
and .build/release/chat-template (build it with
`swift build -c release --product chat-template`). Every side parses the
template once and renders from ready-made values; the time reported is per
conversation (mean over all conversations × repeats), in CPU time of the
rendering thread, so that other load on the machine does not skew the ratios;
each engine is measured `--rounds` times and the median round reported.

Ours is reported twice. "repeated values" renders the same template values
`--repeat` times, as the Python engines do; our `tojson` remembers the text of
a tool schema it has already serialized, so repeats after the first find it.
"fresh values" converts the conversations anew before every repeat, so every
tool is serialized for the first time: the cost of a conversation seen once.
"""
import argparse, datetime, json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.environ.get("CHAT_TEMPLATE_FIXTURES", os.path.join(os.path.dirname(ROOT), "shared", "fixtures"))
NOW = datetime.datetime(2026, 7, 26, 12, 0, 0)


def load(path):
    convs = []
    for line in open(path, encoding="utf-8"):
        if line.strip():
            c = json.loads(line)
            convs.append(c)
    return convs


def variables(conv, add_generation_prompt):
    v = {"bos_token": "<s>", "eos_token": "</s>"}
    v.update(conv.get("vars") or {})
    v.update(messages=conv["messages"], tools=conv.get("tools"), documents=None, add_generation_prompt=add_generation_prompt)
    return v


def time_renders(render, all_vars, repeat):
    ok = []
    for v in all_vars:  # warm up, and drop conversations the engine rejects
        try:
            render(v)
            ok.append(v)
        except Exception:
            pass
    start = time.thread_time()  # CPU time: the machine may be shared
    for _ in range(repeat):
        for v in ok:
            try:
                render(v)
            except Exception:
                pass
    return (time.thread_time() - start) / (repeat * max(len(ok), 1)), len(all_vars) - len(ok)


def jinja2_renderer(source):
    """transformers' cached, compiled jinja2 template, as a render function of variables."""
    import transformers.utils.chat_template_utils as ctu
    template = ctu._compile_jinja_template(source)
    return lambda v: template.render(**v)


def minijinja_renderer(source):
    """minijinja configured as transformers' environment, as a render function of variables."""
    import minijinja

    def raise_exception(message):
        raise minijinja.TemplateError(message)

    env = minijinja.Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    env.add_global("raise_exception", raise_exception)
    env.add_global("strftime_now", lambda fmt: NOW.strftime(fmt))
    env.add_template("chat", source)
    return lambda v: env.render_template("chat", **v)


def bench_jinja2(source, all_vars, repeat):
    return time_renders(jinja2_renderer(source), all_vars, repeat)


def bench_minijinja(source, all_vars, repeat):
    return time_renders(minijinja_renderer(source), all_vars, repeat)


def bench_ours(binary, template, conversations, repeat, add_generation_prompt, fresh=False):
    cmd = [binary, "bench", "render", "--chat-template", template, "--input", conversations, "--repeat", str(repeat), "--json"]
    if add_generation_prompt:
        cmd.append("--add-generation-prompt")
    if fresh:
        cmd.append("--fresh-values")
    result = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    return result["render_seconds_per_conversation"], result["failures"], result


def median_of(rounds, run):
    """Runs `run` `rounds` times; the result whose time is the median."""
    results = sorted((run() for _ in range(rounds)), key=lambda r: r[0])
    return results[len(results) // 2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--template", default=os.path.join(FIXTURES, "chat_templates", "qwen3_6.jinja"))
    ap.add_argument("--input", default=os.path.join(FIXTURES, "conversations", "bfcl.jsonl"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=3, help="measure each engine this many times; report the median")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    ap.add_argument("--add-generation-prompt", action="store_true")
    args = ap.parse_args()

    source = open(args.template, encoding="utf-8").read()
    convs = load(args.input)
    all_vars = [variables(c, args.add_generation_prompt) for c in convs]
    rows = []
    ours, ours_fail, detail = median_of(args.rounds, lambda: bench_ours(args.binary, args.template, args.input, args.repeat, args.add_generation_prompt))
    fresh, fresh_fail, _ = median_of(args.rounds, lambda: bench_ours(args.binary, args.template, args.input, args.repeat, args.add_generation_prompt, fresh=True))
    rows.append(("chat-template, repeated values", ours, ours_fail))
    rows.append(("chat-template, fresh values", fresh, fresh_fail))
    j2, j2_fail = median_of(args.rounds, lambda: bench_jinja2(source, all_vars, args.repeat))
    rows.append(("jinja2 3.1 (transformers env)", j2, j2_fail))
    try:
        mj, mj_fail = median_of(args.rounds, lambda: bench_minijinja(source, all_vars, args.repeat))
        rows.append(("minijinja (Python bindings)", mj, mj_fail))
    except ImportError:
        print("minijinja is not installed; skipped", file=sys.stderr)

    print(f"template: {os.path.basename(args.template)}   conversations: {len(convs)} ({os.path.basename(args.input)})   "
          f"repeat: {args.repeat}   median of {args.rounds} rounds")
    print(f"{'engine':32} {'per conversation':>18} {'errors':>7} {'vs ours (repeated)':>19} {'vs ours (fresh)':>16}")
    for name, seconds, failures in rows:
        ratio = seconds / ours if ours > 0 else float("nan")
        fresh_ratio = seconds / fresh if fresh > 0 else float("nan")
        print(f"{name:32} {seconds * 1e6:15.1f} µs {failures:7d} {ratio:18.1f}× {fresh_ratio:15.1f}×")
    print(f"(ours: template parsed once in {detail['parse_seconds'] * 1e6:.0f} µs; "
          f"JSON → template values {detail['convert_seconds_per_conversation'] * 1e6:.1f} µs per conversation, not included)")


if __name__ == "__main__":
    main()
