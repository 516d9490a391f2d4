### machi 各部分共用的詞語和格式：單位、日期、時間、相對時間、列舉和介面常用詞。

## 時長

common-duration-minutes = { $minutes }分鐘
common-duration-hours = { $hours }小時
common-duration-hours-minutes = { $hours }小時{ $minutes }分鐘

## 距離

common-distance-m = { $metres }公尺
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
common-date = { $month }月{ $day }日 { $weekday ->
        [1] 週一
        [2] 週二
        [3] 週三
        [4] 週四
        [5] 週五
        [6] 週六
       *[7] 週日
    }
common-date-with-year = { NUMBER($year, useGrouping: "false") }年{ $month }月{ $day }日 { $weekday ->
        [1] 週一
        [2] 週二
        [3] 週三
        [4] 週四
        [5] 週五
        [6] 週六
       *[7] 週日
    }

## 時刻：繁體中文習慣以上午／下午表示

common-time-clock = 12h
common-time-24h = { $hour }:{ NUMBER($minute, minimumIntegerDigits: 2) }
common-time-12h = { $period ->
        [am] 上午
       *[pm] 下午
    }{ $hour }:{ NUMBER($minute, minimumIntegerDigits: 2) }

## 相對時間

common-relative-now = 現在
common-relative-in-minutes = { $minutes }分鐘後
common-relative-minutes-ago = { $minutes }分鐘前
common-relative-in-hours = { $hours }小時後
common-relative-hours-ago = { $hours }小時前
common-relative-in-days = { $days }天後
common-relative-days-ago = { $days }天前
common-today = 今天
common-tomorrow = 明天
common-yesterday = 昨天

## 列舉

common-list-two = { $first }和{ $second }
common-list-middle = { $first }、{ $second }
common-list-end = { $first }和{ $second }

## 語言名稱

common-lang-name = { $lang ->
        [ja] 日語
        [ja-yasasii] 簡易日語
        [en] 英語
        [zh-Hans] 簡體中文
        [zh-Hant] 繁體中文
       *[ko] 韓語
    }
# 內容尚未翻譯成讀者語言時顯示。
common-shown-in-lang = 以{ $lang ->
        [ja] 日語
        [ja-yasasii] 簡易日語
        [en] 英語
        [zh-Hans] 簡體中文
        [zh-Hant] 繁體中文
       *[ko] 韓語
    }顯示

## 數量

common-results = { $count ->
        [0] 沒有結果
       *[other] { $count }個結果
    }

## 介面常用詞

common-ok = 確定
common-cancel = 取消
common-close = 關閉
common-back = 返回
common-retry = 重試
common-search = 搜尋
common-settings = 設定
common-language = 語言
common-loading = 載入中…
common-more = 更多
common-share = 分享
common-map = 地圖
common-call = 撥打電話
common-yes = 是
common-no = 否
common-offline-banner = 目前處於離線狀態，正在顯示已儲存的資訊。
common-updated-at = 更新於{ $when }
