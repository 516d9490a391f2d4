"""The town's website chatbot in a real browser (run by scripts/test-web.sh).

Headless Chromium (Debian's, in the trixie root) loads the site that
`machi web build` wrote, served by `machi serve` on loopback, and is driven
through the DevTools protocol like a resident would use it: typing, Enter,
Tab, arrow keys, a tap. For the sample town's question set (ja, en, zh, ko,
easy Japanese, off-topic) the widget must show the same top entry and the
same kind of reply (confident answer, menu, not sure, no match) as
`machi ask --json` for the same question. Also: keyboard-only use,
a clarifying-choice tap, the department's contact when unsure, the
unanswered-question log and its export, `?q=&lang=`, screenshots in ja and
en, and the budgets (bytes transferred, load-to-ready, answer latency, the
LocalgovFAQ evaluation reproduced in the browser). Timings are printed and
written to the report, never asserted (docs/benchmarks.md records them).
"""

import argparse
import base64
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Cdp, CdpError, page_ws_url  # noqa: E402

BUDGET_BYTES = 1_500_000
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def machi(args, machi_bin, **kw):
    env = {k: v for k, v in os.environ.items() if k not in ("MACHI_FAQ_ENCODER", "MACHI_DB", "MACHI_LANG")}
    r = subprocess.run([machi_bin, *args], capture_output=True, text=True, env=env, **kw)
    if r.returncode != 0:
        raise SystemExit(f"machi {' '.join(args)} failed: {r.stderr.strip()}")
    return r.stdout


def expected(machi_bin, q):
    out = json.loads(machi(["--db", ":memory:", "--lang", q["lang"], "--json", "ask", q["text"]], machi_bin))
    return {
        "kind": out["kind"],
        "top": out["answers"][0]["id"] if out["answers"] else "",
        "contact": (out.get("contact") or {}).get("department"),
    }


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def key(cdp, key, code, vk, text=None, shift=False):
    mods = 8 if shift else 0
    down = dict(type="keyDown", key=key, code=code, windowsVirtualKeyCode=vk, modifiers=mods)
    if text:
        down["text"] = text
    cdp.send("Input.dispatchKeyEvent", **down)
    cdp.send("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=vk, modifiers=mods)


def enter(cdp):
    key(cdp, "Enter", "Enter", 13, "\r")


def tab(cdp, shift=False):
    key(cdp, "Tab", "Tab", 9, shift=shift)


def open_page(cdp, base, query=""):
    cdp.send("Page.navigate", url=f"{base}/index.html{query}")
    cdp.wait_for("document.getElementById('mc-root') && document.getElementById('mc-root').dataset.ready === 'true'"
                 " || (window.machiChat && window.machiChat.error)", what="widget ready")
    err = cdp.eval("window.machiChat && window.machiChat.error || ''")
    if err:
        raise CdpError(f"widget failed to load: {err}")
    return cdp.eval("window.machiChat.readyMs")


def phases(cdp):
    """Where the time to ready went: navigation start → widget script start →
    wasm + data fetched → module compiled → index built → ready (ms)."""
    return cdp.eval("Object.fromEntries([...performance.getEntriesByType('mark')].map(m => [m.name, m.startTime])"
                    " .concat([['dom_content_loaded', performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd],"
                    " ['ready', window.machiChat.readyMs]],"
                    " performance.getEntriesByType('resource').map(r => ['fetched ' + r.name.split('/').pop(), r.responseEnd])))")


def bot_count(cdp):
    return cdp.eval("document.querySelectorAll('.mc-bot').length")


def last_bot(cdp, before):
    cdp.wait_for(f"document.querySelectorAll('.mc-bot').length > {before}", what="a reply")
    return cdp.eval(
        "(() => { const m = [...document.querySelectorAll('.mc-bot')].pop();"
        " const c = m.querySelector('.mc-contact');"
        " const tel = m.querySelector('a.mc-call');"
        " return {kind: m.dataset.kind, top: m.dataset.top, ms: m.dataset.ms,"
        " contact: c ? c.dataset.contact : null, tel: tel ? tel.getAttribute('href') : null,"
        " choices: [...m.querySelectorAll('[data-choice]')].map(b => b.dataset.choice)}; })()"
    )


def type_and_ask(cdp, text):
    cdp.eval("document.getElementById('mc-q').focus()")
    before = bot_count(cdp)
    cdp.send("Input.insertText", text=text)
    enter(cdp)
    return last_bot(cdp, before)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--machi", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--questions", required=True)
    ap.add_argument("--root-run", required=True, help="scripts/trixie-root.sh")
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--screenshots", required=True)
    ap.add_argument("--localgov", help="folder with corpus.json, queries.json, qrels.json")
    ap.add_argument("--report", required=True)
    a = ap.parse_args()
    qs = json.load(open(a.questions, encoding="utf-8"))
    report = {}

    if a.localgov:
        os.makedirs(os.path.join(a.site, "_eval"), exist_ok=True)
        for f in ("corpus.json", "queries.json", "qrels.json"):
            shutil.copy(os.path.join(a.localgov, f), os.path.join(a.site, "_eval", f))

    server = subprocess.Popen([a.machi, "--lang", "en", "serve", a.site, "--addr", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    line = server.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:\d+", line)
    if not m:
        raise SystemExit(f"machi serve did not say where it listens: {line!r}")
    base = m.group(0)
    port = free_port()
    profile = os.path.join(a.tmp, "profile")
    downloads = os.path.join(a.tmp, "downloads")
    os.makedirs(downloads, exist_ok=True)
    browser = subprocess.Popen(
        [a.root_run, "run", a.tmp, "--", "chromium-headless-shell", "--no-sandbox", "--disable-gpu",
         "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
         f"--remote-debugging-port={port}", f"--user-data-dir={profile}", "--window-size=900,1300",
         "about:blank"],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(a.tmp, "chromium.log"), "w"),
        start_new_session=True)
    try:
        cdp = Cdp(page_ws_url(port, timeout=60), timeout=60)
        run(cdp, a, qs, base, downloads, report)
    finally:
        for p in (browser, server):
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for p in (browser, server):
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
    with open(a.report, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=2)
    print(json.dumps({k: v for k, v in report.items() if k != "eval"}, ensure_ascii=False, indent=2))
    if failures:
        print(f"{len(failures)} browser check(s) failed:", *failures, sep="\n  ")
        sys.exit(1)
    print("browser tests passed")


def run(cdp, a, qs, base, downloads, report):
    cdp.send("Page.enable")
    cdp.send("Runtime.enable")
    cdp.send("Emulation.setDeviceMetricsOverride", width=900, height=1300, deviceScaleFactor=1, mobile=False)

    # Cold loads: nothing cached, every byte counted as transferred.
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", cacheDisabled=True)
    cdp.events.clear()
    ready = [open_page(cdp, base, "?lang=en")]
    cdp.eval("1")  # reads the network events sent so far
    urls, sizes = {}, {}
    for ev in cdp.events:
        p = ev.get("params", {})
        if ev.get("method") == "Network.responseReceived":
            urls[p["requestId"]] = p["response"]["url"]
        elif ev.get("method") == "Network.loadingFinished":
            sizes[p["requestId"]] = p["encodedDataLength"]
    transfer = {urllib.parse.urlparse(urls[r]).path.lstrip("/"): n for r, n in sizes.items() if r in urls}
    third_party = [u for u in urls.values() if not u.startswith(base)]
    check(not third_party, f"no third-party requests ({third_party})")
    shipped = sum(n for f, n in transfer.items() if f in ("machi_web_bg.wasm", "faq.json", "machi_web.js", "machi-chat.js"))
    report["transfer_bytes"] = transfer
    report["transfer_total_wasm_data_js"] = shipped
    check(shipped <= BUDGET_BYTES, f"wasm + data + scripts transferred {shipped} B <= {BUDGET_BYTES} B (gzip by machi serve)")
    split = []
    for _ in range(6):
        ready.append(open_page(cdp, base, "?lang=en"))
        split.append(phases(cdp))
    # The first load also starts the browser's own machinery: reported, not in the median.
    report["load_to_ready_ms_cold"] = {"first": ready[0], "runs": ready[1:], "median": statistics.median(ready[1:]),
                                       "max": max(ready[1:]), "phases_median": {
                                           k: statistics.median(p[k] for p in split if k in p) for k in split[0]}}
    cdp.send("Network.setCacheDisabled", cacheDisabled=False)
    cdp.send("Network.disable")
    cdp.eval("localStorage.clear(), 1")

    # The question set: typed into the widget, compared with `machi ask`.
    unanswered = 0
    agree = 0
    dictionary = 0
    for q in qs["questions"]:
        want = expected(a.machi, q)
        open_page(cdp, base, "?lang=" + urllib.parse.quote(q["lang"]))
        got = type_and_ask(cdp, q["text"])
        routed = want["top"].startswith("garbage:")
        if q.get("dictionary") or routed:
            # The app answers it from the garbage sorting dictionary, which
            # lives in machi-app (SQLite-backed) and is not in the website
            # build: the widget answers from the FAQ instead. Pinned here so
            # that any other question drifting to the dictionary fails.
            check(bool(q.get("dictionary")) and routed and got["kind"] in ("answer", "clarify", "not-sure"),
                  f"[{q['lang']}] {q['text']}: the app answers from the garbage dictionary ({want['top']}), the widget from the FAQ ({got['kind']} {got['top']!r})")
            dictionary += 1
            continue
        same = got["kind"] == want["kind"] and got["top"] == want["top"]
        agree += same
        check(same, f"[{q['lang']}] {q['text']}: widget {got['kind']} {got['top']!r}, machi ask {want['kind']} {want['top']!r}")
        if q.get("off_topic"):
            check(want["kind"] in ("not-sure", "no-match"), f"off-topic {q['text']!r} is not answered confidently")
        if want["kind"] in ("not-sure", "no-match"):
            unanswered += 1
    report["question_set"] = {"questions": len(qs["questions"]), "agree_with_machi_ask": agree,
                              "app_answers_from_garbage_dictionary": dictionary}
    stored = cdp.eval("JSON.parse(localStorage.getItem('machi-chat-unanswered') || '[]').length")
    check(stored == unanswered, f"{unanswered} unanswered questions kept in localStorage (found {stored})")
    open_page(cdp, base, "?lang=en")
    shown = cdp.eval("document.querySelector('.mc-count').dataset.count")
    check(shown == str(unanswered), f"the widget shows the unanswered count ({shown})")
    cdp.send("Browser.setDownloadBehavior", behavior="allow", downloadPath=downloads)
    cdp.eval("document.querySelector('.mc-export').click(), 1")
    path = os.path.join(downloads, "unanswered-questions.json")
    deadline = time.monotonic() + 10
    while not os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.1)
    exported = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else None
    check(exported is not None and len(exported) == unanswered and all("text" in e and "lang" in e for e in exported),
          "the export button downloads the unanswered questions as JSON")

    # Keyboard only: Tab to the input, type, pick a suggestion with the
    # arrow keys, then Shift+Tab back to a related question and Enter.
    open_page(cdp, base, "?lang=ja")
    cdp.eval("document.activeElement && document.activeElement.blur(), 1")
    for _ in range(20):
        tab(cdp)
        if cdp.eval("document.activeElement && document.activeElement.id") == "mc-q":
            break
    check(cdp.eval("document.activeElement.id") == "mc-q", "Tab reaches the question box")
    prefix = qs["typed_prefix"]["text"]
    cdp.send("Input.insertText", text=prefix)
    cdp.wait_for("document.querySelectorAll('#mc-sugg [role=option]').length > 0", what="suggestions")
    check(cdp.eval("document.getElementById('mc-q').getAttribute('aria-expanded')") == "true", "suggestions are announced (aria-expanded)")
    key(cdp, "ArrowDown", "ArrowDown", 40)
    picked = cdp.eval("document.getElementById(document.getElementById('mc-q').getAttribute('aria-activedescendant')).dataset.entry")
    before = bot_count(cdp)
    enter(cdp)
    got = last_bot(cdp, before)
    check(got["kind"] == "answer" and got["top"] == picked, f"ArrowDown + Enter opens the suggested entry {picked}")
    check(cdp.eval("document.activeElement.id") == "mc-q", "focus stays in the question box after an answer")
    # A confident answer lists related questions; Shift+Tab walks back to them.
    before = bot_count(cdp)
    cdp.send("Input.insertText", text="ごみの収集日はいつですか")
    enter(cdp)
    got = last_bot(cdp, before)
    check(got["kind"] == "answer", f"typed + Enter answers ({got['kind']} {got['top']})")
    for _ in range(10):
        tab(cdp, shift=True)
        if cdp.eval("!!(document.activeElement && document.activeElement.dataset.entry)"):
            break
    related = cdp.eval("document.activeElement.dataset.entry || ''")
    check(bool(related), "Shift+Tab reaches a related question")
    if related:
        before = bot_count(cdp)
        enter(cdp)
        got = last_bot(cdp, before)
        check(got["top"] == related, f"Enter on a related question opens it ({related})")
    check(cdp.eval("document.querySelector('.mc-log').getAttribute('role') + document.querySelector('.mc-log').getAttribute('aria-live')") == "logpolite",
          "replies are in a polite live region")
    check(cdp.eval("[...document.querySelectorAll('#mc-root input, #mc-root select')].every(e => e.labels && e.labels.length && e.labels[0].textContent.trim())"),
          "every input has a visible label")

    # Browsing by topic: the categories and their entries are the app's.
    cats = json.loads(machi(["--db", ":memory:", "--lang", "en", "--json", "faq", "categories"], a.machi))
    first = cats[0]
    listed = [e["id"] for e in json.loads(machi(["--db", ":memory:", "--lang", "en", "--json", "faq", "browse", first["id"]], a.machi))]
    open_page(cdp, base, "?lang=en")
    shown = cdp.eval("[...document.querySelectorAll('[data-category]')].map(b => [b.dataset.category, b.textContent])")
    check([c for c, _ in shown] == [c["id"] for c in cats] and shown[0][1].startswith(first["name"]),
          f"the widget's topics are the app's ({len(shown)}: {shown[0][1]!r})")
    cdp.eval("document.querySelector('.mc-cats summary').click(), 1")
    before = bot_count(cdp)
    cdp.eval(f"document.querySelector('[data-category=\"{first['id']}\"]').click(), 1")
    last_bot(cdp, before)
    entries = cdp.eval("[...[...document.querySelectorAll('.mc-bot')].pop().querySelectorAll('[data-entry]')].map(b => b.dataset.entry)")
    check(entries == listed, f"browsing {first['id']} lists the app's {len(listed)} entries in pack order")

    # A clarifying menu, and a tap on one of its choices.
    menu = qs["menu"]
    want = expected(a.machi, menu)
    open_page(cdp, base, "?lang=" + menu["lang"])
    got = type_and_ask(cdp, menu["text"])
    check(got["kind"] == "clarify" == want["kind"], f"{menu['text']!r} gives a menu ({got['kind']})")
    choice = next((c for c in got["choices"] if c), "")
    check(bool(choice), "the menu has choices that name entries")
    rect = cdp.eval(f"(() => {{ const r = [...document.querySelectorAll('.mc-bot')].pop().querySelector('[data-choice=\"{choice}\"]').getBoundingClientRect();"
                    " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()")
    before = bot_count(cdp)
    for t in ("mousePressed", "mouseReleased"):
        cdp.send("Input.dispatchMouseEvent", type=t, x=rect["x"], y=rect["y"], button="left", clickCount=1)
    got = last_bot(cdp, before)
    check(got["kind"] == "answer" and got["top"] == choice, f"tapping a choice opens {choice} ({got['top']})")

    # Not sure: candidates and the department to call.
    ns = qs["not_sure"]
    want = expected(a.machi, ns)
    open_page(cdp, base, "?lang=" + ns["lang"])
    got = type_and_ask(cdp, ns["text"])
    check(got["kind"] == "not-sure" == want["kind"], f"{ns['text']!r} is not sure ({got['kind']})")
    check(got["contact"] is not None and got["contact"] == want["contact"],
          f"the not-sure reply shows the department to contact ({got['contact']!r} = {want['contact']!r})")
    check((got["tel"] or "").startswith("tel:"), f"with a phone link ({got['tel']})")

    # A question in the URL is answered on load.
    want = expected(a.machi, qs["questions"][0])
    q = qs["questions"][0]
    open_page(cdp, base, "?" + urllib.parse.urlencode({"q": q["text"], "lang": q["lang"]}))
    got = last_bot(cdp, 0)
    check(got["kind"] == want["kind"] and got["top"] == want["top"], f"?q=…&lang=… answers on load ({got['top']})")

    # Screenshots of the widget in Japanese and English.
    os.makedirs(a.screenshots, exist_ok=True)
    cdp.eval("localStorage.clear(), 1")
    for lang, q in (("ja", "粗大ごみを出したいのですが"), ("en", "How do I get rid of an old sofa?")):
        open_page(cdp, base, "?" + urllib.parse.urlencode({"q": q, "lang": lang}))
        last_bot(cdp, 0)
        box = cdp.eval("(() => { const r = document.getElementById('mc-root').getBoundingClientRect();"
                       " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()")
        shot = cdp.send("Page.captureScreenshot", format="png", clip={**box, "scale": 1}, captureBeyondViewport=True)
        png = base64.b64decode(shot["data"])
        with open(os.path.join(a.screenshots, f"web-chat-{lang}.png"), "wb") as f:
            f.write(png)
        check(png.startswith(b"\x89PNG") and len(png) > 10_000, f"screenshot web-chat-{lang}.png ({len(png)} B)")

    # Answer latency in the page: the widget's own call, every question 20 times.
    texts = json.dumps([[q["text"], q["lang"]] for q in qs["questions"]], ensure_ascii=False)
    times = cdp.eval(f"(() => {{ const qs = {texts}; const out = [];"
                     " for (let i = 0; i < 20; i++) for (const [t, l] of qs) {"
                     " const a = performance.now(); window.machiChat.faq.ask(t, l); out.push(performance.now() - a); }"
                     " return out; })()")
    times.sort()
    p95 = times[int(0.95 * len(times)) - 1]
    report["answer_ms"] = {"n": len(times), "p50": statistics.median(times), "p95": p95, "max": times[-1]}

    # The LocalgovFAQ evaluation (BM25), in the browser build and in the CLI.
    if a.localgov:
        cdp.timeout = 600
        js = ("(async () => { const get = async f => new Uint8Array(await (await fetch('_eval/' + f)).arrayBuffer());"
              " const [c, q, r] = await Promise.all(['corpus.json', 'queries.json', 'qrels.json'].map(get));"
              " const a = performance.now(); const rep = JSON.parse(window.machiChat.wasm.eval_localgov(c, q, r));"
              " rep.wall_ms = performance.now() - a; return rep; })()")
        web = cdp.eval(js)
        cli = json.loads(machi(["--json", "eval", "faq",
                                "--corpus", os.path.join(a.localgov, "corpus.json"),
                                "--queries", os.path.join(a.localgov, "queries.json"),
                                "--qrels", os.path.join(a.localgov, "qrels.json")], a.machi))
        metrics = ["queries", "sr1", "sr5", "sr10", "mrr10", "sr1_g2", "sr5_g2", "mrr10_g2"]
        same = all(web.get(k) == cli.get(k) for k in metrics)
        check(same, "LocalgovFAQ in the browser: " + ", ".join(f"{k} {web.get(k)} (cli {cli.get(k)})" for k in metrics))
        runs_same = [r["top10"] for r in web.get("runs", [])] == [r["top10"] for r in cli.get("runs", [])]
        check(runs_same, "every query's top 10 is the CLI's")
        report["eval"] = {k: web.get(k) for k in metrics + ["p50_ms", "p95_ms", "wall_ms"]}
        report["eval_cli"] = {k: cli.get(k) for k in metrics + ["p50_ms", "p95_ms"]}


if __name__ == "__main__":
    main()
