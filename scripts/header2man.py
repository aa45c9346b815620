#!/usr/bin/env python3
"""Write pith(3), the man page of the C API, from include/pith.h.

    python3 scripts/header2man.py include/pith.h [-o pith.3]

The header is the manual (STYLE.md), so the page is the header read top to
bottom, as cmark and zstd generate theirs:

  NAME         the first line of the opening comment ("pith.h - summary.")
  SYNOPSIS     #include <pith.h> and every PITH_API prototype, in order
  DESCRIPTION  the rest of the opening comment
  one section per banner comment (/* ---- Title ... ---- */): its prose,
               then each macro, type, enum value and function of the section
               with the /** doc comment */ written above it
  SEE ALSO     pith(1)

The parser knows the few shapes pith.h is written in and stops with an error
naming the line on anything else, so that a declaration never goes missing
from the page in silence. Python 3 standard library only.
"""

import argparse
import os
import re
import sys
import time


class HeaderError(Exception):
    pass


# --------------------------------------------------------------------------
# Reading the header


class Comment:
    def __init__(self, kind, lines, line_no):
        self.kind = kind  # "banner", "doc" or "plain"
        self.lines = lines  # text lines, decoration removed, indentation kept
        self.line_no = line_no


class Item:
    """A declaration with the doc comment above it (or None)."""

    def __init__(self, kind, doc, line_no, **fields):
        self.kind = kind  # "macro", "type", "enum", "function"
        self.doc = doc
        self.line_no = line_no
        self.__dict__.update(fields)


class Section:
    def __init__(self, title, prose):
        self.title = title
        self.prose = prose
        self.items = []


def comment_text(raw_lines):
    """The text of a comment: '/*', '/**', '*/' and the ' * ' margin
    removed. The indentation left after the margin is kept, relative to the
    least indented line, so that indented blocks (lists) stay visible."""
    body = []
    for i, line in enumerate(raw_lines):
        s = line.rstrip()
        if i == 0:
            s = re.sub(r"^\s*/\*\*?", "", s)
        else:
            s = re.sub(r"^\s*\*(?!/)", "", s, count=1)
        if s.endswith("*/"):
            s = s[:-2].rstrip()
        body.append(s)
    # The first line follows "/**" on the same line: it is at the margin.
    first = body[0].strip()
    rest = body[1:]
    indents = [len(s) - len(s.lstrip()) for s in rest if s.strip()]
    margin = min(indents) if indents else 0
    out = [first] + [s[margin:] if s.strip() else "" for s in rest]
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return out


def read_comment(lines, i):
    """The comment starting at lines[i]; returns (Comment, next index)."""
    start = i
    raw = []
    while True:
        if i >= len(lines):
            raise HeaderError("line %d: comment never closed" % (start + 1))
        raw.append(lines[i])
        closed = "*/" in (lines[i][lines[i].index("/*") + 2:] if i == start else lines[i])
        i += 1
        if closed:
            break
    first = raw[0].strip()
    if re.match(r"/\*\s*-{10,}", first):
        # The rules of dashes above and below the title are not text.
        text = [s for s in comment_text(raw) if not re.fullmatch(r"\s*-+\s*", s)]
        return Comment("banner", text, start + 1), i
    if first.startswith("/**"):
        return Comment("doc", comment_text(raw), start + 1), i
    return Comment("plain", comment_text(raw), start + 1), i


def split_banner(comment):
    lines = list(comment.lines)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise HeaderError("line %d: a section banner without a title" % comment.line_no)
    title = lines[0].strip()
    prose = lines[1:]
    while prose and not prose[0].strip():
        prose.pop(0)
    while prose and not prose[-1].strip():
        prose.pop()
    return title, prose


def parse_enum_body(text, line_no, docs):
    """Values of an enum body: [(name, value or None, doc)]. `docs` maps the
    position of a value (in order) to its doc comment."""
    values = []
    for part in [p.strip() for p in text.split(",")]:
        if not part:
            continue
        m = re.fullmatch(r"([A-Za-z_]\w*)(?:\s*=\s*(.+))?", part)
        if not m:
            raise HeaderError("line %d: cannot read enum value %r" % (line_no, part))
        values.append((m.group(1), m.group(2), docs.get(len(values))))
    if any(k >= len(values) for k in docs):
        raise HeaderError("line %d: a doc comment after the last enum value" % line_no)
    return values


def parse_header(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")

    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or not lines[i].lstrip().startswith("/*"):
        raise HeaderError("%s: no opening comment" % path)
    opening, i = read_comment(lines, i)

    sections = []
    version = None
    doc = None
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        if s.startswith("/*"):
            c, i = read_comment(lines, i)
            if c.kind == "banner":
                if doc:
                    raise HeaderError("line %d: a doc comment before a banner" % doc.line_no)
                sections.append(Section(*split_banner(c)))
            elif c.kind == "doc":
                if doc:
                    raise HeaderError("line %d: two doc comments in a row" % doc.line_no)
                doc = c
            elif sections:
                # A plain comment inside a section is more of its prose.
                if doc:
                    raise HeaderError("line %d: a doc comment before a comment" % doc.line_no)
                sections[-1].items.append(Item("prose", None, c.line_no, lines=c.lines))
            continue
        if not sections:
            # Before the first banner: include guard, includes, extern "C"
            # and the PITH_API machinery. Nothing for the reader.
            i += 1
            continue
        start = i
        if s.startswith("#"):
            text = s
            while text.endswith("\\"):
                i += 1
                if i >= len(lines):
                    raise HeaderError("line %d: macro never ends" % (start + 1))
                text = text[:-1].rstrip() + " " + lines[i].strip()
            i += 1
            m = re.match(r"#\s*define\s+([A-Za-z_]\w*)(\([^)]*\))?\s*(.*)$", text)
            if m:
                name, args, value = m.group(1), m.group(2), m.group(3).strip()
                # Drop a trailing comment on the same line.
                value = re.sub(r"\s*/\*.*\*/\s*$", "", value)
                if name == "PITH_VERSION_STRING":
                    version = value.strip('"')
                sections[-1].items.append(
                    Item("macro", doc, start + 1, name=name, args=args or "", value=value))
                doc = None
            elif re.match(r"#\s*(if|ifdef|ifndef|elif|else|endif)\b", text):
                if doc:
                    raise HeaderError("line %d: a doc comment before #%s" % (doc.line_no, text))
            else:
                raise HeaderError("line %d: cannot read %r" % (start + 1, text))
            continue
        if s == "}" or s.startswith('extern "C"'):
            i += 1
            continue
        # A C declaration: up to the ';' that ends it. Doc comments inside an
        # enum belong to its values.
        text = ""
        value_docs = {}
        while True:
            if i >= len(lines):
                raise HeaderError("line %d: declaration never ends" % (start + 1))
            t = lines[i].strip()
            if t.startswith("/*") and i > start:
                c, i = read_comment(lines, i)
                if c.kind != "doc":
                    raise HeaderError("line %d: only /** comments inside a declaration"
                                      % c.line_no)
                value_docs[text.count(",") if "{" in text else -1] = c
                continue
            if "/*" in t:
                raise HeaderError("line %d: a comment beside a declaration" % (i + 1))
            text += " " + t
            i += 1
            if text.count("{") == text.count("}") and text.rstrip().endswith(";"):
                break
        if -1 in value_docs:
            raise HeaderError("line %d: a doc comment inside a declaration" % (start + 1))
        text = re.sub(r"\s+", " ", text).strip()
        m = re.fullmatch(r"typedef enum (\w+) \{(.*)\} (\w+);", text)
        if m:
            values = parse_enum_body(m.group(2), start + 1, value_docs)
            sections[-1].items.append(
                Item("enum", doc, start + 1, tag=m.group(1), name=m.group(3), values=values))
            doc = None
            continue
        m = re.fullmatch(r"typedef struct (\w+) (\w+);", text)
        if m:
            sections[-1].items.append(Item("type", doc, start + 1, decl=text))
            doc = None
            continue
        m = re.fullmatch(r"PITH_API (.*?)\b(\w+)\((.*)\);", text)
        if m:
            ret, name, params = m.group(1).strip(), m.group(2), m.group(3).strip()
            sections[-1].items.append(
                Item("function", doc, start + 1, ret=ret, name=name, params=params))
            doc = None
            continue
        raise HeaderError("line %d: cannot read declaration %r" % (start + 1, text))

    if doc:
        raise HeaderError("line %d: a doc comment with nothing after it" % doc.line_no)
    return opening, sections, version


# --------------------------------------------------------------------------
# Writing roff

# A hyphen between letters of a plain word ("read-only") is a hyphen; every
# other one (options, values in quotes, "UTF-8", "len-1", a lone dash) is
# written \- so that it stays an ASCII minus that can be copied.
PLAIN_WORD = re.compile(r"[(\[]?[A-Za-z]+(?:-[A-Za-z]+)+[)\],.;:!?]*")


def escape(text):
    """Escape text for a roff text line: backslashes, hyphens, characters
    outside ASCII. Font changes are added afterwards by markup()."""
    text = text.replace("\\", "\\e")
    words = re.split(r"(\s+)", text)
    for k, w in enumerate(words):
        if "-" in w and not PLAIN_WORD.fullmatch(w):
            words[k] = w.replace("-", "\\-")
    text = "".join(words)
    return "".join(c if ord(c) < 128 else "\\[u%04X]" % ord(c) for c in text)


INLINE = re.compile(r"`([^`]+)`|\b([a-z_]\w*)\(\)|\b(PITH_[A-Z0-9_]+)\b")


def markup(text):
    """Escaped text with `code` in italics, function() and PITH_NAMES in
    bold."""

    def repl(m):
        if m.group(1) is not None:
            return "\\fI%s\\fP" % m.group(1)
        if m.group(2) is not None:
            return "\\fB%s\\fP()" % m.group(2)
        return "\\fB%s\\fP" % m.group(3)

    return INLINE.sub(repl, text)


def text_line(s):
    """One line of running text. A leading '.' or "'" would be a request;
    an abbreviation at the end ("e.g.") would end a sentence."""
    s = markup(escape(s.strip()))
    if s.startswith((".", "'")):
        s = "\\&" + s
    if re.search(r"\b(e\.g|i\.e|etc)\.$", s):
        s += "\\&"
    return s


LIST_ITEM = re.compile(r"(\d+[.)]|[-*])\s+(.*)")


def prose(lines):
    """Comment text as roff paragraphs. Lines indented past the margin form
    a list (when they start with "1." or "-") or else a literal block."""
    out = []
    k = 0
    para_open = False
    while k < len(lines):
        line = lines[k]
        if not line.strip():
            para_open = False
            k += 1
            continue
        if line[0] == " ":
            block = []
            while k < len(lines) and lines[k].strip() and lines[k][0] == " ":
                block.append(lines[k])
                k += 1
            base = min(len(b) - len(b.lstrip()) for b in block)
            if LIST_ITEM.match(block[0].strip()):
                for b in block:
                    m = LIST_ITEM.match(b.strip())
                    if m and len(b) - len(b.lstrip()) == base:
                        out.append('.IP "%s" 4' % escape(m.group(1)))
                        out.append(text_line(m.group(2)))
                    else:
                        out.append(text_line(b))
            else:
                out.append(".RS 4")
                out.append(".nf")
                for b in block:
                    out.append(text_line(b[base:]) if b[base:].strip() else "")
                out.append(".fi")
                out.append(".RE")
            para_open = False
            continue
        if not para_open:
            out.append(".PP")
            para_open = True
        out.append(text_line(line))
        k += 1
    return out


def split_params(params):
    """Split a parameter list at its top-level commas."""
    parts, depth, cur = [], 0, ""
    for c in params:
        if c == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
            continue
        depth += c in "(["
        depth -= c in ")]"
        cur += c
    if cur.strip():
        parts.append(cur.strip())
    return parts


def nobreak(s):
    """Escaped text whose spaces do not break a line."""
    return escape(s).replace(" ", "\\ ")


def prototype(fn):
    """A prototype in bold with the parameter names in italics; lines break
    only after the commas between parameters."""
    ret = fn.ret if fn.ret.endswith("*") else fn.ret + " "
    head = "\\fB%s%s\\fP(" % (nobreak(ret), nobreak(fn.name))
    params = []
    for p in split_params(fn.params):
        m = re.fullmatch(r"(.*?[\s*])(\w+)", p)
        if p == "void" or not m:
            params.append("\\fB%s\\fP" % nobreak(p))
        else:
            params.append("\\fB%s\\fP\\fI%s\\fP" % (nobreak(m.group(1)), nobreak(m.group(2))))
    return head + ", ".join(params) + ");"


def hanging(lines):
    """Lines (prototypes) whose continuation lines are indented."""
    out = [".in +4n"]
    for line in lines:
        out += [".ti -4n", line]
    return out + [".in -4n"]


def doc_body(doc):
    """A doc comment as the body of a tagged entry: its first paragraph
    follows the tag without a blank line."""
    body = prose(doc.lines) if doc else []
    return body[1:] if body and body[0] == ".PP" else body


def render(opening, sections, version, date):
    title = opening.lines[0] if opening.lines else ""
    m = re.fullmatch(r"(\w+)\.h\s+-\s+(.*?)\.?", title)
    if not m:
        raise HeaderError('the opening comment does not start "NAME.h - summary."')
    name, summary = m.group(1), m.group(2)
    description = opening.lines[1:]

    out = []
    out.append('.\\" Generated by scripts/header2man.py from include/%s.h: edit the header.' % name)
    out.append('.TH %s 3 "%s" "%s %s" "Library Functions Manual"'
               % (name.upper(), date, name, version or ""))
    # Identifiers are long and must not be hyphenated; no stretched spaces.
    out.append(".nh")
    out.append(".ad l")
    out.append(".SH NAME")
    out.append("%s \\- %s" % (name, escape(summary)))

    out.append(".SH SYNOPSIS")
    out.append(".nf")
    out.append("\\fB#include <%s.h>\\fP" % name)
    out.append(".fi")
    for sec in sections:
        fns = [it for it in sec.items if it.kind == "function"]
        if not fns:
            continue
        out.append(".PP")
        out.extend(hanging([prototype(fn) for fn in fns]))
    out.append(".PP")
    out.append("Link with \\fI\\-l%s\\fP; \\fBpkg\\-config \\-\\-cflags \\-\\-libs %s\\fP"
               " gives the flags." % (name, name))

    out.append(".SH DESCRIPTION")
    out.extend(prose(description))

    for sec in sections:
        out.append('.SH "%s"' % escape(sec.title.upper()).replace('"', "\\(dq"))
        out.extend(prose(sec.prose))
        plain_macros = []
        for k, it in enumerate(sec.items):
            if it.kind == "macro" and not it.doc:
                # Undocumented macros (PITH_VERSION_MAJOR 0 ...) as written.
                plain_macros.append("\\fB#define %s%s\\fP %s"
                                    % (escape(it.name), escape(it.args), escape(it.value)))
                nxt = sec.items[k + 1] if k + 1 < len(sec.items) else None
                if not (nxt and nxt.kind == "macro" and not nxt.doc):
                    out += [".PP", ".nf"] + plain_macros + [".fi"]
                    plain_macros = []
            elif it.kind == "macro":
                out += [".TP", "\\fB%s%s\\fP" % (escape(it.name), escape(it.args))]
                out.extend(doc_body(it.doc))
            elif it.kind == "type":
                out += [".PP", "\\fB%s\\fP" % nobreak(it.decl)]
                out.extend(prose(it.doc.lines) if it.doc else [])
            elif it.kind == "enum":
                out.append(".PP")
                out.append("\\fBtypedef enum %s {\\fP ... \\fB} %s;\\fP"
                           % (escape(it.tag), escape(it.name)))
                out.extend(prose(it.doc.lines) if it.doc else [])
                for vname, value, vdoc in it.values:
                    tag = "\\fB%s\\fP" % escape(vname)
                    if value:
                        tag += " = %s" % escape(value)
                    # A value without a doc comment (PITH_OK) has no body.
                    out += [".TP", tag] if vdoc else [".PP", tag]
                    out.extend(doc_body(vdoc))
            elif it.kind == "prose":
                out.extend(prose(it.lines))
            elif it.kind == "function":
                out.append(".PP")
                out.extend(hanging([prototype(it)]))
                body = doc_body(it.doc)
                if body:
                    out += [".RS"] + body + [".RE"]

    out.append(".SH SEE ALSO")
    out.append(".BR pith (1)")
    return "\n".join(out) + "\n"


def page_date(header):
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the header's
    modification time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    t = int(epoch) if epoch and epoch.isdigit() else int(os.stat(header).st_mtime)
    return time.strftime("%Y-%m-%d", time.gmtime(t))


def main(argv):
    ap = argparse.ArgumentParser(description="Write the man page pith(3) from pith.h.")
    ap.add_argument("header", help="the public header, include/pith.h")
    ap.add_argument("-o", "--output", help="where to write the page (default: stdout)")
    args = ap.parse_args(argv)
    try:
        opening, sections, version = parse_header(args.header)
        if not sections:
            raise HeaderError("%s: no section banners (/* ---- Title ---- */)" % args.header)
        page = render(opening, sections, version, page_date(args.header))
    except (HeaderError, OSError) as e:
        print("header2man: %s" % e, file=sys.stderr)
        return 1
    if args.output:
        with open(args.output, "w", encoding="ascii") as f:
            f.write(page)
    else:
        sys.stdout.write(page)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
