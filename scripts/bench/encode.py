#!/usr/bin/env python3
"""Training-encode benchmark: `shared/tools/hfref.py encode` (transformers +
tokenizers, the parity contract's executable reference) against our
`chat-template bench encode`, per-turn, on the same model directory and
conversations, in one run, one core.

    scripts/bench/encode.py [--model Qwen3.6-35B-A3B] [--input C.jsonl ...] [--repeat N] [--binary PATH]

Defaults: every fixture conversation file (bfcl, chat, edge) with the
Qwen3.6-35B-A3B model directory, and .build/release/chat-template (build it
with `swift build -c release --product chat-template`). The reference runs
hfref.py's own encode loop in-process (template, tokenizer and JSON loaded
first, as on our side); both sides report CPU time of the encoding thread
per conversation, so that other load on the machine does not skew the ratio.
"""
import argparse, json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
# scripts/bench/tokenize.py would shadow the standard library's `tokenize`.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != HERE]
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
FIXTURES = os.environ.get("CHAT_TEMPLATE_FIXTURES", os.path.join(SHARED, "fixtures"))


def reference_seconds(model_dir, conversations, repeat):
    """hfref.py encode's per-turn loop, timed per conversation."""
    sys.path.insert(0, os.path.join(os.path.dirname(FIXTURES), "tools"))
    import hfref
    from tokenizers import Tokenizer

    hfref._pin_clock()
    tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    template_file = os.path.join(model_dir, "chat_template.jinja")
    if os.path.exists(template_file):
        template = open(template_file, encoding="utf-8").read()
    else:
        template = json.load(open(os.path.join(model_dir, "tokenizer_config.json"), encoding="utf-8"))["chat_template"]
    extra = {"bos_token": "<s>", "eos_token": "</s>"}
    stops = ["<|im_end|>"]
    enc = lambda s: tok.encode(s, add_special_tokens=False).ids

    def encode(conv):
        msgs = conv["messages"]
        for k, m in enumerate(msgs):
            if m.get("role") != "assistant":
                continue
            try:
                prompt = hfref._render(template, {**conv, "messages": msgs[:k]}, True, extra)
                full = hfref._render(template, {**conv, "messages": msgs[: k + 1]}, False, extra)
            except Exception:
                continue
            if not full.startswith(prompt):
                continue
            completion = full[len(prompt):]
            cut = min((completion.find(s) + len(s) for s in stops if s in completion), default=len(completion))
            p, c = enc(prompt), enc(completion[:cut])
            _ = (p + c, [-100] * len(p) + c)

    for conv in conversations:  # warm up the template cache
        encode(conv)
    start = time.thread_time()
    for _ in range(repeat):
        for conv in conversations:
            encode(conv)
    return (time.thread_time() - start) / (repeat * len(conversations))


def ours(binary, model, model_dir, path, repeat, backend):
    cmd = [binary, "bench", "encode", "--model", model, "--model-dir", model_dir, "--input", path,
           "--repeat", str(repeat), "--template-backend", backend, "--now", "2026-07-26T12:00:00", "--json"]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="Qwen3.6-35B-A3B")
    ap.add_argument("--input", action="append", help="conversation JSONL (repeatable; default: all fixture files)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    args = ap.parse_args()

    model_dir = os.path.join(FIXTURES, "models", args.model)
    inputs = args.input or [os.path.join(FIXTURES, "conversations", f + ".jsonl") for f in ("bfcl", "chat", "edge")]
    conversations = [json.loads(line) for path in inputs for line in open(path, encoding="utf-8") if line.strip()]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as joined:
        for conv in conversations:
            joined.write(json.dumps(conv, ensure_ascii=False) + "\n")

    rows = []
    for backend in ("swift", "jinja"):
        result = ours(args.binary, args.model, model_dir, joined.name, args.repeat, backend)
        rows.append((f"chat-template ({backend} backend)", result["seconds_per_conversation"], result))
    ref = reference_seconds(model_dir, conversations, args.repeat)
    os.unlink(joined.name)

    print(f"model: {args.model}   conversations: {len(conversations)} ({', '.join(os.path.basename(p) for p in inputs)})   "
          f"per-turn records: {rows[0][2]['records']}   repeat: {args.repeat}   one core")
    print(f"{'encoder':34} {'per conversation':>18} {'faster than hfref.py':>22}")
    print(f"{'hfref.py encode (transformers)':34} {ref * 1e3:15.3f} ms {1.0:21.1f}×")
    for name, seconds, _ in rows:
        print(f"{name:34} {seconds * 1e3:15.3f} ms {ref / seconds:21.1f}×")


if __name__ == "__main__":
    main()
