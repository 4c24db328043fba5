#!/usr/bin/env python3
"""Reads PO files (from msgunfmt) and prints English<TAB>Spanish pairs, one per line.

Skips the header, empty and fuzzy translations; plural entries give msgid/msgstr[0]; newlines and tabs inside
messages become two spaces (a line or column break, which the term learner treats as a boundary), other
spacing is kept; pairs are deduplicated in first-seen order.
"""
import sys


def unquote(s):
    s = s.strip()
    if not (s.startswith('"') and s.endswith('"')):
        return ""
    body = s[1:-1]
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            n = body[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": ""}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def charset(path):
    """The encoding the catalog's header declares (`charset=ISO-8859-1`: msgunfmt keeps it), else UTF-8."""
    import codecs
    import re
    with open(path, "rb") as f:
        head = f.read(4096)
    match = re.search(rb"charset=([A-Za-z0-9_.:-]+)", head)
    if match:
        try:
            return codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            pass
    return "utf-8"


def entries(path):
    msgid = msgstr = None
    field = None
    fuzzy = False
    with open(path, encoding=charset(path), errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith("msgid "):
                if msgid is not None and msgstr is not None and not fuzzy:
                    yield msgid, msgstr
                msgid, msgstr, field, fuzzy = unquote(line[6:]), None, "id", False
            elif line.startswith("msgid_plural"):
                field = "plural"
            elif line.startswith("msgstr[0]") or line.startswith("msgstr "):
                msgstr = unquote(line.split(" ", 1)[1])
                field = "str"
            elif line.startswith("msgstr["):
                field = "other"
            elif line.startswith('"'):
                if field == "id":
                    msgid += unquote(line)
                elif field == "str":
                    msgstr += unquote(line)
            elif line.startswith("msgctxt"):
                if msgid is not None and msgstr is not None and not fuzzy:
                    yield msgid, msgstr
                msgid = msgstr = None
                field = None
        if msgid is not None and msgstr is not None and not fuzzy:
            yield msgid, msgstr


def clean(s):
    s = s.replace("\r", "").replace("\t", "  ").replace("\n", "  ")
    return s.strip()


seen = set()
for path in sys.argv[1:]:
    for source, target in entries(path):
        source, target = clean(source), clean(target)
        if not source or not target or (source, target) in seen:
            continue
        seen.add((source, target))
        print(f"{source}\t{target}")
