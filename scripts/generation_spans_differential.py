#!/usr/bin/env python3
"""Generation-span differential: for every template with `{% generation %}`
blocks, compare the spans `chat-template render --generation-spans` reports
with the `generation_indices` transformers' AssistantTracker records
(`render_jinja_template(..., return_assistant_tokens_mask=True)`).

transformers counts Python characters; we report UTF-8 bytes, so the reference
indices are converted before comparing. A conversation conforms when both
sides render the same text and report the same spans, or both fail.

Run it with the reference venv's Python (it imports transformers):
  .venv-ref/bin/python scripts/generation_spans_differential.py DIR [DIR ...] \
      [--binary .build/release/chat-template] [--chat 20] [--bfcl 20] [--show 1]
"""
import argparse, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from heldout_differential import sample_conversations, pinned_hfref, render_records  # noqa: E402


def reference_spans(template, conversations, agp):
    from transformers.utils.chat_template_utils import render_jinja_template
    pinned_hfref()
    results = {}
    for conv in conversations:
        kwargs = {"bos_token": "<s>", "eos_token": "</s>", **(conv.get("vars") or {})}
        try:
            rendered, indices = render_jinja_template(
                conversations=[conv["messages"]], tools=conv.get("tools"), chat_template=template,
                add_generation_prompt=agp, return_assistant_tokens_mask=True, **kwargs)
            text = rendered[0]
            to_bytes = lambda i: len(text[:i].encode("utf-8"))
            results[conv["id"]] = {"text": text, "spans": [[to_bytes(s), to_bytes(e)] for s, e in indices[0]]}
        except Exception as e:  # both failing conforms
            results[conv["id"]] = {"error": f"{type(e).__name__}: {e}"}
    return results


def our_spans(binary, path, conversations, agp):
    records, _ = render_records(binary, ["--chat-template", path, "--generation-spans"], conversations, agp, timeout=300)
    return {id: {"text": r["text"], "spans": r.get("generation_spans", [])} if "text" in r else {"error": r["error"]}
            for id, r in records.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(HERE), ".build", "release", "chat-template"))
    ap.add_argument("--chat", type=int, default=20)
    ap.add_argument("--bfcl", type=int, default=20)
    ap.add_argument("--show", type=int, default=1)
    args = ap.parse_args()
    conversations = sample_conversations(args.chat, args.bfcl)
    paths = sorted(os.path.join(d, n) for d in args.dirs for n in os.listdir(d) if n.endswith(".jinja"))
    total = same = 0
    for path in paths:
        template = open(path, encoding="utf-8").read()
        if "generation" not in template:
            continue
        ok = n = shown = 0
        for agp in (False, True):
            ref = reference_spans(template, conversations, agp)
            ours = our_spans(args.binary, path, conversations, agp)
            for conv in conversations:
                r, o = ref[conv["id"]], ours.get(conv["id"], {"error": "no output"})
                n += 1
                if ("error" in r and "error" in o) or r == o:
                    ok += 1
                elif shown < args.show:
                    shown += 1
                    detail = (f"spans ours {o.get('spans')} want {r.get('spans')}" if "text" in r and r.get("text") == o.get("text")
                              else f"ours {str(o)[:200]!r} want {str(r)[:200]!r}")
                    print(f"    {conv['id']} agp={agp}: {detail}")
        total += n
        same += ok
        print(f"{ok:5}/{n:5} {os.path.basename(path)}")
    print(f"overall {same}/{total}")


if __name__ == "__main__":
    main()
