### 手机应用（Android、iOS）的界面框架：标签、按钮、标题以及
### TalkBack／VoiceOver 朗读标签。

## 标签

ui-tab-explore = 景点
ui-tab-course = 路线
ui-tab-alerts = 防灾信息
ui-tab-ask = 咨询
ui-tab-settings = 设置

## 景点

ui-explore-spots = 观光景点
ui-explore-events = 近期活动
ui-explore-all-tags = 全部
ui-explore-filter = 只看：{ $tag }
ui-spot-visit-time = 游览时间：约{ $duration }
ui-spot-row = { $name }，距此{ $distance }

## 防灾信息

ui-alerts-empty = 您所在地区目前没有发布信息。
ui-alerts-history = 显示过去的信息
ui-alerts-new = 新信息：{ $title }
ui-alerts-shelters = 附近适用的避难场所
ui-alerts-walk = 步行{ $minutes }分钟
ui-alerts-read-aloud = 朗读
ui-alerts-unread = { $count }条未读

## 咨询

ui-ask-placeholder = 咨询市政手续
ui-ask-send = 发送
ui-ask-helpful = 有帮助
ui-ask-not-helpful = 没有帮助
ui-ask-thanks = 感谢您的反馈，我们将用于改进回答。
ui-ask-contact = 咨询窗口：{ $department }

## 设置

ui-settings-language = 语言
ui-settings-follow-device = 与本机设置相同
ui-settings-text-size = 文字大小
ui-settings-text-size-value = { $percent }%
ui-settings-places = 我的地点
ui-settings-places-hint = 即使不在当地，也会显示这些地点的信息。
ui-settings-add-place = 添加地点
ui-settings-place-name = 名称（例如：家）
ui-settings-remove-place = 删除{ $name }
ui-settings-sync = 市政信息
ui-settings-sync-now = 立即更新
ui-settings-sync-cancel = 停止更新
ui-settings-pack-current = 版本 { $version }，市政府的签名担保至 { $date }。
ui-settings-pack-stale = 此信息可能已过时：市政府的签名已于 { $date } 过期，且尚未收到新版本。请在联网时更新。
ui-settings-pack-built-in = 版本 { $version }，应用内置的示例城市。

## 更新进度

ui-sync-phase-manifest = 正在检查新信息…
ui-sync-phase-download = 正在下载… { $percent }%
ui-sync-phase-verify = 正在校验下载内容…
ui-sync-phase-import = 正在保存… { $percent }%
ui-sync-phase-done = 完成
ui-sync-updated = 市政信息已更新到最新。
ui-sync-up-to-date = 已是最新信息。

## Course (request form and timeline)

ui-course-date = 日期
ui-course-start-time = 出发时间
ui-course-hours = 可用时间（小时）
ui-course-mode = 出行方式
ui-course-pace = 节奏
ui-course-pace-relaxed = 悠闲
ui-course-pace-normal = 普通
ui-course-pace-packed = 紧凑
ui-course-interests = 兴趣
ui-course-plan = 推荐路线
ui-course-remove-stop = 移除{ $name }
ui-course-lock-stop = 保留{ $name }
ui-course-congestion = 交通注意事项
ui-course-stop-row = { $name }，{ $arrival }至{ $leave }
ui-course-taxi-budget = 出租车预算
ui-course-taxi-none = 不坐出租车
ui-course-bicycle-rental = 租自行车
ui-course-max-walk = 最长步行
ui-course-max-walk-any = 不限
ui-course-ride = { $depart } { $from } → { $arrive } { $to }
ui-course-yen = { $yen }日元
