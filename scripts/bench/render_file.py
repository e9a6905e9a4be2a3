#!/usr/bin/env python3
"""End-to-end render benchmark: a JSONL file of conversations in, a JSONL
file of rendered prompts out, as a data-preparation job does it.

    scripts/bench/render_file.py [--template T.jinja] [--input C.jsonl] [--copies N] [--rounds R] [--binary PATH]

Ours is `chat-template render --jobs 1` (one core, so the comparison is per
core): process start, template parse, reading and parsing each line,
converting it, rendering, and writing `{"id", "text"}` lines. The Python
peers do the same in one loop: `json.loads` each line, render with
transformers' compiled jinja2 template (or minijinja), `json.dumps` the
record, write it. Times are CPU seconds (the child process's user + system
time for ours, the thread's CPU time for Python) divided by the number of
conversations; the input is the given file repeated `--copies` times; each
engine runs `--rounds` times and the median is reported.
"""
import argparse, json, os, resource, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from render import FIXTURES, ROOT, jinja2_renderer, minijinja_renderer, variables  # noqa: E402


def make_input(path, copies):
    lines = [line for line in open(path, encoding="utf-8") if line.strip()]
    handle = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    for _ in range(copies):
        handle.writelines(line if line.endswith("\n") else line + "\n" for line in lines)
    handle.close()
    return handle.name, len(lines) * copies


def run_ours(binary, template, input_path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([binary, "render", "--chat-template", template, "--input", input_path, "--output", os.devnull, "--jobs", "1"],
                   check=False, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_python(render, input_path):
    start = time.thread_time()
    with open(input_path, encoding="utf-8") as source, open(os.devnull, "w", encoding="utf-8") as sink:
        for line in source:
            conversation = json.loads(line)
            try:
                record = {"id": conversation.get("id"), "text": render(variables(conversation, False))}
            except Exception as error:  # the record names the failure, as ours does
                record = {"id": conversation.get("id"), "error": f"{type(error).__name__}: {error}"}
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return time.thread_time() - start


def median(values):
    return sorted(values)[len(values) // 2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--template", default=os.path.join(FIXTURES, "chat_templates", "qwen3_6.jinja"))
    ap.add_argument("--input", default=os.path.join(FIXTURES, "conversations", "bfcl.jsonl"))
    ap.add_argument("--copies", type=int, default=10, help="repeat the input this many times")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    args = ap.parse_args()

    source = open(args.template, encoding="utf-8").read()
    input_path, count = make_input(args.input, args.copies)
    try:
        rows = [("chat-template render --jobs 1", median([run_ours(args.binary, args.template, input_path) for _ in range(args.rounds)]))]
        j2 = jinja2_renderer(source)
        rows.append(("json + jinja2 (transformers env)", median([run_python(j2, input_path) for _ in range(args.rounds)])))
        try:
            mj = minijinja_renderer(source)
            rows.append(("json + minijinja (Python)", median([run_python(mj, input_path) for _ in range(args.rounds)])))
        except ImportError:
            print("minijinja is not installed; skipped", file=sys.stderr)
    finally:
        os.unlink(input_path)

    ours = rows[0][1]
    print(f"template: {os.path.basename(args.template)}   input: {os.path.basename(args.input)} × {args.copies} = {count} conversations   "
          f"median of {args.rounds} rounds, one core")
    print(f"{'pipeline':34} {'per conversation':>17} {'conversations/s':>16} {'ours is faster by':>18}")
    for name, seconds in rows:
        per = seconds / count
        print(f"{name:34} {per * 1e6:14.1f} µs {count / seconds:16.0f} {seconds / ours:17.1f}×")


if __name__ == "__main__":
    main()
