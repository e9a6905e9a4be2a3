#!/usr/bin/env python3
"""Held-out check of `chat-template encode --per-turn` against
`shared/tools/hfref.py encode`, on conversations the goldens do not have.

    scripts/encode_heldout_check.py [--models M ...] [--seed N] [--binary PATH]

The fixture conversations are perturbed the ways real SFT data varies: user
text ending in "\\n", "\\n\\n" or " "; reasoning under `reasoning_content`,
`thinking` or `reasoning` (empty, padded, multi-line); tool-call arguments as
JSON strings; user content as a list of text parts; and `enable_thinking` /
`preserve_thinking` set or not. Each model directory's template and tokenizer
then encode them with hfref.py and with both of our backends, and every
per-turn record (ids, labels, not-prefix-stable flags, errors) is compared.
"""
import argparse, json, os, random, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.environ.get("CHAT_TEMPLATE_FIXTURES", os.path.join(os.path.dirname(ROOT), "shared", "fixtures"))
MODELS = ["Qwen2.5-7B-Instruct", "Qwen3-8B", "Qwen3.5-9B", "Qwen3.6-35B-A3B"]


def perturbed(seed):
    rnd = random.Random(seed)
    for name in ("bfcl", "chat", "edge"):
        for line in open(os.path.join(FIXTURES, "conversations", name + ".jsonl"), encoding="utf-8"):
            for variant in range(2):
                conv = json.loads(line)
                conv["id"] = f"{conv['id']}#{variant}"
                for m in conv["messages"]:
                    if m.get("role") == "user" and isinstance(m.get("content"), str):
                        m["content"] += rnd.choice(["\n", " ", "\n\n", ""])
                        if variant and rnd.random() < 0.3:
                            m["content"] = [{"type": "text", "text": m["content"]}]
                    if m.get("role") == "assistant":
                        if rnd.random() < 0.5:
                            m[rnd.choice(["reasoning", "reasoning_content", "thinking"])] = rnd.choice(["Let me think.", "  step 1\nstep 2\n", ""])
                        for call in m.get("tool_calls") or []:
                            fn = call.get("function", {})
                            if variant and isinstance(fn.get("arguments"), dict) and rnd.random() < 0.3:
                                fn["arguments"] = json.dumps(fn["arguments"])
                conv["vars"] = rnd.choice([{}, {"enable_thinking": False}, {"enable_thinking": True}, {"preserve_thinking": True}])
                yield conv


def template_file(model_dir, scratch):
    path = os.path.join(model_dir, "chat_template.jinja")
    if os.path.exists(path):
        return path
    path = os.path.join(scratch, os.path.basename(model_dir) + ".jinja")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.load(open(os.path.join(model_dir, "tokenizer_config.json"), encoding="utf-8"))["chat_template"])
    return path


def records(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if "turn" in r:
            out[(r["id"], r["turn"])] = r
    return out


def agrees(ref, ours):
    if ours is None:
        return False
    if "error" in ref:
        return "error" in ours and (not ref["error"].startswith("TemplateError") or ref["error"] == ours["error"])
    if ref.get("not_prefix_stable"):
        return ours.get("not_prefix_stable") is True
    return ours.get("input_ids") == ref["input_ids"] and ours.get("labels") == ref["labels"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", nargs="*", default=MODELS)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    args = ap.parse_args()
    hfref = os.path.join(os.path.dirname(FIXTURES), "tools", "hfref.py")
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        data = os.path.join(scratch, "heldout.jsonl")
        with open(data, "w", encoding="utf-8") as f:
            for conv in perturbed(args.seed):
                f.write(json.dumps(conv, ensure_ascii=False) + "\n")
        for model in args.models:
            model_dir = os.path.join(FIXTURES, "models", model)
            ref_path = os.path.join(scratch, "ref.jsonl")
            subprocess.run([sys.executable, hfref, "encode", "--template", template_file(model_dir, scratch),
                            "--tokenizer", os.path.join(model_dir, "tokenizer.json"), "--input", data, "--output", ref_path],
                           check=True, stderr=subprocess.DEVNULL)
            ref = records(ref_path)
            for backend in ("swift", "jinja"):
                ours_path = os.path.join(scratch, f"ours-{backend}.jsonl")
                subprocess.run([args.binary, "encode", "--model", model, "--model-dir", model_dir, "--per-turn",
                                "--template-backend", backend, "--input", data, "--output", ours_path, "--now", "2026-07-26T12:00:00"],
                               stderr=subprocess.DEVNULL)
                ours = records(ours_path)
                differing = sorted(k for k, r in ref.items() if not agrees(r, ours.get(k)))
                failed |= bool(differing)
                print(f"{model:22} {backend:6} {len(ref) - len(differing)}/{len(ref)} per-turn records agree"
                      + (f"; differ: {', '.join(f'{i}:{t}' for i, t in differing[:4])}" if differing else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
