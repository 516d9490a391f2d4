### machi 各部分共用的词语和格式：单位、日期、时间、相对时间、列举和界面常用词。

## 时长

common-duration-minutes = { $minutes }分钟
common-duration-hours = { $hours }小时
common-duration-hours-minutes = { $hours }小时{ $minutes }分钟

## 距离

common-distance-m = { $metres }米
common-distance-km = { $km }公里

## 日期（$weekday：1 = 星期一 … 7 = 星期日）

common-weekday = { $weekday ->
        [1] 星期一
        [2] 星期二
        [3] 星期三
        [4] 星期四
        [5] 星期五
        [6] 星期六
       *[7] 星期日
    }
common-date = { $month }月{ $day }日{ $weekday ->
        [1] 周一
        [2] 周二
        [3] 周三
        [4] 周四
        [5] 周五
        [6] 周六
       *[7] 周日
    }
common-date-with-year = { NUMBER($year, useGrouping: "false") }年{ $month }月{ $day }日{ $weekday ->
        [1] 周一
        [2] 周二
        [3] 周三
        [4] 周四
        [5] 周五
        [6] 周六
       *[7] 周日
    }

## 时刻：简体中文习惯用24小时制

common-time-clock = 24h
common-time-24h = { $hour }:{ NUMBER($minute, minimumIntegerDigits: 2) }
common-time-12h = { $period ->
        [am] 上午
       *[pm] 下午
    }{ $hour }:{ NUMBER($minute, minimumIntegerDigits: 2) }

## 相对时间

common-relative-now = 现在
common-relative-in-minutes = { $minutes }分钟后
common-relative-minutes-ago = { $minutes }分钟前
common-relative-in-hours = { $hours }小时后
common-relative-hours-ago = { $hours }小时前
common-relative-in-days = { $days }天后
common-relative-days-ago = { $days }天前
common-today = 今天
common-tomorrow = 明天
common-yesterday = 昨天

## 列举

common-list-two = { $first }和{ $second }
common-list-middle = { $first }、{ $second }
common-list-end = { $first }和{ $second }

## 语言名称

common-lang-name = { $lang ->
        [ja] 日语
        [ja-yasasii] 简易日语
        [en] 英语
        [zh-Hans] 简体中文
        [zh-Hant] 繁体中文
       *[ko] 韩语
    }
# 内容尚未翻译成读者语言时显示。
common-shown-in-lang = 以{ $lang ->
        [ja] 日语
        [ja-yasasii] 简易日语
        [en] 英语
        [zh-Hans] 简体中文
        [zh-Hant] 繁体中文
       *[ko] 韩语
    }显示

## 数量

common-results = { $count ->
        [0] 没有结果
       *[other] { $count }个结果
    }

## 界面常用词

common-ok = 确定
common-cancel = 取消
common-close = 关闭
common-back = 返回
common-retry = 重试
common-search = 搜索
common-settings = 设置
common-language = 语言
common-loading = 正在加载…
common-more = 更多
common-share = 分享
common-map = 地图
common-call = 拨打电话
common-yes = 是
common-no = 否
common-offline-banner = 当前处于离线状态，正在显示已保存的信息。
common-updated-at = 更新于{ $when }
