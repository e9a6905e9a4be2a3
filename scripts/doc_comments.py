#!/usr/bin/env python3
"""Lists the public declarations of the libraries that have no `///` doc
comment, and exits 1 when there is any (run by .ci/run).

A declaration is `public`/`open` (types, functions, properties, initialisers,
subscripts, type aliases; not extensions, which document nothing of their
own) or a `case` of a public enum. Attributes between the comment and the
declaration are allowed. The check reads lines, not Swift syntax: enough for
this codebase's one-declaration-per-line style.

  python3 scripts/doc_comments.py [SOURCE_DIR ...]
"""
import os, re, sys

LIBRARIES = ["OrderedJSON", "ChatJinja", "ChatTokenizer", "ChatTemplateKit"]
MODIFIERS = r"(?:(?:static|class|final|mutating|nonmutating|override|convenience|required|indirect|lazy|nonisolated|private\(set\)|fileprivate\(set\)|internal\(set\))\s+)*"
PUBLIC_DECLARATION = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public|open)(?:\(set\))?\s+" + MODIFIERS +
                                r"(struct|class|enum|protocol|actor|extension|func|init|var|let|subscript|typealias|associatedtype)\b")
CASE = re.compile(r"^\s*(?:indirect\s+)?case\s+\w")
SWITCH_CASE = re.compile(r"^\s*case\s+.*:\s*(//.*)?$")
ATTRIBUTE_LINE = re.compile(r"^\s*@\w+(?:\([^)]*\))?\s*$")


def undocumented(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    found = []
    enclosing = []  # per open brace: whether it opens a public enum
    for number, line in enumerate(lines):
        code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', re.sub(r"//.*", "", line))
        declaration = PUBLIC_DECLARATION.match(line)
        is_case = bool(CASE.match(line)) and bool(enclosing) and enclosing[-1] and not SWITCH_CASE.match(line)
        if (declaration and declaration.group(1) != "extension") or is_case:
            previous = number - 1
            while previous >= 0 and ATTRIBUTE_LINE.match(lines[previous]):
                previous -= 1
            if previous < 0 or not lines[previous].strip().startswith("///"):
                found.append(f"{path}:{number + 1}: {line.strip()}")
        opens_public_enum = bool(re.search(r"\b(public|open)\b[^{]*\benum\b", code))
        for character in code:
            if character == "{":
                enclosing.append(opens_public_enum)
                opens_public_enum = False
            elif character == "}" and enclosing:
                enclosing.pop()
    return found


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources")
    directories = sys.argv[1:] or [os.path.join(root, name) for name in LIBRARIES]
    missing = []
    for directory in directories:
        for folder, _, files in sorted(os.walk(directory)):
            for name in sorted(files):
                if name.endswith(".swift") and "Generated" not in folder:
                    missing += undocumented(os.path.join(folder, name))
    for entry in missing:
        print(entry)
    print(f"{len(missing)} public declarations without a doc comment", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
