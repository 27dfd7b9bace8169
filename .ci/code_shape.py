"""The sizes a newcomer can read at once, checked by `make lint`: no module of the app or the project
package over MODULE_LINES lines (migrations aside), no function over FUNCTION_LINES, no template line
over TEMPLATE_LINE characters. Prints each one that is over, and exits 1 if any is."""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["articles", "festival"]
MODULE_LINES = 400
FUNCTION_LINES = 50
TEMPLATE_LINE = 120


def python_problems(path):
    source = path.read_text(encoding="utf-8")
    shown = path.relative_to(ROOT)
    lines = source.count("\n")
    if lines > MODULE_LINES:
        yield f"{shown}: {lines} lines (at most {MODULE_LINES})"
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            if length > FUNCTION_LINES:
                yield f"{shown}:{node.lineno}: {node.name}() is {length} lines (at most {FUNCTION_LINES})"


def template_problems(path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if len(line) > TEMPLATE_LINE:
            yield f"{path.relative_to(ROOT)}:{number}: {len(line)} characters (at most {TEMPLATE_LINE})"


def problems():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield from python_problems(path)
    for path in sorted((ROOT / "templates").rglob("*.html")):
        yield from template_problems(path)


if __name__ == "__main__":
    found = list(problems())
    print("\n".join(found) or "Module, function and template line sizes: all within their limits.")
    sys.exit(1 if found else 0)
