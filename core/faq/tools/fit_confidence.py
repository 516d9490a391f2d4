#!/usr/bin/env python3
"""Fits the confidence model (src/confidence.rs) on a `faq-eval --json` report.

    faq-eval --corpus C --queries Q --qrels R --json > report.json
    python3 core/faq/tools/fit_confidence.py report.json [offtopic-report.json]

Model: p = sigmoid(c0 + c1*coverage*margin + c2*question_coverage)
           * min(1, coverage/FLOOR) * min(1, question_coverage/QFLOOR)
c0..c2 come from logistic regression (label: the top entry is judged
relevant). LocalgovFAQ has no off-topic queries, so it cannot teach the
model to reject them: FLOOR and QFLOOR are fixed design choices, checked by
the off-topic tests (an optional second report, of off-topic questions run
through faq-eval with dummy qrels, is printed for that check).
Prints coefficients, a reliability table and the share of queries at or
above THRESHOLD with their top-1 precision. Plain Python, no numpy.

This fits the *ranking* estimate only. The chatbot's confidence is the larger
of it and the wording estimate (`wording_confidence` in src/confidence.rs,
from `top_wording_match`, not fitted: it carries over to small packs where
the score margin does not); the report's `confidence` field holds the final
value."""
import json, math, sys

FLOOR, QFLOOR, THRESHOLD = 0.4, 0.35, 0.5
feat = lambda r: (1.0, r["top_coverage"] * r["margin"], r["top_question_coverage"])
runs = json.load(open(sys.argv[1]))["runs"]
xs = [feat(r) for r in runs]
ys = [1.0 if r["first_hit"] == 1 else 0.0 for r in runs]
w = [0.0] * 3
sig = lambda z: 1 / (1 + math.exp(-z))
for _ in range(20000):  # batch gradient descent; tiny data, converges fine
    g = [0.0] * 3
    for x, y in zip(xs, ys):
        p = sig(sum(a * b for a, b in zip(w, x)))
        for i in range(3):
            g[i] += (p - y) * x[i]
    w = [wi - 0.5 * gi / len(xs) for wi, gi in zip(w, g)]
print("COEF =", [round(v, 2) for v in w])

def conf(r):
    x = feat(r)
    return (sig(sum(a * b for a, b in zip(w, x)))
            * min(1.0, r["top_coverage"] / FLOOR)
            * min(1.0, r["top_question_coverage"] / QFLOOR))

bins, above = {}, []
for r, y in zip(runs, ys):
    p = conf(r)
    b = min(int(p * 5), 4)
    n, k = bins.get(b, (0, 0))
    bins[b] = (n + 1, k + y)
    if p >= THRESHOLD:
        above.append(y)
for b in sorted(bins):
    n, k = bins[b]
    print(f"predicted {b/5:.1f}-{(b+1)/5:.1f}: n={n:3d} observed {k/n:.2f}")
print(f"confident (>= {THRESHOLD}): {len(above)}/{len(runs)} queries, top-1 precision {sum(above)/max(1,len(above)):.2f}")
if len(sys.argv) > 2:
    off = json.load(open(sys.argv[2]))["runs"]
    print("off-topic max confidence:", round(max(conf(r) for r in off), 3))
