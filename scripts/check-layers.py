#!/usr/bin/env python3
"""The architecture's promises that a compiler does not check (docs/DESIGN.md,
"Modules of core/"): which core module may include which, no SQL outside
core/store, and no check code outside its own check. Exits 1 and names each
place that breaks one."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
core = root / "core"

# module -> the modules it may include (DESIGN.md's table).
ALLOWED = {
    "crypto": set(),
    "mail": set(),
    "smtp": {"mime"},  # MailProgram reads User-Agent/X-Mailer from the header
    "mime": {"crypto", "mail"},
    "spool": {"smtp", "crypto"},  # a replaced content is paired with its envelope by SHA-256
    "smime": {"mime", "crypto"},
    "settings": {"smtp", "spool", "smime", "mime", "crypto"},
    "oauth": {"settings", "smtp", "spool", "smime", "mime", "crypto"},
    "review": {"mail", "mime", "smtp", "settings", "crypto", "spool", "smime"},
    "store": {"mail", "mime", "smtp", "spool", "review", "settings", "crypto", "smime"},
    "delivery": {"crypto", "mail", "smtp", "mime", "spool", "smime", "settings", "oauth", "review", "store"},
    "diagnostics": {"smtp", "smime", "settings"},
}
SOURCES = ("*.cpp", "*.h")
problems = []


def sources(folder):
    for pattern in SOURCES:
        yield from sorted(folder.rglob(pattern))


include = re.compile(r'^\s*#\s*include\s+"([a-z]+)/')
for module, allowed in ALLOWED.items():
    for f in sources(core / module):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            m = include.match(line)
            if m and m.group(1) != module and m.group(1) not in allowed:
                problems.append(f"{f.relative_to(root)}:{n}: core/{module} may not include core/{m.group(1)}")
known = set(ALLOWED)
for d in core.iterdir():
    if d.is_dir() and d.name not in known:
        problems.append(f"core/{d.name}: a module docs/DESIGN.md's table (and this script) does not list")

sql = re.compile(r"\bQSql(Query|Database)\b|\bsqlite3_")
for folder in ("core", "ui", "app"):
    for f in sources(root / folder):
        if f.is_relative_to(core / "store"):
            continue
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if sql.search(line):
                problems.append(f"{f.relative_to(root)}:{n}: SQL outside core/store")

checks = core / "review" / "checks"
code_of = {}
for f in sorted(checks.glob("*Check.cpp")):
    m = re.search(r'info\(\)\s*\{\s*static const CheckInfo info\{\s*QStringLiteral\("([a-z-]+)"\)', f.read_text(encoding="utf-8"))
    if m:
        code_of[f.stem] = m.group(1)
if len(code_of) < 10:
    problems.append("core/review/checks: the checks' codes could not be read (the CheckInfo pattern changed?)")
# The modules below review/ cannot know the checks ("attachment" there is a
# Content-Disposition), so the search covers review/ and everything above it.
above = [core / m for m in ("review", "store", "delivery", "oauth")] + [root / "ui", root / "app"]
for folder in above:
    for f in sources(folder):
        text = f.read_text(encoding="utf-8")
        for owner, code in code_of.items():
            if f.stem == owner:
                continue
            for n, line in enumerate(text.splitlines(), 1):
                if re.search(r'"' + re.escape(code) + r'"', line):
                    problems.append(f"{f.relative_to(root)}:{n}: check code \"{code}\" outside {owner}")

for p in problems:
    print(p, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"layers: {len(ALLOWED)} core modules, {len(code_of)} check codes, no SQL outside core/store")
