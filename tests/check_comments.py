#!/usr/bin/env python3
"""Reader comments on written pages (tests/data/comments): for each
NAME.html, `pith -f json` gives exactly the article text and the comments
of NAME.expect.json (author, date, text, depth, in page order), and its
headline where the expectation names one; no output
format carries the comment form, and the article never carries a comment.
With --comments, text, Markdown and HTML add the comments after the
article: every comment's text appears there, Markdown parses (cmark-gfm)
into block quotes nested as deep as the replies, and HTML is well-formed
XML whose nested lists follow the depths.

usage: check_comments.py PITH DATA_DIR
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

# What comment forms, plugin loaders and vote bars say: never output.
FORM_WORDS = ["Leave a Reply", "Your email address", "Required fields", "Post Comment",
              "Add new comment", "Submit comment", "Save my name", "Post a Comment",
              "Loading comments", "powered by Disqus", "Facebook comments", "Report",
              "Like 41", "Show all 128 comments", "Permalink", "Delete"]


def run(pith, *args):
    r = subprocess.run([pith, *args], capture_output=True)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout.decode("utf-8")


def quote_depths(node, depth, out):
    """The block-quote depth of each paragraph of cmark-gfm's XML."""
    for child in node:
        tag = child.tag.split('}')[-1]
        if tag == "block_quote":
            quote_depths(child, depth + 1, out)
        else:
            if tag == "paragraph":
                words = [t.text or "" for t in child.iter() if t.tag.split('}')[-1] == "text"]
                out.append((depth, "".join(words)))
            quote_depths(child, depth, out)


def list_depths(node, depth, out):
    """The <ol> nesting of each <li> of the HTML comments section."""
    for child in node:
        if child.tag == "li":
            out.append(depth)
            list_depths(child, depth, out)
        elif child.tag == "ol":
            list_depths(child, depth + 1, out)
        else:
            list_depths(child, depth, out)


def check(pith, page, expect):
    errors = []
    name = os.path.basename(page)
    doc = json.loads(run(pith, "-f", "json", page))
    if doc["text"] != expect["text"]:
        errors.append(f"{name}: text differs:\n{doc['text']!r}\nexpected\n{expect['text']!r}")
    if "headline" in expect and doc.get("headline") != expect["headline"]:
        errors.append(f"{name}: headline {doc.get('headline')!r}, expected {expect['headline']!r}")
    if doc["comments"] != expect["comments"]:
        errors.append(f"{name}: comments differ:\n{json.dumps(doc['comments'], indent=1)}")
    for c in expect["comments"]:
        for line in c["text"].split("\n"):
            if line in doc["text"]:
                errors.append(f"{name}: comment line in the article: {line!r}")
    outputs = {f: run(pith, "--comments", "-f", f, page) for f in ("txt", "md", "html")}
    outputs["json"] = json.dumps(doc, ensure_ascii=False)
    for f, out in outputs.items():
        for w in FORM_WORDS:
            if w in out:
                errors.append(f"{name}: {f} output has {w!r}")
    for f in ("txt", "md", "html"):
        out = outputs[f]
        has = "Comments" in out
        if has != bool(expect["comments"]):
            errors.append(f"{name}: {f}: a Comments section {'without' if has else 'missing for'} comments")
        for c in expect["comments"]:
            for line in c["text"].split("\n"):
                if f != "html" and line not in out:
                    errors.append(f"{name}: {f} --comments lacks {line!r}")
    # Markdown: each comment paragraph quoted one level deeper per reply.
    if expect["comments"]:
        xml = subprocess.run(["cmark-gfm", "-t", "xml"], input=outputs["md"].encode(),
                             capture_output=True, check=True).stdout
        paras = []
        quote_depths(ET.fromstring(xml), 0, paras)
        for c in expect["comments"]:
            first = c["text"].split("\n")[0]
            found = [d for d, t in paras if t == first]
            if found != [c["depth"] + 1]:
                errors.append(f"{name}: md: {first!r} at quote depths {found}, want {c['depth'] + 1}")
        html = ET.fromstring("<root>" + outputs["html"] + "</root>")
        section = html.find("section")
        if section is None or section.get("class") != "comments":
            errors.append(f"{name}: html: no <section class=\"comments\">")
        else:
            depths = []
            list_depths(section, -1, depths)
            if depths != [c["depth"] for c in expect["comments"]]:
                errors.append(f"{name}: html: list depths {depths}")
    return errors


def main():
    pith, data = sys.argv[1], sys.argv[2]
    pages = sorted(f for f in os.listdir(data) if f.endswith(".html"))
    if len(pages) < 7:
        raise SystemExit(f"only {len(pages)} pages in {data}")
    errors = []
    total = 0
    for p in pages:
        with open(os.path.join(data, p[:-5] + ".expect.json"), encoding="utf-8") as f:
            expect = json.load(f)
        total += len(expect["comments"])
        errors += check(pith, os.path.join(data, p), expect)
    for e in errors:
        print(e)
    print(f"{len(pages)} pages, {total} comments, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
