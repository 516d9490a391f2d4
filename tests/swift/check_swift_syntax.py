"""Syntax-checks Swift sources with tree-sitter-swift, for want of a Swift toolchain here.

Usage: check_swift_syntax.py DIR_OR_FILE...   (every *.swift below each argument)

tree-sitter-swift does not parse `#if swift(>=5.8)` blocks that wrap only an attribute,
as uniffi's generated code has them. The compiler resolves such conditions before
parsing, so we do the same for the Swift versions we support (>= 5.9, Xcode 15+):
`#if swift(>=X)` with X <= 5.9 keeps its body. Any other `#if` is left for the grammar.
tree-sitter-swift also rejects a closure whose body is the empty tuple, `{ () }` (valid
Swift, emitted by uniffi for callback methods returning nothing); it is rewritten to the
equivalent `{ Void() }` before parsing.
Exits non-zero, listing file:line:column, on any syntax error or when no file was found.
"""
import re
import sys
from pathlib import Path

import tree_sitter_swift
from tree_sitter import Language, Parser

SUPPORTED_SWIFT = (5, 9)
_COMPILER_IF = re.compile(
    r"^[ \t]*#if swift\(>=(\d+)\.(\d+)\)[ \t]*\n(?P<body>(?:(?!^[ \t]*#(?:if|else|elseif|endif)).*\n)*?)^[ \t]*#endif[ \t]*\n",
    re.M,
)


def resolve_version_conditions(text: str) -> str:
    def keep(m: re.Match) -> str:
        needed = (int(m.group(1)), int(m.group(2)))
        return m.group("body") if needed <= SUPPORTED_SWIFT else m.group(0)

    return _COMPILER_IF.sub(keep, text).replace("= { () }", "= { Void() }")


def syntax_errors(parser: Parser, text: str):
    tree = parser.parse(text.encode("utf-8"))
    stack, found = [tree.root_node], []
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            found.append((node.start_point[0] + 1, node.start_point[1] + 1))
        stack.extend(node.children)
    return sorted(found)


def main(args) -> int:
    parser = Parser(Language(tree_sitter_swift.language()))
    files = []
    for arg in args:
        p = Path(arg)
        files += [p] if p.is_file() else sorted(p.rglob("*.swift"))
    if not files:
        print("swift: no .swift files found in", " ".join(args))
        return 1
    bad = 0
    for f in files:
        errs = syntax_errors(parser, resolve_version_conditions(f.read_text(encoding="utf-8")))
        for line, col in errs[:10]:
            print(f"{f}:{line}:{col}: syntax error")
        bad += bool(errs)
    print(f"swift: {len(files) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
