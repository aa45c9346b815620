#!/usr/bin/env python3
"""Evaluate pith on every dataset under a corpus folder.

    eval.py --runner CORPUS_RUN --score SCORE_PY [--floors FILE] [--worst N] CORPUS|DATASET

For each dataset folder (one holding <id>.html and <id>.json), runs the
library over every page, each given its gold "url" as PITH_OPT_URL as a
crawler gives the address it fetched (corpus_run -u writes <id>.txt), scores
the texts with the shared score.py, and prints its summary; where the gold
gives page types, score.py's table per type too, whose rows join the keys as
TYPE_bow_f1, TYPE_f1 ... With --floors, checks the figures against the
floors file (lines "dataset key minimum") and exits 1 if one is below its
floor or its dataset is missing. Standard library only.

A held-out dataset (its name ends in "-val": wcxb-val stands for sites nobody
here has seen) is reported by its summary figures only: no table per page
type, no worst pages. It measures; nothing is tuned on it.

Where the gold carries metadata (title, byline, date, meta.siteName,
meta.lang, meta.dir), a second run with corpus_run -u -f json measures the
agreement of pith's fields with it, per field ("headline": pith's headline
field against the gold title), as the corpus test of
tests/test_metadata.c does (same normalisation; keep the two in step). Its
figures join the dataset's keys as meta_title, meta_byline ... (fractions).
"""
import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path


def datasets(path):
    p = Path(path)
    if any(p.glob("*.json")) and any(p.glob("*.html")):
        return [p]
    return sorted(d for d in p.iterdir() if d.is_dir() and any(d.glob("*.html")))


def parse_summary(line):
    out = {}
    for kv in line.split():
        k, _, v = kv.partition("=")
        try:
            out[k] = float(v)
        except ValueError:
            out[k] = v
    return out


def has_page_types(ds):
    """Does the gold give page types (meta.page_type)? Then score.py's
    --by-type table is read too."""
    for gp in sorted(ds.glob("*.json"))[:5]:
        meta = json.loads(gp.read_text()).get("meta")
        if isinstance(meta, dict) and meta.get("page_type"):
            return True
    return False


def parse_by_type(lines):
    """score.py's --by-type rows ("  article  536  0.931 0.933 0.930 | 0.934
    0.944 0.943") as keys TYPE_f1, TYPE_precision, TYPE_recall (the article
    counting) and TYPE_bow_f1, TYPE_bow_precision, TYPE_bow_recall (WCXB's)."""
    out, inside = {}, False
    for line in lines:
        cols = line.split()
        if cols[:2] == ["page", "type"]:
            inside = True
            continue
        if not inside or len(cols) != 9 or cols[5] != "|":
            continue
        t = cols[0]
        for key, v in zip(("f1", "precision", "recall"), cols[2:5]):
            out[f"{t}_{key}"] = float(v)
        for key, v in zip(("bow_f1", "bow_precision", "bow_recall"), cols[6:9]):
            out[f"{t}_{key}"] = float(v)
    return out


# ---- metadata agreement (mirrors test_metadata.c readability_corpus_agreement)

SPACES = re.compile(r"[ \t\n\r\f\u00a0\u3000]+")
TITLE_SEPS = (" | ", " - ", " \u2013 ", " \u2014 ", " \u00b7 ", " :: ", " \u00bb ", " / ")
BY_WORDS = ("written by ", "by ", "von ", "par ", "por ")
NAME_JOINS = (" and ", " und ", " & ", "; ", " y ", " et ")


def norm(s):
    """Lowercase ASCII, whitespace runs as one space, trimmed, soft hyphens out."""
    s = SPACES.sub(" ", (s or "").replace("\u00ad", "")).strip()
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in s)


def title_match(gold, ours, loose):
    g, o = norm(gold), norm(ours)
    if not o:
        return False
    if g == o:
        return True
    # loose: the gold is our headline plus a site/section part
    return loose and any(g.startswith(o + sep) or g.endswith(sep + o) for sep in TITLE_SEPS)


def norm_byline(s):
    """The first line of a byline (a lone "By" line joins the next), "By"
    words off, list words as ", "."""
    lines = [x for x in (s or "").strip(" \n\t").split("\n")]
    first = lines[0]
    if len(lines) > 1 and norm(first) in {w.strip() for w in BY_WORDS}:
        first += " " + lines[1]
    n = norm(first)
    for w in BY_WORDS:
        if n.startswith(w):
            n = n[len(w):]
            break
    if n.startswith("by:"):
        n = n[3:]
    out, i = [], 0
    while i < len(n):
        for j in NAME_JOINS:
            if n.startswith(j, i):
                out.append(", ")
                i += len(j)
                break
        else:
            out.append(n[i])
            i += 1
    return "".join(out).rstrip(" ")


def read_date(s):
    """(datetime, has_time) or None; naive when the text gives no zone."""
    s = (s or "").strip()
    try:
        d = datetime.fromisoformat(s)
    except ValueError:
        try:
            d = datetime.fromisoformat(s[:10])
        except ValueError:
            return None
        return d, False
    return d.replace(microsecond=0), len(s) > 10


def same_date(gold, ours):
    """Same instant when both carry a zone; same wall time when one lacks
    it; same day when either gives a date only."""
    a, b = read_date(gold), read_date(ours)
    if not a or not b:
        return False
    (g, g_time), (o, o_time) = a, b
    if not g_time or not o_time:
        day = lambda d: d.astimezone(timezone.utc).date() if d.tzinfo else d.date()
        return g.date() == o.date() or day(g) == day(o)
    if (g.tzinfo is None) != (o.tzinfo is None):
        return g.replace(tzinfo=None) == o.replace(tzinfo=None)
    return g == o


def gold_text(v):
    if isinstance(v, list):
        v = ", ".join(str(x) for x in v)
    return v if isinstance(v, str) and v.strip() else None


def metadata_agreement(ds, pred):
    """Per field: [hits, pages with gold]. Empty if the gold has none.
    Where the gold says a page has no byline or date (WCXB's null, with a
    page type), "byline-none" and "date-none" count the pages we give one
    anyway (lower is better)."""
    fields = {k: [0, 0] for k in
              ("title", "title~", "headline", "byline", "byline~", "siteName", "date", "lang",
               "dir", "byline-none", "date-none")}

    def count(key, ok):
        fields[key][0] += bool(ok)
        fields[key][1] += 1

    for gp in sorted(ds.glob("*.json")):
        op = Path(pred) / gp.name
        if not op.exists():
            continue
        gold, ours = json.loads(gp.read_text()), json.loads(op.read_text())
        gm = gold.get("meta") if isinstance(gold.get("meta"), dict) else {}
        g = gold_text(gold.get("title"))
        if g:
            count("title", title_match(g, ours.get("title"), False))
            count("title~", title_match(g, ours.get("title"), True))
            count("headline", title_match(g, ours.get("headline"), False))
        says_none = bool(gm.get("page_type"))
        if says_none and "byline" in gold and gold["byline"] is None:
            count("byline-none", ours.get("authors"))
        if says_none and "date" in gold and gold["date"] is None:
            count("date-none", ours.get("published"))
        g = gold_text(gold.get("byline"))
        if g:
            gn, on = norm_byline(g), norm_byline(", ".join(ours.get("authors") or []))
            count("byline", on and gn == on)
            count("byline~", on and (on in gn or gn in on))
        g = gold_text(gm.get("siteName"))
        if g:
            count("siteName", norm(g) == norm(ours.get("site_name")))
        g = gold_text(gold.get("date"))
        if g:
            count("date", ours.get("published") and same_date(g, ours["published"]))
        g = gold_text(gm.get("lang"))
        if g:
            count("lang", norm(g) == norm(ours.get("language")))
        g = gold_text(gm.get("dir"))
        if g:
            count("dir", g == ours.get("direction"))
    return {k: v for k, v in fields.items() if v[1]}


# ---- confidence: how well PITH_FIELD_CONFIDENCE ranks pages -----------------

CONFIDENT = 0.7  # the split pith.h suggests


def mean(v):
    return sum(v) / len(v) if v else float("nan")


def pearson(x, y):
    mx, my = mean(x), mean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else float("nan")


def confidence_ranking(pred, page_f1):
    """(r, F1s of the confident pages, F1s of the others) over the pages
    with a word F1 (gold text) and a confidence, or None."""
    pairs = []
    for pid, f1 in page_f1.items():
        op = Path(pred) / f"{pid}.json"
        if op.exists():
            c = json.loads(op.read_text()).get("confidence")
            if isinstance(c, (int, float)):
                pairs.append((float(c), f1))
    if len(pairs) < 2:
        return None
    r = pearson([c for c, _ in pairs], [f for _, f in pairs])
    return (r, [f for c, f in pairs if c >= CONFIDENT], [f for c, f in pairs if c < CONFIDENT])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runner", required=True)
    ap.add_argument("--score", required=True)
    ap.add_argument("--floors")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("corpus")
    a = ap.parse_args()

    if not Path(a.corpus).is_dir():
        print(f"eval: no corpus at {a.corpus}", file=sys.stderr)
        return 1
    results = {}
    for ds in datasets(a.corpus):
        with tempfile.TemporaryDirectory() as pred:
            run = subprocess.run([a.runner, "-u", "-o", pred, str(ds)], capture_output=True, text=True)
            sys.stderr.write(run.stderr)
            speed = parse_summary(run.stdout.strip().splitlines()[-1]) if run.stdout.strip() else {}
            per_page = Path(pred) / "score.json"
            cmd = [sys.executable, a.score, str(ds), pred, "--json", str(per_page)]
            held_out = ds.name.endswith("-val")
            typed = has_page_types(ds) and not held_out
            if typed:
                cmd.append("--by-type")
            if a.worst and not held_out:
                cmd += ["--worst", str(a.worst)]
            sc = subprocess.run(cmd, capture_output=True, text=True)
            if sc.returncode != 0:
                sys.stderr.write(sc.stderr)
                return 1
            lines = sc.stdout.splitlines()
            page_f1 = {c["id"]: c["bow_f1"] for c in json.loads(per_page.read_text())["cases"]
                       if "bow_f1" in c}
            figures = parse_summary(lines[0])
            if typed:
                figures.update(parse_by_type(lines))
            figures.update({"failed": speed.get("failed", 0), "pages_per_s": speed.get("pages_per_s", 0)})
            results[ds.name] = figures
            print(f"== {ds.name}: {int(speed.get('pages', 0))} pages, "
                  f"{int(speed.get('failed', 0))} failed, {int(speed.get('empty', 0))} empty, "
                  f"{speed.get('pages_per_s', 0):.0f} pages/s")
            for line in lines[1:]:
                print("  " + line)
            if run.returncode not in (0, 1):
                print(f"eval: {a.runner} crashed on {ds} (status {run.returncode})", file=sys.stderr)
                return 1
        with tempfile.TemporaryDirectory() as pred:
            run = subprocess.run([a.runner, "-u", "-o", pred, "-f", "json", str(ds)],
                                 capture_output=True, text=True)
            meta = metadata_agreement(ds, pred) if run.returncode in (0, 1) else {}
            conf = confidence_ranking(pred, page_f1) if run.returncode in (0, 1) else None
        if conf:
            r, hi, lo = conf
            print(f"  confidence: Pearson r {r:.3f} with the per-page word F1; pages at "
                  f">= {CONFIDENT}: {len(hi)}, F1 {mean(hi):.3f}; under: {len(lo)}, F1 {mean(lo):.3f}")
            figures["confidence_r"] = r
        if meta:
            print("  metadata, pages agreeing with the gold (~ = looser match):")
            print("    " + "  ".join(f"{k} {100.0 * h / n:.1f}% ({h}/{n})"
                                     for k, (h, n) in meta.items()))
            figures.update({"meta_" + k.replace("~", "_loose"): h / n
                            for k, (h, n) in meta.items()})

    if not a.floors:
        return 0
    bad = 0
    for raw in Path(a.floors).read_text().splitlines():
        raw = raw.split("#")[0].strip()
        if not raw:
            continue
        ds, key, floor = raw.split()
        if ds not in results:
            print(f"floor {ds} {key}: dataset not found, BELOW FLOOR")
            bad += 1
            continue
        got = results[ds].get(key)
        ok = isinstance(got, float) and got >= float(floor)
        print(f"floor {ds} {key} >= {floor}: {got if got is not None else 'missing'} "
              f"{'ok' if ok else 'BELOW FLOOR'}")
        bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
