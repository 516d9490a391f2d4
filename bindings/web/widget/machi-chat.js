/* machi town FAQ chat widget. Embed with one tag:
 *   <script src="https://town.example/faq/machi-chat.js" defer></script>
 * It renders into <div id="machi-chat"> when the page has one, otherwise
 * behind a button in the corner. Everything it needs (machi_web.js,
 * machi_web_bg.wasm, faq.json) is fetched from the folder the script came
 * from: no third-party requests, no tracking. Questions the FAQ could not
 * answer surely stay in this browser (localStorage) until exported.
 * `?q=…&lang=…` in the page URL asks a question on load.
 */
(() => {
  "use strict";
  const script = document.currentScript;
  const base = new URL(".", script ? script.src : location.href);
  const LOG_KEY = "machi-chat-unanswered";
  const LANG_KEY = "machi-chat-lang";
  const params = new URLSearchParams(location.search);

  const css = `
.mc{font:inherit;font-size:1rem;line-height:1.6;color:#1a1a1a;background:#fff;border:1px solid #767676;border-radius:.5rem;max-width:42rem;display:flex;flex-direction:column;gap:.75rem;padding:1rem;box-sizing:border-box}
.mc *{box-sizing:border-box}
.mc [hidden]{display:none!important}
.mc h2{font-size:1.35rem;margin:0}
.mc h3{font-size:1.1rem;margin:0 0 .25rem}
.mc p{margin:.25rem 0}
.mc-head{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.mc-small{font-size:.9rem;color:#4a4a4a}
.mc-log{display:flex;flex-direction:column;gap:.75rem;max-height:32rem;overflow-y:auto;padding:.25rem}
.mc-msg{border-radius:.5rem;padding:.6rem .8rem;white-space:pre-line;overflow-wrap:anywhere}
.mc-you{background:#e8f0fe;align-self:flex-end;max-width:85%}
.mc-bot{background:#f3f3f3;align-self:stretch}
.mc-who{display:block;font-size:.85rem;font-weight:700;color:#4a4a4a}
.mc-contact{border-left:.25rem solid #0b5fad;padding-left:.5rem;margin-top:.5rem}
.mc ul{list-style:none;margin:.25rem 0;padding:0;display:flex;flex-direction:column;gap:.35rem}
.mc button,.mc select,.mc input,.mc a.mc-call{font:inherit;font-size:1rem;min-height:2.75rem}
.mc button,.mc a.mc-call{border:1px solid #0b5fad;background:#fff;color:#0b5fad;border-radius:.4rem;padding:.4rem .8rem;cursor:pointer;text-align:start}
.mc a.mc-call{display:inline-block;text-decoration:none;margin-top:.25rem}
.mc button.mc-primary{background:#0b5fad;color:#fff}
.mc button:focus-visible,.mc select:focus-visible,.mc input:focus-visible,.mc a:focus-visible,.mc summary:focus-visible,.mc [aria-selected=true]{outline:3px solid #c45500;outline-offset:2px}
.mc-form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
.mc-combo{flex:1 1 14rem;position:relative;display:flex;flex-direction:column}
.mc input{width:100%;padding:.4rem .6rem;border:1px solid #767676;border-radius:.4rem}
.mc [role=listbox]{border:1px solid #767676;border-radius:.4rem;background:#fff;padding:.25rem}
.mc [role=option]{padding:.35rem .5rem;cursor:pointer;border-radius:.3rem}
.mc summary{cursor:pointer;padding:.6rem 0}
.mc-foot{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.mc-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.mc rt{font-size:.6em}
.mc-launch{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;font-size:1.1rem;min-height:3rem;padding:.5rem 1rem;border-radius:1.5rem;border:0;background:#0b5fad;color:#fff}
.mc-float{position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(42rem,calc(100vw - 2rem));max-height:calc(100vh - 6rem);overflow:auto;box-shadow:0 .25rem 1rem rgba(0,0,0,.3)}
`;

  const el = (tag, attrs = {}, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "on") for (const [ev, f] of Object.entries(v)) e.addEventListener(ev, f);
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const k of kids) if (k !== null && k !== undefined) e.append(k);
    return e;
  };

  let wasm = null, faq = null, lang = "ja", ui = {}, langs = [];
  let root, log, input, listbox, status, cats, count, mode, activeOption = -1;

  // Text with {漢字|かんじ} ruby markup (easy Japanese) as DOM nodes.
  const rich = (text) => {
    const frag = document.createDocumentFragment();
    for (const [b, r] of JSON.parse(wasm.ruby(text || ""))) {
      frag.append(r ? el("ruby", {}, b, el("rp", { text: "(" }), el("rt", { text: r }), el("rp", { text: ")" })) : b);
    }
    return frag;
  };
  const richEl = (tag, text, attrs = {}) => el(tag, attrs, rich(text));
  const s = (id) => ui[id] || id;

  const readLog = () => {
    try { return JSON.parse(localStorage.getItem(LOG_KEY) || "[]"); } catch { return []; }
  };
  const writeLog = (items) => {
    try { localStorage.setItem(LOG_KEY, JSON.stringify(items)); } catch { /* storage off: nothing kept */ }
    showCount();
  };
  const showCount = () => {
    const n = readLog().length;
    count.replaceChildren(rich(faq.count_message("web-log-count", n, lang)));
    count.dataset.count = String(n);
  };

  const scrollDown = (node) => { log.scrollTop = log.scrollHeight; node.scrollIntoView?.({ block: "nearest" }); };

  const youSaid = (text) => {
    const m = el("div", { class: "mc-msg mc-you" }, el("span", { class: "mc-who", text: s("web-you") }), rich(text));
    log.append(m);
  };

  const contactBlock = (c) => {
    if (!c) return null;
    const box = el("div", { class: "mc-contact", "data-contact": c.department }, richEl("p", c.text));
    if (c.phone) {
      const tel = c.phone.replace(/[^0-9+]/g, "");
      box.append(el("a", { class: "mc-call", href: `tel:${tel}` }, `${s("web-call")}: ${c.phone}`));
    }
    return box;
  };

  const entryButton = (id, label) =>
    el("li", {}, el("button", { type: "button", "data-entry": id, on: { click: () => openEntry(id, label) } }, rich(label)));

  const answerCard = (a, related) => {
    const box = el("div", {});
    box.append(richEl("h3", a.question), richEl("p", a.answer));
    if (a.note) box.append(richEl("p", a.note, { class: "mc-small" }));
    const c = contactBlock(a.contact);
    if (c) box.append(c);
    if (related && related.length) {
      box.append(el("p", { class: "mc-small" }, rich(s("web-related"))),
        el("ul", {}, ...related.map((r) => entryButton(r.id, r.question))));
    }
    return box;
  };

  const botSaid = (kind, top, confidence, ms, ...content) => {
    const m = el("div", {
      class: "mc-msg mc-bot", "data-kind": kind, "data-top": top || "",
      "data-confidence": confidence === undefined ? "" : String(confidence), "data-ms": ms === undefined ? "" : ms.toFixed(3),
    }, el("span", { class: "mc-who", text: s("web-bot") }), ...content);
    log.append(m);
    scrollDown(m);
    return m;
  };

  const render = (reply, ms) => {
    const top = reply.answers[0] ? reply.answers[0].id : "";
    const msg = reply.message ? richEl("p", reply.message) : null;
    switch (reply.kind) {
      case "answer":
        return botSaid("answer", top, reply.confidence, ms, answerCard(reply.answers[0], reply.answers.slice(1)));
      case "clarify":
        return botSaid("clarify", top, reply.confidence, ms, msg, el("ul", {}, ...reply.choices.map((c) =>
          el("li", {}, el("button", {
            type: "button", "data-choice": c.entry_id || "", on: { click: () => c.entry_id ? openEntry(c.entry_id, c.label) : ask(c.query) },
          }, rich(c.label))))));
      case "not-sure":
        return botSaid("not-sure", top, reply.confidence, ms, msg,
          el("ul", {}, ...reply.answers.map((a) => entryButton(a.id, a.question))), contactBlock(reply.contact));
      default:
        return botSaid(reply.kind, top, reply.confidence, ms, msg, contactBlock(reply.contact));
    }
  };

  const failed = (e) => botSaid("error", "", undefined, undefined, el("p", { role: "alert" }, rich(String(e && e.message || e))));

  const ask = (text) => {
    text = (text || "").trim();
    if (!text) return null;
    closeList();
    youSaid(text);
    try {
      const a = performance.now();
      const out = JSON.parse(faq.ask(text, lang));
      const ms = performance.now() - a;
      if (out.unanswered) writeLog([...readLog(), { ...out.unanswered, at: new Date().toISOString() }]);
      return render(out.reply, ms);
    } catch (e) {
      return failed(e);
    }
  };

  const openEntry = (id, label) => {
    closeList();
    if (label) youSaid(label);
    try {
      const a = JSON.parse(faq.entry(id, lang));
      return botSaid("answer", a.id, 1, undefined, answerCard(a, []));
    } catch (e) {
      return failed(e);
    }
  };

  // Suggestions while typing: a combobox with a listbox (WAI-ARIA pattern).
  let suggestions = [];
  const closeList = () => {
    suggestions = []; activeOption = -1;
    listbox.replaceChildren(); listbox.hidden = true;
    input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant");
  };
  const suggest = () => {
    const typed = input.value;
    suggestions = typed.trim() ? JSON.parse(faq.suggest(typed, 5, lang)) : [];
    activeOption = -1;
    input.removeAttribute("aria-activedescendant");
    listbox.replaceChildren(...suggestions.map((sg, i) => el("li", {
      id: `mc-opt-${i}`, role: "option", "aria-selected": "false", "data-entry": sg.id,
      on: { mousedown: (ev) => { ev.preventDefault(); pick(i); } },
    }, rich(sg.question))));
    listbox.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
  };
  const highlight = (i) => {
    [...listbox.children].forEach((o, j) => o.setAttribute("aria-selected", j === i ? "true" : "false"));
    activeOption = i;
    if (i >= 0) input.setAttribute("aria-activedescendant", `mc-opt-${i}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const pick = (i) => {
    const sg = suggestions[i];
    if (!sg) return;
    input.value = "";
    openEntry(sg.id, sg.question);
    input.focus();
  };
  const onKey = (ev) => {
    const n = suggestions.length;
    if (ev.key === "ArrowDown" && n) { ev.preventDefault(); highlight((activeOption + 1) % n); }
    else if (ev.key === "ArrowUp" && n) { ev.preventDefault(); highlight((activeOption - 1 + n) % n); }
    else if (ev.key === "Escape") { closeList(); }
    else if (ev.key === "Enter" && activeOption >= 0) { ev.preventDefault(); pick(activeOption); }
  };

  const fillCategories = () => {
    const list = JSON.parse(faq.categories(lang));
    const ul = el("ul", {}, ...list.map((c) => el("li", {}, el("button", {
      type: "button", "data-category": c.id,
      on: { click: () => {
        const items = JSON.parse(faq.browse(c.id, lang));
        youSaid(c.name);
        botSaid("browse", "", undefined, undefined, el("ul", {}, ...items.map((i) => entryButton(i.id, i.question))));
      } },
    }, rich(`${c.name} (${c.count})`)))));
    cats.replaceChildren(el("summary", {}, rich(s("web-categories"))), ul);
  };

  const exportLog = () => {
    const blob = new Blob([JSON.stringify(readLog(), null, 2)], { type: "application/json" });
    const a = el("a", { href: URL.createObjectURL(blob), download: "unanswered-questions.json" });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const applyLang = (tag) => {
    lang = tag;
    try { localStorage.setItem(LANG_KEY, tag); } catch { /* not kept */ }
    ui = JSON.parse(faq.ui(lang));
    const l = langs.find((x) => x.tag === lang);
    root.lang = l ? l.html_lang : "ja";
    root.querySelector("#mc-title").replaceChildren(rich(s("web-title")));
    root.setAttribute("aria-label", wasm.plain(s("web-title")));
    root.querySelector(".mc-intro").replaceChildren(rich(s("web-intro")));
    root.querySelector("#mc-lang-label").replaceChildren(rich(s("web-language")));
    root.querySelector("#mc-q-label").replaceChildren(rich(s("web-input-label")));
    input.placeholder = wasm.plain(s("web-placeholder"));
    root.querySelector(".mc-send").replaceChildren(rich(s("web-send")));
    listbox.setAttribute("aria-label", wasm.plain(s("web-suggestions")));
    log.setAttribute("aria-label", wasm.plain(s("web-bot")));
    const info = JSON.parse(faq.info(lang));
    mode.dataset.mode = info.mode;
    mode.replaceChildren(rich(s("web-mode-bm25")), ` (${info.entries} FAQ · key ${info.key_id})`);
    root.querySelector(".mc-export").replaceChildren(rich(s("web-log-export")));
    root.querySelector(".mc-clear").replaceChildren(rich(s("web-log-clear")));
    fillCategories();
    showCount();
    closeList();
  };

  const build = (host, floating) => {
    const select = el("select", { id: "mc-lang", on: { change: (e) => applyLang(e.target.value) } },
      ...langs.map((l) => el("option", { value: l.tag, lang: l.html_lang, text: l.name })));
    select.value = lang;
    input = el("input", {
      id: "mc-q", type: "text", autocomplete: "off", role: "combobox", "aria-autocomplete": "list",
      "aria-expanded": "false", "aria-controls": "mc-sugg", enterkeyhint: "send",
      on: { input: suggest, keydown: onKey, blur: () => setTimeout(closeList, 150) },
    });
    listbox = el("ul", { id: "mc-sugg", role: "listbox", hidden: true });
    log = el("div", { class: "mc-log", role: "log", "aria-live": "polite", "aria-relevant": "additions" });
    status = el("p", { class: "mc-sr", role: "status", "aria-live": "polite" });
    cats = el("details", { class: "mc-cats" });
    count = el("span", { class: "mc-count mc-small", "aria-live": "polite" });
    mode = el("p", { class: "mc-mode mc-small" });
    root = el("section", { class: floating ? "mc mc-float" : "mc", id: "mc-root" },
      el("div", { class: "mc-head" }, el("h2", { id: "mc-title" }),
        el("div", {}, el("label", { for: "mc-lang", id: "mc-lang-label" }), " ", select)),
      el("p", { class: "mc-intro" }), mode, log,
      el("form", {
        class: "mc-form", role: "search",
        on: { submit: (e) => { e.preventDefault(); const q = input.value; input.value = ""; ask(q); input.focus(); } },
      }, el("div", { class: "mc-combo" }, el("label", { for: "mc-q", id: "mc-q-label" }), input, listbox),
        el("button", { type: "submit", class: "mc-send mc-primary" })),
      cats,
      el("div", { class: "mc-foot" }, count,
        el("button", { type: "button", class: "mc-export", on: { click: exportLog } }),
        el("button", { type: "button", class: "mc-clear", on: { click: () => { writeLog([]); status.replaceChildren(rich(s("web-log-cleared"))); } } })),
      status);
    host.append(root);
  };

  const start = async () => {
    performance.mark("machi-chat-start");
    document.head.append(el("style", { text: css }));
    let host = document.getElementById("machi-chat");
    const floating = !host;
    let launcher = null;
    if (floating) {
      host = el("div", {});
      launcher = el("button", { type: "button", class: "mc-launch", "aria-expanded": "false", "aria-controls": "mc-root" }, "…");
      document.body.append(launcher, host);
    } else {
      host.append(el("p", { class: "mc-loading", role: "status" }, "…"));
    }
    // The module, its glue and the data are fetched at once; the module
    // compiles while it streams in.
    const wasmResponse = fetch(new URL("machi_web_bg.wasm", base));
    const [mod, bytes] = await Promise.all([
      import(new URL("machi_web.js", base).href),
      fetch(new URL("faq.json", base)).then((r) => {
        if (!r.ok) throw new Error(`faq.json: HTTP ${r.status}`);
        return r.arrayBuffer();
      }),
    ]);
    performance.mark("machi-chat-fetched");
    await mod.default({ module_or_path: wasmResponse });
    performance.mark("machi-chat-wasm");
    wasm = mod;
    faq = new mod.TownFaq(new Uint8Array(bytes));
    performance.mark("machi-chat-index");
    langs = JSON.parse(faq.languages());
    let wanted = params.get("lang") || (() => { try { return localStorage.getItem(LANG_KEY); } catch { return null; } })();
    lang = wanted && langs.some((l) => l.tag === wanted) ? wanted : mod.negotiate(JSON.stringify(wanted ? [wanted, ...navigator.languages] : navigator.languages));
    host.querySelector(".mc-loading")?.remove();
    build(host, floating);
    applyLang(lang);
    if (launcher) {
      root.hidden = true;
      launcher.replaceChildren(rich(s("web-open")));
      launcher.addEventListener("click", () => {
        root.hidden = !root.hidden;
        launcher.setAttribute("aria-expanded", root.hidden ? "false" : "true");
        if (!root.hidden) input.focus();
      });
    }
    status.replaceChildren(rich(s("web-ready")));
    root.dataset.ready = "true";
    // Milliseconds from the start of navigation (the page load) to ready.
    const readyMs = performance.now();
    // For the town's own tests and measurements (see scripts/test-web.sh).
    window.machiChat = { readyMs, faq, wasm, ask: (q, l) => JSON.parse(faq.ask(q, l || lang)), lang: () => lang };
    const q = params.get("q");
    if (q) ask(q);
  };

  const go = () => start().catch((e) => {
    const host = document.getElementById("machi-chat") || document.body;
    host.append(el("p", { role: "alert", class: "mc-error" }, `machi chat: ${e && e.message || e}`));
    window.machiChat = { error: String(e && e.message || e) };
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go);
  else go();
})();
