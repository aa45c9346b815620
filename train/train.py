#!/usr/bin/python3
"""Train the learned block decisions and compile them into C.

    train.py --dumps DIR --corpus DIR [--out FILE] [--sample FILE] [--folds 5] [--seed 1]

DIR holds pith_features dumps, one <dataset>.tsv per training dataset
(wcxb-dev, readability, trafilatura); --corpus is the unpacked corpus with
their gold. Run by `make train`, with Debian's /usr/bin/python3 (numpy,
sklearn, xgboost). Deterministic for a given seed.

Labels (the rule, as train/README.md writes it down): a block's words are
the lowercased \\w+ tokens of its own text, as score.py counts them.
  - Full gold text (wcxb-dev, readability): a block of 4 or more tokens is
    content when at least half of its 4-token shingles occur in the gold
    text's shingles; a shorter block when its whole token sequence occurs
    in the gold text's tokens. Blocks without tokens are left out.
  - Snippets only (trafilatura): a block is content when it lies inside a
    `with` snippet or holds one, furniture when it lies inside a `without`
    snippet or holds one, and unlabelled otherwise (left out of training).

Cross-validation: 5 folds of wcxb-dev grouped by site (the registered
domain of the gold URL), every fold's model trained on the other folds plus
all of readability and trafilatura. A fold's text is the text of the blocks
its model keeps, in page order, scored as score.py scores (bow_f1, WCXB's
word metric); the rules' text on the same pages is the text of the blocks
the rules kept, the oracle's that of the blocks labelled content.

wcxb-val is never read here: it measures the shipped library (make eval).
"""
import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

TOKEN = re.compile(r"\w+")
SPACE = re.compile(r"\s+")
SHINGLE = 4
TRAIN_SETS = ("wcxb-dev", "readability", "trafilatura")
CV_SET = "wcxb-dev"


# ---- data ----------------------------------------------------------------

def load_dump(path):
    """(feature names, rows): rows are (page, block, features, text)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        header = f.readline().rstrip("\n").split("\t")
        names = header[2:-1]
        rows = []
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != len(header):
                continue
            rows.append((cols[0], int(cols[1]), [float(v) for v in cols[2:-1]], cols[-1]))
    return names, rows


def site_of(url):
    """The registered domain, near enough: the last two labels of the host,
    three when the second-level label is a generic one (co.uk, com.au)."""
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/")[0].split(":")[0]
    labels = [x for x in host.split(".") if x]
    if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:]) or host


def tokens(text):
    return TOKEN.findall((text or "").lower())


def shingles(toks, n=SHINGLE):
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def squash(text):
    return SPACE.sub(" ", text or "").strip()


class Page:
    def __init__(self, dataset, pid, gold):
        self.dataset, self.id, self.gold = dataset, pid, gold
        self.site = site_of(gold.get("url"))
        self.rows = []  # indices into the dataset's arrays


def label_full(gold_text, text):
    """1 content, 0 furniture, -1 no tokens."""
    toks = tokens(text)
    if not toks:
        return -1
    g = gold_text
    if len(toks) >= SHINGLE:
        sh = shingles(toks)
        hit = sum(s in g["shingles"] for s in sh)
        return int(hit * 2 >= len(sh))
    return int(" ".join(toks) in g["joined"])


def label_snippets(gold, text):
    t = squash(text)
    if len(t) < 3:
        return -1
    for s in gold.get("with") or []:
        s = squash(s)
        if s and (t in s or s in t):
            return 1
    for s in gold.get("without") or []:
        s = squash(s)
        if s and (t in s or s in t):
            return 0
    return -1


def load(dumps, corpus):
    """Per dataset: names, X (float32), y (int8: 1, 0, -1 unlabelled),
    page of each row, text of each row, and the pages."""
    data = {}
    names = None
    for ds in TRAIN_SETS:
        path = Path(dumps) / f"{ds}.tsv"
        if not path.exists():
            sys.exit(f"train: no dump {path} (make train writes it)")
        n, rows = load_dump(path)
        if names is None:
            names = n
        elif n != names:
            sys.exit(f"train: {path}: features differ from the other dumps")
        pages, order = {}, []
        X = np.zeros((len(rows), len(names)), dtype=np.float32)
        y = np.full(len(rows), -1, dtype=np.int8)
        page_of = []
        golds = {}
        for i, (pid, _, feats, text) in enumerate(rows):
            if pid not in pages:
                gp = Path(corpus) / ds / f"{pid}.json"
                gold = json.loads(gp.read_text(encoding="utf-8"))
                pages[pid] = Page(ds, pid, gold)
                order.append(pid)
                gt = gold.get("text")
                if gt:
                    gtoks = tokens(gt)
                    golds[pid] = {"shingles": shingles(gtoks), "joined": " " + " ".join(gtoks) + " "}
            p = pages[pid]
            p.rows.append(i)
            X[i] = feats
            page_of.append(pid)
            if pid in golds:
                lab = label_full(golds[pid], text)
                if lab == 1 and len(tokens(text)) < SHINGLE:
                    lab = int((" " + " ".join(tokens(text)) + " ") in golds[pid]["joined"])
                y[i] = lab
            else:
                y[i] = label_snippets(p.gold, text)
        data[ds] = {"X": X, "y": y, "page": page_of, "text": [r[3] for r in rows],
                    "pages": [pages[k] for k in order]}
    return names, data


# ---- scoring ---------------------------------------------------------------

def bow_f1(gold_text, pred_text):
    """score.py's WCXB word metric for one page."""
    g, p = tokens(gold_text), tokens(pred_text)
    if not g:
        return 1.0 if not p else 0.0
    if not p:
        return 0.0
    o = sum((Counter(g) & Counter(p)).values())
    prec, rec = o / len(p), o / len(g)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def page_text(d, page, keep):
    return "\n".join(d["text"][i] for i in page.rows if keep[i])


def score_pages(d, pages, keep):
    """Mean bow_f1 over pages with gold text."""
    vals = [bow_f1(p.gold.get("text"), page_text(d, p, keep)) for p in pages
            if p.gold.get("text") is not None]
    return sum(vals) / len(vals) if vals else 0.0


# ---- folds -----------------------------------------------------------------

def site_folds(pages, k, seed):
    """Pages split into k folds by site, sites shuffled with `seed` and
    dealt out greedily so the folds hold about as many pages."""
    by_site = defaultdict(list)
    for p in pages:
        by_site[p.site].append(p)
    sites = sorted(by_site)
    rng = np.random.RandomState(seed)
    rng.shuffle(sites)
    sites.sort(key=lambda s: -len(by_site[s]))
    folds = [[] for _ in range(k)]
    for s in sites:
        min(folds, key=len).extend(by_site[s])
    return folds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dumps", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    names, data = load(a.dumps, a.corpus)
    d = data[CV_SET]
    rules = d["X"][:, names.index("rules_kept")] > 0
    oracle = d["y"] == 1
    print(f"{CV_SET}: {len(d['pages'])} pages, {len(d['y'])} blocks, "
          f"{int((d['y'] == 1).sum())} content, {int((d['y'] == 0).sum())} furniture")
    print(f"  rules' blocks  bow_f1 {score_pages(d, d['pages'], rules):.4f}")
    print(f"  oracle blocks  bow_f1 {score_pages(d, d['pages'], oracle):.4f}")


if __name__ == "__main__":
    main()


def weights(d):
    """A block weighs its words (bow_f1 counts words), each page about the
    same (score.py averages pages): tokens / sqrt(page tokens)."""
    ntok = np.array([len(tokens(t)) for t in d["text"]], dtype=np.float64)
    w = np.zeros_like(ntok)
    for p in d["pages"]:
        idx = np.array(p.rows)
        tot = ntok[idx].sum()
        if tot > 0:
            w[idx] = ntok[idx] / math.sqrt(tot)
    return w
