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
    """Block feature names, page feature names, and per dataset: X
    (float32), y (int8: 1, 0, -1 unlabelled), the page of each row, the
    text of each row, the pages, and the page rows by page id."""
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
        pnames, prow = load_pages(Path(dumps) / f"{ds}.pages.tsv")
        data[ds] = {"X": X, "y": y, "page": page_of, "text": [r[3] for r in rows],
                    "pages": [pages[k] for k in order], "prow": prow}
    return names, pnames, data


def load_pages(path):
    """(page feature names, {page id: row})."""
    if not path.exists():
        sys.exit(f"train: no page dump {path} (make train writes it)")
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = {}
        for line in f:
            cols = line.rstrip("\n").split("\t")
            rows[cols[0]] = np.array([float(v) for v in cols[1:]], dtype=np.float32)
    return header[1:], rows


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


def keep_best(d, prob, ptypes):
    """What the library keeps of each page (learned.c): with the blocks
    with words sorted by probability p, the best expected F-beta
    F = (1 + b2) * sum_K p*w / (b2 * sum p*w + sum_K w) over the runs K of
    the likeliest blocks, w being the block's words (own_words) and b2
    BETA2; the blocks kept are those from F / (1 + b2), F taken as 1 as
    much as the page is taken for an article (ARTICLE_SURE times its
    probability, at most 1; ptypes holds a row of PAGE_TYPES per page, in
    page order). The library also gives the cells of a table row their
    mean probability first; the dump does not say which blocks are cells,
    so this leaves it out (on wcxb-dev it moves the library's fitted
    bow_f1 by under 0.001)."""
    b2 = BETA2
    own = d["X"][:, 0].astype(np.float64)
    keep = np.zeros(len(prob), bool)
    for j, page in enumerate(d["pages"]):
        idx = np.array(page.rows, dtype=np.int64)
        idx = idx[own[idx] > 0]
        if not len(idx):
            continue
        p = prob[idx].astype(np.float32)
        w = own[idx]
        order = np.argsort(-p, kind="stable")
        f = (1 + b2) * np.cumsum(p[order] * w[order]) / (b2 * (p * w).sum() + np.cumsum(w[order]))
        article = min(1.0, ARTICLE_SURE * float(ptypes[j][0]))
        cut = np.float32((article + (1 - article) * float(f.max())) / (1 + b2))
        keep[idx] = p >= cut
    return keep


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


# ---- training --------------------------------------------------------------

# The block model: 150 trees of depth 6. Measured (cross-validated bow_f1
# on wcxb-dev): 300 trees of depth 8 no better, 100 of depth 5 and 60 of
# depth 6 within 0.002 (the folds' noise) but 0.004-0.006 lower on the
# readability and trafilatura sets. Compiled as code, a tree costs a
# comparison per level.
BLOCK_PARAMS = dict(n_estimators=150, max_depth=6, learning_rate=0.1, subsample=0.8,
                    colsample_bytree=0.8, tree_method="hist", base_score=0.5, n_jobs=2)
# The page model: 7 classes, shallow trees (about 1,000 pages to learn from).
PAGE_PARAMS = dict(n_estimators=60, max_depth=4, learning_rate=0.15, subsample=0.8,
                   colsample_bytree=0.8, tree_method="hist", objective="multi:softprob",
                   n_jobs=2)
# The library's choice (lib/extract/learned.c): on each page, the blocks
# whose text has the best expected F-beta, beta squared this
# (lib/extract/tune.h PI_LEARNED_BETA2).
BETA2 = 1.0
# An article is taken as sure of its content from even odds on
# (lib/extract/tune.h ARTICLE_SURE).
ARTICLE_SURE = 2.0
PAGE_TYPES = ("article", "service", "product", "collection", "listing", "forum", "documentation")


def fit_blocks(X, y, w, seed):
    import xgboost as xgb
    m = y >= 0
    clf = xgb.XGBClassifier(random_state=seed, **BLOCK_PARAMS)
    clf.fit(X[m], y[m], sample_weight=w[m])
    return clf


def fit_pages(X, y, seed):
    """A page model. There are two: one for pages given their URL, one for
    pages given none (the CLI on a file), trained on the rows without the
    URL's features; one model for both lost 0.02 of agreement on pages
    with a URL."""
    import xgboost as xgb
    clf = xgb.XGBClassifier(random_state=seed, **PAGE_PARAMS)
    clf.fit(X, y)
    return clf


def page_matrix(d, pnames, suffix=""):
    """The page rows of a dataset's pages, in page order, and their types
    (the gold's meta.page_type as an index of PAGE_TYPES; -1 when absent).
    With suffix "#nourl", the rows of the pages as if given no URL."""
    X = np.stack([d["prow"].get(p.id + suffix, np.zeros(len(pnames), np.float32))
                  for p in d["pages"]])
    y = np.array([PAGE_TYPES.index(t) if t in PAGE_TYPES else -1
                  for t in ((p.gold.get("meta") or {}).get("page_type") for p in d["pages"])])
    return X, y


def with_page_types(d, names, probs):
    """The block rows with the PT_* columns set from page probabilities
    (one row of PAGE_TYPES per page, in page order)."""
    X = d["X"].copy()
    col = names.index("pt_article")
    at = {p.id: k for k, p in enumerate(d["pages"])}
    rows = np.array([at[pid] for pid in d["page"]])
    X[:, col:col + len(PAGE_TYPES)] = probs[rows]
    return X


def cross_validate(data, names, pnames, W, folds, seed):
    """Cross-validated page types and block probabilities of wcxb-dev, each
    page judged by models that did not see its site; the other datasets
    are trained on in every fold."""
    d = data[CV_SET]
    PX, py = page_matrix(d, pnames)
    PB = page_matrix(d, pnames, "#nourl")[0]
    fold_of = {p.id: k for k, f in enumerate(folds) for p in f}
    pfold = np.array([fold_of[p.id] for p in d["pages"]])
    ptypes = np.zeros((len(d["pages"]), len(PAGE_TYPES)), np.float32)
    bare_ok = 0
    for k in range(len(folds)):
        train = (pfold != k) & (py >= 0)
        ptypes[pfold == k] = fit_pages(PX[train], py[train], seed).predict_proba(PX[pfold == k])
        test = (pfold == k) & (py >= 0)
        bare = fit_pages(PB[train], py[train], seed)
        bare_ok += int((bare.predict_proba(PB[test]).argmax(1) == py[test]).sum())
    print(f"  page types without a URL: agreement {bare_ok / int((py >= 0).sum()):.3f}")
    page_model = fit_pages(PX[py >= 0], py[py >= 0], seed)
    others = [ds for ds in TRAIN_SETS if ds != CV_SET]
    oX = [with_page_types(data[ds], names,
                          page_model.predict_proba(page_matrix(data[ds], pnames)[0]))
          for ds in others]
    ex_X = np.concatenate(oX)
    ex_y = np.concatenate([data[ds]["y"] for ds in others])
    ex_w = np.concatenate([W[ds] for ds in others])
    X = with_page_types(d, names, ptypes)
    bfold = np.array([fold_of[pid] for pid in d["page"]])
    prob = np.zeros(len(d["y"]))
    for k in range(len(folds)):
        test = bfold == k
        clf = fit_blocks(np.concatenate([X[~test], ex_X]), np.concatenate([d["y"][~test], ex_y]),
                         np.concatenate([W[CV_SET][~test], ex_w]), seed)
        prob[test] = clf.predict_proba(X[test])[:, 1]
    return ptypes, py, prob


# ---- the models in C -------------------------------------------------------

def forest_of(clf, classes=1):
    """(roots, nodes, base margin) of the booster: nodes as (value, feature
    or None, yes, no); with several classes, tree t is of class t % classes."""
    model = json.loads(clf.get_booster().save_raw("json"))
    gb = model["learner"]["gradient_booster"]["model"]
    trees = gb["trees"]
    if classes > 1 and [int(c) for c in gb["tree_info"]] != [t % classes for t in range(len(trees))]:
        sys.exit("train: the page model's trees are not in class order")
    roots, nodes = [], []
    for t in trees:
        base = len(nodes)
        roots.append(base)
        left, right = t["left_children"], t["right_children"]
        for i in range(len(left)):
            if left[i] == -1:
                nodes.append((t["split_conditions"][i], None, 0, 0))
            else:
                nodes.append((t["split_conditions"][i], t["split_indices"][i], base + left[i],
                              base + right[i]))
    base_score = float(model["learner"]["learner_model_param"]["base_score"])
    # One class: the margin starts at logit(base_score). Several: softmax
    # of equal starts is the same whatever they are.
    margin = math.log(base_score / (1 - base_score)) if classes == 1 else 0.0
    return roots, nodes, margin


def c_code(fn, feature_names, clf, classes=1):
    """The forest as C: one function summing every tree's leaf for a row,
    each tree nested comparisons (the compiler makes them branches: a few
    instructions a level, where a walk over node tables takes twice as
    many)."""
    roots, nodes, margin = forest_of(clf, classes)
    f32 = lambda v: repr(float(np.float32(v))) + "f"
    out = []

    def emit(i, depth, target):
        v, feat, yes, no = nodes[i]
        pad = "    " * depth
        if feat is None:
            out.append(f"{pad}{target} += {f32(v)};")
            return
        out.append(f"{pad}if (x[{feat}] < {f32(v)}) {{")
        emit(yes, depth + 1, target)
        out.append(f"{pad}}} else {{")
        emit(no, depth + 1, target)
        out.append(f"{pad}}}")

    if classes == 1:
        out.append(f"float {fn}(const float *x)\n{{\n    float m = {f32(margin)};")
        for r in roots:
            emit(r, 1, "m")
        out.append("    return m;\n}")
    else:
        out.append(f"void {fn}(const float *x, float *m)\n{{")
        out.append(f"    for (int k = 0; k < {classes}; k++)\n        m[k] = {f32(margin)};")
        for t, r in enumerate(roots):
            emit(r, 1, f"m[{t % classes}]")
        out.append("}")
    return out, len(roots)


def write_c(path, names, pnames, blocks, pages, bare_pages, note):
    out = ["/* Generated by train/train.py (make train): do not edit.", " *"]
    out += [" * " + line if line else " *" for line in note.splitlines()]
    out += [" */", '#include "extract/learned.h"', "", "/* clang-format off */"]
    for name, feats in (("page", pnames), ("block", names)):
        out += [f"static const char *const {name}_features[] = {{"]
        out += [f'    "{n.upper()}",' for n in feats]
        out += ["};", ""]
    code, n_pages = c_code("pi_learned_page_margins", pnames, pages, len(PAGE_TYPES))
    out += code + [""]
    code, n_bare = c_code("pi_learned_bare_page_margins", pnames, bare_pages, len(PAGE_TYPES))
    out += code + [""]
    code, n_blocks = c_code("pi_learned_block_margin", names, blocks)
    out += code + [""]
    out += [f"const pi_learned_info pi_learned_pages = {{{n_pages}, {len(pnames)}, page_features}};",
            f"const pi_learned_info pi_learned_bare_pages = {{{n_bare}, {len(pnames)}, "
            "page_features};",
            f"const pi_learned_info pi_learned_blocks = {{{n_blocks}, {len(names)}, block_features}};",
            "/* clang-format on */", ""]
    Path(path).write_text("\n".join(out))


def write_sample(path, X, clf, n, seed, classes=1):
    """Rows and the training library's margins for them (one per class):
    test_learned checks that the compiled forest gives the same."""
    import xgboost as xgb
    rng = np.random.RandomState(seed)
    idx = np.sort(rng.choice(len(X), size=min(n, len(X)), replace=False))
    margins = clf.get_booster().predict(xgb.DMatrix(X[idx]), output_margin=True)
    margins = np.asarray(margins).reshape(len(idx), -1)
    with open(path, "w") as f:
        f.write(f"# {len(idx)} rows of train/train.py's data: {X.shape[1]} features, then "
                f"xgboost's margin{'s' if classes > 1 else ''}\n")
        for i, m in zip(idx, margins):
            f.write(" ".join(repr(float(v)) for v in X[i]) + " "
                    + " ".join(repr(float(v)) for v in m) + "\n")


def report(d, prob, ptypes, rules, oracle, thresholds=(0.5,)):
    """Cross-validated bow_f1 by page type, beside the rules and the oracle:
    the blocks at fixed thresholds, and at each page's cut (the library's
    choice, keep_best)."""
    types = sorted({(p.gold.get("meta") or {}).get("page_type") or "?" for p in d["pages"]})
    rows = [("all", d["pages"])] + [(t, [p for p in d["pages"]
                                         if ((p.gold.get("meta") or {}).get("page_type") or "?") == t])
                                    for t in types]
    best = keep_best(d, prob, ptypes)
    print("  page type       pages  rules   " + "  ".join(f"p>={t:<4}" for t in thresholds)
          + "  cut      oracle")
    for name, pages in rows:
        cells = [score_pages(d, pages, prob >= t) for t in thresholds]
        print(f"  {name:<14} {len(pages):>6}  {score_pages(d, pages, rules):.4f}  "
              + "  ".join(f"{c:.4f}" for c in cells) + f"  {score_pages(d, pages, best):.4f}"
              + f"   {score_pages(d, pages, oracle):.4f}")


def confusion(py, ptypes):
    pred = ptypes.argmax(axis=1)
    ok = py >= 0
    print(f"  page type agreement {float((pred[ok] == py[ok]).mean()):.3f} "
          f"({int((pred[ok] == py[ok]).sum())}/{int(ok.sum())}); rows gold, columns predicted:")
    print("  " + " " * 14 + "".join(f"{t[:7]:>8}" for t in PAGE_TYPES))
    for i, t in enumerate(PAGE_TYPES):
        print(f"  {t:<14}" + "".join(f"{int(((py == i) & (pred == j)).sum()):>8}"
                                      for j in range(len(PAGE_TYPES))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dumps", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", help="the C file of the models (lib/extract/learned_model.c)")
    ap.add_argument("--sample", help="rows and margins for test_learned (two files: .blocks, .pages)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-cv", action="store_true", help="train the shipped models only")
    a = ap.parse_args()
    names, pnames, data = load(a.dumps, a.corpus)
    W = {ds: weights(data[ds]) for ds in data}
    d = data[CV_SET]
    rules = d["X"][:, names.index("rules_kept")] > 0
    oracle = d["y"] == 1
    print(f"{CV_SET}: {len(d['pages'])} pages, {len(d['y'])} blocks "
          f"({int(oracle.sum())} content, {int((d['y'] == 0).sum())} furniture); "
          + ", ".join(f"{ds}: {len(data[ds]['pages'])} pages" for ds in TRAIN_SETS if ds != CV_SET))
    folds = site_folds(d["pages"], a.folds, a.seed)
    cv = None
    PX, py = page_matrix(d, pnames)
    PB = page_matrix(d, pnames, "#nourl")[0]
    if a.no_cv:
        ptypes = np.zeros((len(d["pages"]), len(PAGE_TYPES)), np.float32)
        fold_of = {p.id: k for k, f in enumerate(folds) for p in f}
        pfold = np.array([fold_of[p.id] for p in d["pages"]])
        for k in range(len(folds)):
            train = (pfold != k) & (py >= 0)
            ptypes[pfold == k] = fit_pages(PX[train], py[train], a.seed).predict_proba(PX[pfold == k])
    else:
        ptypes, py, prob = cross_validate(data, names, pnames, W, folds, a.seed)
        print(f"{a.folds}-fold cross-validation on {CV_SET}, folds grouped by site:")
        confusion(py, ptypes)
        print("  bow_f1 of the blocks kept:")
        report(d, prob, ptypes, rules, oracle, (0.3, 0.5, 0.7))
        cv = score_pages(d, d["pages"], keep_best(d, prob, ptypes))
    # The shipped models: the page model on all of wcxb-dev; the block
    # model on every dataset, wcxb-dev's page types cross-validated (as
    # unseen pages will give them), the others' from the page model.
    pages = fit_pages(PX[py >= 0], py[py >= 0], a.seed)
    bare_pages = fit_pages(PB[py >= 0], py[py >= 0], a.seed)
    Xs = [with_page_types(d, names, ptypes)]
    Xs += [with_page_types(data[ds], names, pages.predict_proba(page_matrix(data[ds], pnames)[0]))
           for ds in TRAIN_SETS if ds != CV_SET]
    X = np.concatenate(Xs)
    y = np.concatenate([data[ds]["y"] for ds in TRAIN_SETS])
    w = np.concatenate([W[ds] for ds in TRAIN_SETS])
    blocks = fit_blocks(X, y, w, a.seed)
    xv = __import__("xgboost").__version__
    note = (f"xgboost {xv} gradient-boosted trees, trained by train/train.py (seed {a.seed}):\n"
            f"the page model ({PAGE_PARAMS['n_estimators']} rounds of depth "
            f"{PAGE_PARAMS['max_depth']}, {len(PAGE_TYPES)} classes) on the {int((py >= 0).sum())} "
            f"pages of {CV_SET};\nthe block model ({BLOCK_PARAMS['n_estimators']} trees of depth "
            f"{BLOCK_PARAMS['max_depth']}) on {', '.join(TRAIN_SETS)} "
            f"({int((y >= 0).sum())} labelled blocks).\n"
            + (f"{a.folds}-fold site-grouped cross-validation on {CV_SET}: page type agreement "
               f"{float((ptypes.argmax(1)[py >= 0] == py[py >= 0]).mean()):.3f}, block bow_f1 "
               f"{cv:.4f} at each page's cut\n(the rules' blocks on the same pages: "
               f"{score_pages(d, d['pages'], rules):.4f}).\n" if cv is not None else ""))
    if a.out:
        write_c(a.out, names, pnames, blocks, pages, bare_pages, note)
        print(f"train: wrote {a.out}")
    if a.sample:
        write_sample(a.sample + ".blocks", X, blocks, 200, a.seed)
        write_sample(a.sample + ".pages", PX, pages, 50, a.seed, len(PAGE_TYPES))
        write_sample(a.sample + ".bare", PB, bare_pages, 50, a.seed, len(PAGE_TYPES))
        print(f"train: wrote {a.sample}.blocks and .pages")


if __name__ == "__main__":
    main()
