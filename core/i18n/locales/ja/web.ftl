## 町のウェブサイトのチャットボット（machi web build）の表示。
## $town は町の名前、$version はパックの版、$count は数。

web-title = { $town }に質問する
web-intro = 手続き、ごみ、証明書などについて質問できます。答えは市の公式FAQから表示します。
web-input-label = 質問
web-placeholder = 例：粗大ごみの出し方
web-send = 質問する
web-suggestions = 質問の候補
web-categories = 分野から探す
web-language = 言語
web-mode-bm25 = このブラウザーの中でキーワード検索により答えを探しています（FAQパック 第{ $version }版）。入力した内容はこのページの外に送られません。
web-related = 関連する質問
web-you = あなた
web-bot = 市のFAQ
web-call = 電話する
web-log-count = 確かな答えのなかった質問が{ $count }件、このブラウザーに保存されています。
web-log-export = 答えのなかった質問を書き出す
web-log-clear = 一覧を消す
web-log-cleared = 答えのなかった質問の一覧を消しました。
web-loading = FAQを読み込んでいます…
web-ready = 準備ができました。質問を入力してください。
web-open = 市に質問する
web-close = 閉じる
web-error-no-entry = FAQ項目 { $id } はありません。

## machi web build（発行者向け）
web-cli-built = ウェブサイト用チャットボットを { $dir } に書き出しました：パック 第{ $version }版、FAQ { $entries }件、{ $kb } KB (gzip)。表示するには：machi serve { $dir }
web-cli-no-wasm = チャットボットの WebAssembly ビルドがありません。scripts/build-web.sh を実行し、表示されたフォルダーを --wasm DIR で指定してください（または MACHI_WEB_WASM_DIR を設定）。
web-cli-bad-wasm = { $file } は WebAssembly モジュールではありません。scripts/build-web.sh をもう一度実行してください。
