## {町|まち}の ウェブサイトの チャットボット（machi web build）。

web-title = { $town }に {質問|しつもん}する
web-intro = {手続|てつづ}き、ごみ、{証明書|しょうめいしょ}などを {聞|き}くことが できます。{答|こた}えは {市|し}の FAQから {出|で}ます。
web-input-label = {質問|しつもん}
web-placeholder = れい：{大|おお}きい ごみの {出|だ}しかた
web-send = {聞|き}く
web-suggestions = {質問|しつもん}の れい
web-categories = {分野|ぶんや}から さがす
web-language = ことば
web-mode-bm25 = この ブラウザーの {中|なか}で ことばを さがして {答|こた}えを {出|だ}します（FAQ {第|だい}{ $version }{版|はん}）。{書|か}いた ことは ほかへ {送|おく}りません。
web-related = {関係|かんけい}の ある {質問|しつもん}
web-you = あなた
web-bot = {市|し}の FAQ
web-call = {電話|でんわ}する
web-log-count = {答|こた}えが わからなかった {質問|しつもん}が { $count }こ この ブラウザーに あります。
web-log-export = {答|こた}えが わからなかった {質問|しつもん}を {出|だ}す
web-log-clear = {消|け}す
web-log-cleared = {答|こた}えが わからなかった {質問|しつもん}を {消|け}しました。
web-loading = FAQを {読|よ}んでいます…
web-ready = {質問|しつもん}を {書|か}いてください。
web-open = {市|し}に {聞|き}く
web-close = {閉|と}じる
web-error-no-entry = FAQの { $id }は ありません。

## machi web build
web-cli-built = ウェブサイトの チャットボットを { $dir }に {作|つく}りました：パック {第|だい}{ $version }{版|はん}、FAQ { $entries }こ、{ $kb } KB (gzip)。{見|み}るには：machi serve { $dir }
web-cli-no-wasm = チャットボットの WebAssembly が ありません。scripts/build-web.sh を {動|うご}かして、{出|で}た フォルダーを --wasm DIR で {書|か}いてください（MACHI_WEB_WASM_DIR でも できます）。
web-cli-bad-wasm = { $file }は WebAssembly では ありません。もう {一度|いちど} scripts/build-web.sh を {動|うご}かしてください。
