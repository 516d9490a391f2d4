### 同步：透過網路更新內容包與通知。

sync-phase-manifest = 正在檢查更新
sync-phase-download = 正在下載
sync-phase-verify = 正在驗證下載內容
sync-phase-import = 正在儲存
sync-phase-done = 完成
sync-not-modified = 自上次檢查以來沒有變更。
sync-up-to-date = 內容已是最新（版本 { $version }）。
sync-applied-full = 已更新至版本 { $version }（下載 { $kb } KB）。
sync-applied-delta = 已從版本 { $from } 更新至 { $version }（僅變更部分，下載 { $kb } KB）。
sync-error-rollback = 伺服器提供的內容（版本 { $offered }）比本機的（版本 { $installed }）舊，未做任何變更。
sync-error-wrong-town = 此更新屬於其他市町村，未做任何變更。
sync-error-bad-signature = 此更新沒有發布者的有效簽章，未做任何變更。
sync-error-insecure-url = 更新只能使用安全的（https）網址。
sync-error-too-large = 下載內容超過宣告的大小，已停止。未做任何變更。
sync-serve-listening = 正在 { $url } 提供 { $dir }（按 Ctrl+C 停止）。
sync-notices-new = 新通知：{ $count }
