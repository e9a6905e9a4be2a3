// The tokenizer pipeline: normalizer → pre-tokenizer → model → post-processor → decoder.
