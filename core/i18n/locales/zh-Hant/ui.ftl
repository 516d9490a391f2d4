### 手機應用程式（Android、iOS）的介面框架：分頁、按鈕、標題以及
### TalkBack／VoiceOver 朗讀標籤。

## 分頁

ui-tab-explore = 景點
ui-tab-course = 路線
ui-tab-alerts = 防災資訊
ui-tab-ask = 詢問
ui-tab-settings = 設定

## 景點

ui-explore-spots = 觀光景點
ui-explore-events = 近期活動
ui-explore-all-tags = 全部
ui-explore-filter = 只看：{ $tag }
ui-spot-visit-time = 遊覽時間：約{ $duration }
ui-spot-row = { $name }，距此{ $distance }

## 防災資訊

ui-alerts-empty = 您所在地區目前沒有發布資訊。
ui-alerts-history = 顯示過去的資訊
ui-alerts-new = 新資訊：{ $title }
ui-alerts-shelters = 附近適用的避難場所
ui-alerts-walk = 步行{ $minutes }分鐘
ui-alerts-read-aloud = 朗讀
ui-alerts-unread = { $count }則未讀

## 詢問

ui-ask-placeholder = 詢問市政手續
ui-ask-send = 傳送
ui-ask-helpful = 有幫助
ui-ask-not-helpful = 沒有幫助
ui-ask-thanks = 感謝您的回饋，我們將用於改進回答。
ui-ask-contact = 洽詢窗口：{ $department }

## 設定

ui-settings-language = 語言
ui-settings-follow-device = 與本機設定相同
ui-settings-text-size = 文字大小
ui-settings-text-size-value = { $percent }%
ui-settings-places = 我的地點
ui-settings-places-hint = 即使不在當地，也會顯示這些地點的資訊。
ui-settings-add-place = 新增地點
ui-settings-place-name = 名稱（例如：家）
ui-settings-remove-place = 刪除{ $name }
ui-settings-sync = 市政資訊
ui-settings-sync-now = 立即更新
ui-settings-sync-cancel = 停止更新
ui-settings-pack-current = 版本 { $version }，市政府的簽章擔保至 { $date }。
ui-settings-pack-stale = 此資訊可能已過時：市政府的簽章已於 { $date } 到期，且尚未收到新版本。請在連網時更新。
ui-settings-pack-built-in = 版本 { $version }，App 內建的範例城市。

## 更新進度

ui-sync-phase-manifest = 正在檢查新資訊…
ui-sync-phase-download = 正在下載… { $percent }%
ui-sync-phase-verify = 正在驗證下載內容…
ui-sync-phase-import = 正在儲存… { $percent }%
ui-sync-phase-done = 完成
ui-sync-updated = 市政資訊已更新為最新。
ui-sync-up-to-date = 已是最新資訊。

## Course (request form and timeline)

ui-course-date = 日期
ui-course-start-time = 出發時間
ui-course-hours = 可用時間（小時）
ui-course-mode = 交通方式
ui-course-pace = 步調
ui-course-pace-relaxed = 悠閒
ui-course-pace-normal = 一般
ui-course-pace-packed = 緊湊
ui-course-interests = 興趣
ui-course-plan = 推薦路線
ui-course-remove-stop = 移除{ $name }
ui-course-lock-stop = 保留{ $name }
ui-course-congestion = 交通注意事項
ui-course-stop-row = { $name }，{ $arrival }至{ $leave }
ui-course-taxi-budget = 計程車預算
ui-course-taxi-none = 不搭計程車
ui-course-bicycle-rental = 租自行車
ui-course-max-walk = 最長步行
ui-course-max-walk-any = 不限
ui-course-ride = { $depart } { $from } → { $arrive } { $to }
ui-course-yen = { $yen }日圓
