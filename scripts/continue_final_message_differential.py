#!/usr/bin/env python3
"""`render --continue-final-message` against transformers'
`render_jinja_template(..., continue_final_message=FIELD)`, the same function
`apply_chat_template(continue_final_message=…)` calls.

For every template, the sample conversations are rendered as they are (most
end with a user or tool message, which the template renders whole or
rejects) and with an assistant prefill appended — a plain reply, one with
`reasoning_content` (continued as `content` and as `reasoning_content`), one
whose content is a list of text blocks, one whose text ends in spaces the
template may trim. A case conforms when the texts are identical, or both
sides fail with the same exception type. Run with the reference venv:

  .venv-ref/bin/python scripts/continue_final_message_differential.py [TEMPLATE_DIR ...] \
      [--binary .build/release/chat-template] [--chat 8] [--bfcl 8] [--show 3]
"""
import argparse, glob, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from heldout_differential import FIXTURES, sample_conversations, pinned_hfref, render_records  # noqa: E402

PREFILLS = {
    "reply": ({"role": "assistant", "content": "Sure — here is the first part"}, "content"),
    "trailing-space": ({"role": "assistant", "content": "Let me answer:  "}, "content"),
    "reasoning-as-content": ({"role": "assistant", "content": "The answer", "reasoning_content": "Think first."}, "content"),
    "reasoning": ({"role": "assistant", "content": "", "reasoning_content": "I should check"}, "reasoning_content"),
    "blocks": ({"role": "assistant", "content": [{"type": "text", "text": "Part one."}, {"type": "text", "text": "Part two"}]}, "content"),
}


def cases(conversations):
    """(case id, conversation, field) for every conversation as is and with each prefill."""
    out = []
    for c in conversations:
        out.append((f"{c['id']}", c, "content"))
        for name, (message, field) in PREFILLS.items():
            prefilled = dict(c, messages=c["messages"] + [message])
            out.append((f"{c['id']}+{name}", prefilled, field))
    return out


def reference(template_text, all_cases):
    from transformers.utils.chat_template_utils import render_jinja_template
    pinned_hfref()
    results = {}
    for case_id, c, field in all_cases:
        try:
            rendered, _ = render_jinja_template(
                conversations=[json.loads(json.dumps(c["messages"]))], tools=c.get("tools"), chat_template=template_text,
                continue_final_message=field, add_generation_prompt=False,
                **{"bos_token": "<s>", "eos_token": "</s>", **(c.get("vars") or {})})
            results[case_id] = {"text": rendered[0]}
        except Exception as e:
            results[case_id] = {"error": f"{type(e).__name__}: {e}"}
    return results


def ours(binary, template, all_cases):
    results = {}
    for field in sorted({f for _, _, f in all_cases}):
        subset = [dict(c, id=case_id) for case_id, c, f in all_cases if f == field]
        flags = ["--chat-template", template, "--continue-final-message", "--continue-field", field]
        records, proc = render_records(binary, flags, subset, False)
        if not records:
            records = {c["id"]: {"error": proc.stderr.decode("utf-8", "replace").strip()} for c in subset}
        results.update(records)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", default=[os.path.join(FIXTURES, "chat_templates")])
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(HERE), ".build", "release", "chat-template"))
    ap.add_argument("--chat", type=int, default=8)
    ap.add_argument("--bfcl", type=int, default=8)
    ap.add_argument("--show", type=int, default=3)
    args = ap.parse_args()
    all_cases = cases(sample_conversations(args.chat, args.bfcl))
    templates = sorted(t for d in args.dirs for t in glob.glob(os.path.join(d, "*.jinja")))
    total = same = texts = shown = 0
    for template in templates:
        text = open(template, encoding="utf-8").read()
        want, got = reference(text, all_cases), ours(args.binary, template, all_cases)
        for case_id, _, _ in all_cases:
            r, o = want[case_id], got.get(case_id, {"error": "no output"})
            total += 1
            texts += "text" in r
            if ("text" in r and o.get("text") == r["text"]) or (
                    "error" in r and "error" in o and o["error"].split(":")[0] == r["error"].split(":")[0]):
                same += 1
            elif shown < args.show:
                shown += 1
                print(f"  {os.path.basename(template)} {case_id}:\n    ours {str(o.get('text', o.get('error')))[-200:]!r}\n"
                      f"    want {str(r.get('text', r.get('error')))[-200:]!r}")
    print(f"{same}/{total} conform ({texts} reference texts) over {len(templates)} templates")


if __name__ == "__main__":
    main()
