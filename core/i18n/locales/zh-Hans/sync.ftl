### 同步：通过网络更新内容包和通知。

sync-phase-manifest = 正在检查更新
sync-phase-download = 正在下载
sync-phase-verify = 正在校验下载内容
sync-phase-import = 正在保存
sync-phase-done = 完成
sync-not-modified = 自上次检查以来没有变化。
sync-up-to-date = 内容已是最新（版本 { $version }）。
sync-applied-full = 已更新到版本 { $version }（下载 { $kb } KB）。
sync-applied-delta = 已从版本 { $from } 更新到 { $version }（仅变更部分，下载 { $kb } KB）。
sync-error-rollback = 服务器提供的内容（版本 { $offered }）比本机的（版本 { $installed }）旧，未做任何更改。
sync-error-wrong-town = 此更新属于其他市町村，未做任何更改。
sync-error-bad-signature = 此更新没有发布者的有效签名，未做任何更改。
sync-error-insecure-url = 更新只能使用安全的（https）地址。
sync-error-too-large = 下载内容超过了声明的大小，已停止。未做任何更改。
sync-serve-listening = 正在 { $url } 提供 { $dir }（按 Ctrl+C 停止）。
sync-notices-new = 新通知：{ $count }
