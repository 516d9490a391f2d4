## 市町网站上的聊天机器人（machi web build）的界面文字。

web-title = 向{ $town }提问
web-intro = 可以用您的语言询问手续、垃圾、证明等问题。回答来自本市的官方常见问题。
web-input-label = 您的问题
web-placeholder = 例：大件垃圾怎么扔？
web-send = 提问
web-suggestions = 推荐的问题
web-categories = 按类别浏览
web-language = 语言
web-mode-bm25 = 答案由本浏览器中的关键词检索找到（FAQ 数据包第 { $version } 版）。您输入的内容不会离开本页面。
web-related = 相关问题
web-you = 您
web-bot = 市政常见问题
web-call = 拨打电话
web-log-count = 本浏览器中保存了 { $count } 个没有确定答案的问题。
web-log-export = 导出未解答的问题
web-log-clear = 清空列表
web-log-cleared = 未解答问题的列表已清空。
web-loading = 正在加载常见问题…
web-ready = 准备就绪，请输入您的问题。
web-open = 向市政府提问
web-close = 关闭
web-error-no-entry = 没有常见问题条目 { $id }。

## machi web build（发布方）
web-cli-built = 网站聊天机器人已写入 { $dir }：数据包第 { $version } 版，{ $entries } 条常见问题，{ $kb } KB (gzip)。用以下命令提供服务：machi serve { $dir }
web-cli-no-wasm = 没有聊天机器人的 WebAssembly 构建。请运行 scripts/build-web.sh，并用 --wasm DIR 传入它输出的文件夹（或设置 MACHI_WEB_WASM_DIR）。
web-cli-bad-wasm = { $file } 不是 WebAssembly 模块。请重新运行 scripts/build-web.sh。
