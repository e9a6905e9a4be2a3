#!/usr/bin/env python3
"""Model-directory differential: `chat-template render --model-dir DIR` against
what transformers' tokenizer for DIR renders,
`AutoTokenizer.from_pretrained(DIR).apply_chat_template(..., tokenize=False)`.

This checks what the template-file differentials cannot: how a directory is
read — which template (`chat_template.jinja`, `additional_chat_templates/`,
`tokenizer_config.json`'s string or named list; `tool_use` for conversations
with tools) and which special tokens the template sees.

`apply_chat_template` drops message keys whose value is None before rendering;
our reference (`hfref.py`, `render_jinja_template`) keeps them, and so do we
(Docs/Jinja.md). The inputs are stripped of such keys, so both sides see the
same messages. Run with the reference venv's Python:

  .venv-ref/bin/python scripts/model_dir_differential.py [DIR ...] [--variants /tmp/model-variants] \
      [--binary .build/release/chat-template] [--chat 20] [--bfcl 20] [--show 2]
"""
import argparse, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from heldout_differential import sample_conversations, pinned_hfref, render_records  # noqa: E402


def make_variants(out):
    """Model directories with named templates, built from the fixtures: the
    Qwen2.5 tokenizer and config with Qwen2.5's template as `default` and a
    real tool-use template (Hermes 2 Pro's, Command R+'s) as `tool_use`; and
    directories whose template prints their special tokens, model-specific
    ones and an old checkpoint's `special_tokens_map.json` included."""
    import shutil
    from heldout_differential import FIXTURES
    model = os.path.join(FIXTURES, "models", "Qwen2.5-7B-Instruct")
    templates = os.path.join(FIXTURES, "chat_templates")
    read = lambda name: open(os.path.join(templates, name), encoding="utf-8").read()
    default, hermes, command_r = (read("Qwen-Qwen2.5-7B-Instruct.jinja"), read("NousResearch-Hermes-2-Pro-Llama-3-8B-tool_use.jinja"),
                                  read("CohereForAI-c4ai-command-r-plus-tool_use.jinja"))
    config = json.load(open(os.path.join(model, "tokenizer_config.json"), encoding="utf-8"))
    config.pop("chat_template", None)
    tokens = ("{{ bos_token }}|{{ eos_token }}|{{ image_token }}|{{ video_token }}|{{ audio_token }}|"
              "{{ split_token }}|{{ plain_token }}|{{ add_bos_token }}\n")
    variants = {
        "config-list": ({"chat_template": [{"name": "default", "template": default}, {"name": "tool_use", "template": hermes},
                                           {"name": "rag", "template": "R"}]}, {}),
        "template-files": ({"chat_template": "ignored: the files win"},
                           {"chat_template.jinja": default, "additional_chat_templates/tool_use.jinja": command_r}),
        "no-default": ({"chat_template": [{"name": "tool_use", "template": hermes}]}, {}),
        "single-with-bos": ({"chat_template": command_r, "bos_token": "<|im_start|>"}, {}),
        # Model-specific tokens (`image_token`, `extra_special_tokens`) are template variables.
        "model-specific-tokens": ({"chat_template": tokens + default, "image_token": "<|vision_pad|>", "split_token": 5,
                                   "video_token": {"__type": "AddedToken", "content": "<|video_pad|>"},
                                   "plain_token": {"content": "<p>"},
                                   "extra_special_tokens": {"audio_token": "<|AUDIO|>", "eos_token": "<|endoftext|>"}}, {}),
        # `additional_special_tokens` as an object: read as `extra_special_tokens`, alongside them.
        "additional-tokens": ({"chat_template": "{{ foo_token }}|{{ bar_token }}|" + default,
                               "additional_special_tokens": {"foo_token": "<f>"}, "extra_special_tokens": {"bar_token": "<b>"}}, {}),
    }
    # An old checkpoint: no added_tokens_decoder, so special_tokens_map.json is read and wins.
    legacy_config = {k: v for k, v in config.items() if k != "added_tokens_decoder"}
    legacy = {"bos_token": None, "eos_token": {"content": "<|endoftext|>"}, "image_token": "<I>",
              "video_token": {"content": "<V>"}, "extra_special_tokens": {"audio_token": "<A>"}}
    variants["legacy-tokens"] = ({"chat_template": tokens + default, "bos_token": "<|im_start|>", "image_token": "<i>",
                                  "video_token": {"__type": "AddedToken", "content": "<v>"}},
                                 {"special_tokens_map.json": json.dumps(legacy)}, legacy_config)
    made = []
    for name, (extra, files, *base) in variants.items():
        directory = os.path.join(out, name)
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(directory)
        shutil.copy(os.path.join(model, "tokenizer.json"), directory)
        json.dump({**(base[0] if base else config), **extra}, open(os.path.join(directory, "tokenizer_config.json"), "w", encoding="utf-8"))
        for path, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(directory, path)), exist_ok=True)
            open(os.path.join(directory, path), "w", encoding="utf-8").write(text)
        made.append(directory)
    return made


def without_none_keys(conversation):
    conversation = dict(conversation)
    conversation["messages"] = [{k: v for k, v in m.items() if v is not None} if isinstance(m, dict) else m
                                for m in conversation["messages"]]
    return conversation


def reference(directory, conversations, agp):
    from transformers import AutoTokenizer
    pinned_hfref()
    tokenizer = AutoTokenizer.from_pretrained(directory)
    results = {}
    for c in conversations:
        try:
            text = tokenizer.apply_chat_template(c["messages"], tools=c.get("tools"), documents=c.get("documents"),
                                                 tokenize=False, add_generation_prompt=agp, **(c.get("vars") or {}))
            results[c["id"]] = {"text": text}
        except Exception as e:
            results[c["id"]] = {"error": f"{type(e).__name__}: {e}"}
    return results


def ours(binary, directory, conversations, agp):
    records, proc = render_records(binary, ["--model-dir", directory], conversations, agp)
    if not records:
        records = {c["id"]: {"error": proc.stderr.decode("utf-8", "replace").strip()} for c in conversations}
    return records


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--variants", help="also build model directories with named templates here and compare them")
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(HERE), ".build", "release", "chat-template"))
    ap.add_argument("--chat", type=int, default=20)
    ap.add_argument("--bfcl", type=int, default=20)
    ap.add_argument("--show", type=int, default=2)
    args = ap.parse_args()
    conversations = [without_none_keys(c) for c in sample_conversations(args.chat, args.bfcl)]
    # `tools` present but empty picks a `tool_use` template; `null` does not.
    conversations += [{"id": "tools-empty", "messages": [{"role": "user", "content": "hi"}], "tools": []},
                      {"id": "tools-null", "messages": [{"role": "user", "content": "hi"}], "tools": None}]
    directories = list(args.dirs) + (make_variants(args.variants) if args.variants else [])
    total = same = 0
    for directory in directories:
        ok = n = shown = 0
        for agp in (False, True):
            want = reference(directory, conversations, agp)
            got = ours(args.binary, directory, conversations, agp)
            for c in conversations:
                r, o = want[c["id"]], got.get(c["id"], {"error": "no output"})
                n += 1
                if ("text" in r and o.get("text") == r["text"]) or ("error" in r and "error" in o):
                    ok += 1
                elif shown < args.show:
                    shown += 1
                    print(f"    {c['id']} agp={agp}: ours {str(o.get('text', o.get('error')))[:160]!r}\n"
                          f"      want {str(r.get('text', r.get('error')))[:160]!r}")
        total += n
        same += ok
        print(f"{ok:5}/{n:5} {directory}")
    print(f"overall {same}/{total}")


if __name__ == "__main__":
    main()
