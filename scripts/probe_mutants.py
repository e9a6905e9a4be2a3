#!/usr/bin/env python3
"""Writes probe mutants of real chat templates, for `heldout_differential.py`.

A real template exercises the values it was written for in the ways its
authors needed. A probe mutant prints, at a random point of a real template,
one of the values in scope there — a name the template uses, through a
member, a filter, a test or a method picked at random — so the differential
compares how both engines print and transform real conversation data
(`repr` of nested dicts, floats, `loop`, namespaces, macros; filters on real
strings) in places nobody wrote a test for. Unprintable or failing probes
must fail on both sides, which checks the error paths too. Other mutants
swap a filter, method or test the template uses for another, or add, remove
or swap the `-`/`+` whitespace control of a few tags.

    scripts/probe_mutants.py --out /tmp/mutants [--per-template 8] [--seed 1] [TEMPLATE_DIR ...]
    scripts/heldout_differential.py --templates /tmp/mutants --cache /tmp/mutants-ref --chat 6 --bfcl 6
"""
import argparse, glob, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.environ.get("CHAT_TEMPLATE_FIXTURES", os.path.join(os.path.dirname(ROOT), "shared", "fixtures"))

KEYWORDS = {"if", "elif", "else", "endif", "for", "endfor", "in", "not", "and", "or", "is", "set", "endset", "macro",
            "endmacro", "call", "endcall", "filter", "endfilter", "true", "false", "none", "True", "False", "None",
            "recursive", "generation", "endgeneration", "raw", "endraw", "with", "endwith", "break", "continue",
            "defined", "undefined", "string", "mapping", "iterable", "sequence", "number", "integer", "float"}
MEMBERS = [".role", ".content", ".name", ".function", ".arguments", ".type", ".text", ".tool_calls", ".id",
           ".reasoning_content", ".description", ".parameters", ".properties", ".required", "[0]", "[-1]", "[1:]",
           "[::-1]", "['role']", "['content']", ".keys()", ".values()", ".items()", "", "",
           ".function.arguments", ".function.name", "['function']['arguments']", ".parameters.properties",
           ".get('type')", "[0].content", "[-1].role", "|last", "|first"]
FILTERS = ["", "|string", "|tojson", "|tojson(indent=2)", "|tojson(sort_keys=true)", "|length", "|list", "|first",
           "|last", "|trim", "|upper", "|lower", "|title", "|capitalize", "|default('d')", "|join(',')",
           "|items|list", "|dictsort", "|sort", "|unique|list", "|reverse|list", "|int", "|float", "|abs",
           "|round", "|wordcount", "|center(9)", "|indent(2)", "|replace('a', 'b')", "|truncate(9)", "|e",
           "|count", "|map('string')|list", "|select|list", "|reject|list", "|batch(2)|list", "|slice(2)|list",
           "|pprint", "|safe", "|striptags", "|wordwrap(20)", "|attr('role')", "|selectattr('role')|list",
           "|map(attribute='role')|list", "|groupby('role')|list", "|sum", "|min", "|max", "|xmlattr", "|urlencode",
           "|format('x')", "|string|length", "|tojson|length", "|list|length", "|items|first",
           "|truncate(20, true, '...')", "|wordwrap(10, false)", "|indent(4, true, true)", "|replace('\\n', ' ', 1)",
           "|dictsort(true, 'value')", "|sort(attribute='role', reverse=true)", "|unique(attribute='role')|list",
           "|min(attribute='role')", "|sum(attribute='x')", "|selectattr('role', 'equalto', 'user')|list",
           "|rejectattr('content', 'none')|list", "|map('upper')|list", "|map('tojson')|list",
           "|tojson(indent=4, separators=(',', ':'))", "|string|title", "|int(base=16)", "|float(default=1.5)",
           "|round(2, 'floor')", "|batch(3, 'x')|list", "|slice(3, 'y')|list", "|items|sort", "|escape",
           "|forceescape", "|trim('x<')", "|default(none, true)", "|join(', ', attribute='role')", "|map('length')|list",
           "|select('string')|list", "|reject('mapping')|list", "|list|sort", "|string|wordcount", "|center(30)",
           "|string|truncate(5)", "|tojson(sort_keys=true, indent=1)", "|map('trim')|join('|')"]
TESTS = ["is defined", "is string", "is mapping", "is iterable", "is sequence", "is number", "is none",
         "is true", "is false", "is callable", "is odd", "is lower", "is upper", "in 'abc'", "== 'user'", "> 0"]
METHODS = [".split()", ".split(' ')", ".strip()", ".lstrip('\\n')", ".startswith('<')", ".endswith('>')",
           ".upper()", ".title()", ".replace(' ', '_')", ".count('a')", ".find('a')", ".get('role')",
           ".get('x', 1)", ".isdigit()", ".splitlines()", ".partition(':')", ".rsplit(' ', 1)", ".capitalize()",
           ".zfill(5)", ".center(9, '*')", ".format(1)", ".join(['a', 'b'])",
           ".split(',', 1)", ".rsplit()", ".splitlines(true)", ".strip('<>')", ".rstrip()", ".removeprefix('<')",
           ".removesuffix('>')", ".ljust(10)", ".rjust(10, '-')", ".swapcase()", ".casefold()", ".isalpha()",
           ".isspace()", ".isupper()", ".istitle()", ".index('a')", ".rfind('e')", ".rindex('e')", ".format(x=1)",
           ".expandtabs()", ".items()|list", ".keys()|list", ".get('content', '')", ".copy()", ".setdefault('a', 1)",
           ".update({})", ".pop()", ".append(1)", ".count(1)", ".index(1)", ".isnumeric()", ".isalnum()",
           ".lower().split('e')[0]", ".title().strip()", ".startswith(('a', 'b'))", ".endswith('', 2)"]
OPERATORS = [" * 2", " + x", " ~ 1", " in messages", " == messages[0]", " < 'm'", " // 2", " % 2", " is divisibleby(3)",
             " is sameas(none)", " is eq('user')", " is gt 1", " is in ['user', 'tool']", " is escaped",
             "|length is even", " and 'yes'", " or 'no'", " != ''", " >= 0", " is not none", " * 0", " + '!'"]
NAME = re.compile(r"\b([A-Za-z_][A-Za-z_0-9]*)\b")
TAG_END = re.compile(r"(?:-?%\}|-?\}\})")


def names_in(source):
    """Identifiers the template reads inside its tags (not its text)."""
    found = set()
    for tag in re.findall(r"\{[{%](.*?)[}%]\}", source, re.S):
        for quoted in re.findall(r"'[^']*'|\"[^\"]*\"", tag):
            tag = tag.replace(quoted, " ")
        found.update(n for n in NAME.findall(tag) if n not in KEYWORDS)
    return sorted(found) + ["messages", "tools", "loop", "add_generation_prompt"]


def probe(rng, names):
    base = rng.choice(names) + rng.choice(MEMBERS)
    kind = rng.random()
    if kind < 0.55:
        expression = base + rng.choice(FILTERS)
    elif kind < 0.75:
        expression = f"{base} {rng.choice(TESTS)}"
    elif kind < 0.85:
        expression = base + rng.choice(METHODS)
    elif kind < 0.95:
        expression = "(" + base + rng.choice(OPERATORS) + ")"
    else:
        expression = f"{base} ~ {rng.choice(names)}"
    return "{{ '⟦' }}{{ " + expression + " }}{{ '⟧' }}"


FILTER_USE = re.compile(r"\|\s*[a-z_]+(?:\([^()]*\))?")
METHOD_USE = re.compile(r"\.(?:split|strip|lstrip|rstrip|startswith|endswith|replace|upper|lower|title|get|items|keys|values|find|count|join)\([^()]*\)")
TEST_USE = re.compile(r"\bis\s+(?:not\s+)?[a-z_]+")


def insert_probes(source, rng, names):
    ends = [m.end() for m in TAG_END.finditer(source)]
    if not ends:
        return None
    text = source
    for position in sorted(rng.sample(ends, min(len(ends), rng.randint(1, 3))), reverse=True):
        text = text[:position] + probe(rng, names) + text[position:]
    return text


def rewrite_builtins(source, rng):
    """Swaps one filter, method call or test the template uses for another."""
    uses = [(m, "filter") for m in FILTER_USE.finditer(source)] + [(m, "method") for m in METHOD_USE.finditer(source)]
    uses += [(m, "test") for m in TEST_USE.finditer(source)]
    if not uses:
        return None
    match, kind = rng.choice(uses)
    if kind == "filter":
        replacement = rng.choice([f for f in FILTERS if f])
    elif kind == "method":
        replacement = rng.choice(METHODS)
    else:
        replacement = rng.choice([t for t in TESTS if t.startswith("is ")])
    return source[:match.start()] + replacement + source[match.end():]


DELIMITER = re.compile(r"\{[%{#][-+]?|[-+]?[%}#]\}")


def toggle_whitespace_control(source, rng):
    """Adds, removes or swaps the `-`/`+` of a few tag delimiters."""
    delimiters = list(DELIMITER.finditer(source))
    if not delimiters:
        return None
    text = source
    for match in sorted(rng.sample(delimiters, min(len(delimiters), rng.randint(1, 4))), key=lambda m: -m.start()):
        token = match.group()
        opening = token.startswith("{")
        bare = token[:2] if opening else token[-2:]
        replacement = bare if len(token) == 3 else (bare + rng.choice("-+") if opening else rng.choice("-+") + bare)
        if len(token) == 3 and rng.random() < 0.3:
            replacement = (bare + ("+" if token[2] == "-" else "-")) if opening else (("+" if token[0] == "-" else "-") + bare)
        text = text[:match.start()] + replacement + text[match.end():]
    return text


def mutate(source, rng, names):
    kind = rng.random()
    if kind < 0.4:
        return insert_probes(source, rng, names)
    if kind < 0.75:
        return rewrite_builtins(source, rng) or insert_probes(source, rng, names)
    return toggle_whitespace_control(source, rng)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", default=[os.path.join(FIXTURES, "chat_templates")])
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-template", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    written = 0
    for directory in args.dirs:
        for path in sorted(glob.glob(os.path.join(directory, "*.jinja"))):
            source = open(path, encoding="utf-8").read()
            names = names_in(source)
            stem = os.path.basename(path)[: -len(".jinja")]
            for number in range(args.per_template):
                mutant = mutate(source, rng, names)
                if mutant is None:
                    continue
                with open(os.path.join(args.out, f"{stem}~{args.seed}-{number}.jinja"), "w", encoding="utf-8") as f:
                    f.write(mutant)
                written += 1
    print(f"{written} mutants in {args.out}")


if __name__ == "__main__":
    main()
