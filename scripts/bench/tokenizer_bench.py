#!/usr/bin/env python3
"""Tokenizer benchmark: our `chat-template` release binary against HF `tokenizers`
and `tiktoken`, on the same text, in one run.

Each peer runs in its own process (so load time and peak memory are its own),
encodes every document of the corpus one call at a time on one thread, and
reports CPU seconds (time.process_time / CLOCK_PROCESS_CPUTIME_ID): a busy
machine then slows every peer's wall clock without skewing the ratios.
Our ids are checked against `tokenizers` on every document.

    python scripts/bench/tokenize.py \
        --tokenizer ../shared/fixtures/tokenizers/qwen/tokenizer.json \
        --text ../shared/fixtures/goldens/tokenize/qwen.jsonl --repeat 5

`--text` is JSONL with a "text" field per line (or plain text, one document
per paragraph); `--generated N` instead builds N held-out documents (code, CJK,
Hangul, emoji, whitespace runs, numbers, NFD/NFKC forms, added tokens inside
text, random Unicode) from `--seed`, for parity checks on text nobody tuned for. The tiktoken peer is built from the same tokenizer.json
(byte-level vocabulary as mergeable ranks, the Split regex, added tokens as
special tokens) and is skipped for tokenizers that are not byte-level BPE.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_documents(path, repeat):
    documents = []
    with open(path, encoding="utf-8") as handle:
        content = handle.read()
    lines = [line for line in content.split("\n") if line.strip()]
    try:
        documents = [json.loads(line)["text"] for line in lines]
    except (json.JSONDecodeError, KeyError, TypeError):
        documents = [block for block in content.split("\n\n") if block.strip()]
    return documents * repeat


GENERATOR_PIECES = [
    "def foo(x):\n    return x**2  # comment\n", "if (a && b) { return c[i]; }\n\t\t", "SELECT * FROM t WHERE id=42;",
    "你好，世界！这是一个测试。", "日本語のテキストとカタカナ", "한국어 텍스트입니다", "Привет, мир!", "مرحبا بالعالم", "שלום עולם",
    "😀🎉👍🏽👨‍👩‍👧‍👦🇫🇷", "🤖 emoji ✨ mix", "   ", "\n\n\n", "\r\n", "\t \t", "\u00a0\u2003\u3000", "\u200b\u200d",
    "12345678901234567890", "3.14159", "1,000,000", "٣٤٥", "Ⅻ", "½ ¾", "<|im_start|>", "<|im_end|>", "<|endoftext|>",
    "<think>", "</think>", "<tool_call>", "<s>", "</s>", "[INST]", "[/INST]", "<unk>", "<|im_start", "im_end|>",
    "I'm you're they've we'll she'd it's", "I'M YOU'RE IT'S", "'S 'T", "don'T", "cafe\u0301", "café", "ſ's 'ſ",
    "hello", " world", "  spaced  out  ", "MixedCASEWords", "snake_case_name", "camelCaseName",
    "https://example.com/path?q=1&r=2", "a" * 50, "ab" * 30, " " * 20, "!!!???...", "—–-", "«quoted»",
    "\u0000\u0001\u001f", "\x7f", "\ufeff", "\U0010ffff", "\ue000", "ᾹῪ", "ǅ", "ΣΑΣ σας", "İstanbul", "ß",
    "ﷺ", "ℌ", "\u0301start", "x\u0308", "ⓐⓑ", "㍿", "\u3099", "가\u11a8", "\u1ace\u0359",
]


def generated_documents(count, seed):
    import random
    import unicodedata

    generator = random.Random(seed)
    separators = ["", " ", "  ", "\n", "\t", "", "", " \n ", "\n\n"]
    documents = []
    for index in range(count):
        if index % 8 == 7:
            ranges = [(0x20, 0x7E), (0xA0, 0x2FFF), (0x3000, 0x9FFF), (0x1F300, 0x1FAFF), (0x300, 0x36F), (0x20, 0x20), (0x0A, 0x0A)]
            characters = []
            for _ in range(generator.randint(1, 60)):
                low, high = generator.choice(ranges)
                characters.append(chr(generator.randint(low, high)))
            documents.append("".join(characters))
            continue
        parts = []
        for _ in range(generator.randint(1, 12)):
            piece = generator.choice(GENERATOR_PIECES)
            roll = generator.random()
            if roll < 0.2:
                piece = unicodedata.normalize("NFD", piece)
            elif roll < 0.3:
                piece = unicodedata.normalize("NFKC", piece)
            parts.append(piece + generator.choice(separators))
        documents.append("".join(parts))
    return documents


def peak_rss_mb():
    # Linux reports kilobytes, macOS bytes.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def byte_decoder():
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    characters = printable[:]
    shifted = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            characters.append(256 + shifted)
            shifted += 1
    return {chr(character): byte for byte, character in zip(printable, characters)}


def tiktoken_encoding(tokenizer_path):
    """A tiktoken Encoding with the ranks, regex and added tokens of a byte-level tokenizer.json."""
    import tiktoken

    config = json.load(open(tokenizer_path, encoding="utf-8"))
    pre = config.get("pre_tokenizer") or {}
    steps = pre.get("pretokenizers", [pre])
    splits = [step for step in steps if step.get("type") == "Split" and "Regex" in step.get("pattern", {})]
    if not splits or not any(step.get("type") == "ByteLevel" for step in steps):
        return None
    decoder = byte_decoder()
    ranks = {}
    for token, rank in config["model"]["vocab"].items():
        if all(character in decoder for character in token):
            ranks[bytes(decoder[character] for character in token)] = rank
    special = {added["content"]: added["id"] for added in config.get("added_tokens", [])}
    return tiktoken.Encoding("bench", pat_str=splits[0]["pattern"]["Regex"], mergeable_ranks=ranks, special_tokens=special)


def run_peer(peer, tokenizer_path, corpus_path, ids_path):
    """Runs inside the peer's own process: prints one JSON report."""
    documents = [json.loads(line)["text"] for line in open(corpus_path, encoding="utf-8")]
    total_bytes = sum(len(text.encode("utf-8")) for text in documents)
    start = time.process_time()
    if peer == "tokenizers":
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(tokenizer_path)
        encode = lambda text: tokenizer.encode(text, add_special_tokens=False).ids
    else:
        encoding = tiktoken_encoding(tokenizer_path)
        if encoding is None:
            print(json.dumps({"peer": peer, "skipped": "not a byte-level BPE with a Split regex"}))
            return
        encode = lambda text: encoding.encode(text, allowed_special="all")
    load_seconds = time.process_time() - start
    best = float("inf")
    tokens = 0
    for attempt in range(3):
        start = time.process_time()
        encoded = [encode(text) for text in documents]
        best = min(best, time.process_time() - start)
        tokens = sum(len(ids) for ids in encoded)
        if attempt == 0 and ids_path:
            with open(ids_path, "w") as handle:
                for ids in encoded:
                    handle.write(json.dumps({"ids": ids}) + "\n")
    print(json.dumps({
        "peer": peer, "load_seconds": load_seconds, "bytes": total_bytes, "documents": len(documents),
        "tokens": tokens, "encode_seconds": best, "mb_per_second": total_bytes / 1e6 / best, "peak_rss_mb": peak_rss_mb(),
    }))


def report_of(command):
    # One thread for every peer: tokenizers must not fan out to a thread pool.
    environment = dict(os.environ, RAYON_NUM_THREADS="1", TOKENIZERS_PARALLELISM="false")
    completed = subprocess.run(command, capture_output=True, text=True, env=environment)
    if completed.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def identical_ids(left_path, right_path):
    with open(left_path) as left, open(right_path) as right:
        pairs = list(zip(left, right))
    differing = sum(1 for a, b in pairs if json.loads(a)["ids"] != json.loads(b)["ids"])
    return differing, len(pairs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tokenizer", required=True, help="tokenizer.json")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="JSONL with a 'text' field per line, or plain text")
    source.add_argument("--generated", type=int, metavar="N", help="N generated held-out documents instead")
    parser.add_argument("--seed", type=int, default=1, help="seed of --generated")
    parser.add_argument("--repeat", type=int, default=1, help="repeat the documents to lengthen the run")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chat-template"))
    parser.add_argument("--peer", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--ids", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.peer:
        return run_peer(args.peer, args.tokenizer, args.corpus, args.ids)

    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} is missing: run `swift build -c release --product chat-template` first")
    if args.generated:
        documents = generated_documents(args.generated, args.seed) * args.repeat
    else:
        documents = load_documents(args.text, args.repeat)
    with tempfile.TemporaryDirectory() as scratch:
        corpus = os.path.join(scratch, "corpus.jsonl")
        with open(corpus, "w", encoding="utf-8") as handle:
            for text in documents:
                handle.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
        ids = {name: os.path.join(scratch, f"{name}.ids.jsonl") for name in ("chat-template", "tokenizers", "tiktoken")}
        reports = [report_of([args.binary, "bench", "tokenize", "--tokenizer", args.tokenizer, "--corpus", corpus,
                              "--passes", "3", "--ids-output", ids["chat-template"]])]
        for peer in ("tokenizers", "tiktoken"):
            reports.append(report_of([sys.executable, os.path.abspath(__file__), "--tokenizer", args.tokenizer,
                                      "--text", corpus, "--peer", peer, "--corpus", corpus, "--ids", ids[peer]]))
        differing, total = identical_ids(ids["chat-template"], ids["tokenizers"])
        tiktoken_check = ""
        if os.path.exists(ids["tiktoken"]):
            tiktoken_differing, _ = identical_ids(ids["tiktoken"], ids["tokenizers"])
            tiktoken_check = f"; tiktoken ids differ from tokenizers on {tiktoken_differing}"

    ours = reports[0]
    print(f"tokenizer: {args.tokenizer}")
    source = args.text or f"{args.generated} generated documents (seed {args.seed})"
    print(f"text: {source} x{args.repeat} = {ours['documents']} documents, {ours['bytes'] / 1e6:.2f} MB, "
          f"{ours['tokens']} tokens; single thread, CPU time, best of 3")
    print(f"{'peer':<14}{'load s':>9}{'MB/s':>10}{'peak RSS MB':>13}{'ours vs peer':>14}")
    for report in reports:
        if "skipped" in report:
            print(f"{report['peer']:<14}  skipped: {report['skipped']}")
            continue
        ratio = ours["mb_per_second"] / report["mb_per_second"]
        print(f"{report['peer']:<14}{report['load_seconds']:>9.3f}{report['mb_per_second']:>10.2f}"
              f"{report['peak_rss_mb']:>13.1f}{ratio:>13.2f}x")
    print(f"ids: chat-template differs from tokenizers on {differing} of {total} documents{tiktoken_check}")
    if differing:
        sys.exit(1)


if __name__ == "__main__":
    main()
