#!/usr/bin/env bash
# Creates .venv-ref/ with the Python reference (transformers + tokenizers +
# jinja2) and the benchmark peers (minijinja, tiktoken). Only the benchmarks
# and golden regeneration need it; `swift test` does not.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-ref
.venv-ref/bin/pip install --quiet transformers tokenizers jinja2 minijinja tiktoken
.venv-ref/bin/python -c "import transformers, tokenizers, jinja2, minijinja, tiktoken; print('reference env ready:', 'transformers', transformers.__version__, 'tokenizers', tokenizers.__version__, 'jinja2', jinja2.__version__)"
