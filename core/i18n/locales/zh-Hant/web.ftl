## 市町網站上的聊天機器人（machi web build）的介面文字。

web-title = 向{ $town }提問
web-intro = 可以用您的語言詢問手續、垃圾、證明等問題。回答來自本市的官方常見問題。
web-input-label = 您的問題
web-placeholder = 例：大型垃圾怎麼丟？
web-send = 提問
web-suggestions = 推薦的問題
web-categories = 依類別瀏覽
web-language = 語言
web-mode-bm25 = 答案由本瀏覽器中的關鍵字檢索找到（FAQ 資料包第 { $version } 版）。您輸入的內容不會離開本頁面。
web-related = 相關問題
web-you = 您
web-bot = 市政常見問題
web-call = 撥打電話
web-log-count = 本瀏覽器中儲存了 { $count } 個沒有確定答案的問題。
web-log-export = 匯出未解答的問題
web-log-clear = 清除清單
web-log-cleared = 未解答問題的清單已清除。
web-loading = 正在載入常見問題…
web-ready = 準備就緒，請輸入您的問題。
web-open = 向市公所提問
web-close = 關閉
web-error-no-entry = 沒有常見問題條目 { $id }。

## machi web build（發布方）
web-cli-built = 網站聊天機器人已寫入 { $dir }：資料包第 { $version } 版，{ $entries } 條常見問題，{ $kb } KB (gzip)。用以下指令提供服務：machi serve { $dir }
web-cli-no-wasm = 沒有聊天機器人的 WebAssembly 建置。請執行 scripts/build-web.sh，並以 --wasm DIR 傳入它輸出的資料夾（或設定 MACHI_WEB_WASM_DIR）。
web-cli-bad-wasm = { $file } 不是 WebAssembly 模組。請重新執行 scripts/build-web.sh。
