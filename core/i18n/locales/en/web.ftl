## The town's website chatbot (machi web build): the widget's own strings.
## $town is the town's name, $version the pack version, $count a number.

web-title = Ask { $town }
web-intro = Ask about procedures, garbage, certificates and more, in your language. Answers come from the town's official FAQ.
web-input-label = Your question
web-placeholder = e.g. How do I put out bulky waste?
web-send = Ask
web-suggestions = Suggested questions
web-categories = Browse by topic
web-language = Language
web-mode-bm25 = Answers are found by keyword search in this browser (FAQ pack version { $version }). Nothing you type leaves this page.
web-related = Related questions
web-you = You
web-bot = Town FAQ
web-call = Call
web-log-count = { $count ->
        [one] One question without a sure answer is saved in this browser.
       *[other] { $count } questions without a sure answer are saved in this browser.
    }
web-log-export = Export unanswered questions
web-log-clear = Clear the list
web-log-cleared = The list of unanswered questions was cleared.
web-loading = Loading the FAQ…
web-ready = Ready. Type your question.
web-open = Ask the town
web-close = Close
web-error-no-entry = There is no FAQ entry { $id }.

## machi web build (publisher side)
web-cli-built = Wrote the website chatbot to { $dir }: pack version { $version }, { $entries } FAQ entries, { $kb } KB (gzip). Serve it with: machi serve { $dir }
web-cli-no-wasm = No WebAssembly build of the chatbot. Run scripts/build-web.sh and pass the folder it prints with --wasm DIR (or set MACHI_WEB_WASM_DIR).
web-cli-bad-wasm = { $file } is not a WebAssembly module. Run scripts/build-web.sh again.
