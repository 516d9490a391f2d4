### machi 全体で使う語と書式：単位、日付、時刻、相対時間、列挙、UI の共通語。

## 所要時間

common-duration-minutes = { $minutes }分
common-duration-hours = { $hours }時間
common-duration-hours-minutes = { $hours }時間{ $minutes }分

## 距離

common-distance-m = { $metres }m
common-distance-km = { $km }km

## 日付（$weekday: 1 = 月曜 … 7 = 日曜）

common-weekday = { $weekday ->
        [1] 月曜日
        [2] 火曜日
        [3] 水曜日
        [4] 木曜日
        [5] 金曜日
        [6] 土曜日
       *[7] 日曜日
    }
common-date = { $month }月{ $day }日({ $weekday ->
        [1] 月
        [2] 火
        [3] 水
        [4] 木
        [5] 金
        [6] 土
       *[7] 日
    })
common-date-with-year = { NUMBER($year, useGrouping: "false") }年{ $month }月{ $day }日({ $weekday ->
        [1] 月
        [2] 火
        [3] 水
        [4] 木
        [5] 金
        [6] 土
       *[7] 日
    })

## 時刻：日本語は24時間制（12時間制の形では正午を午後0時と書く）

common-time-clock = 24h
common-time-24h = { $hour }:{ NUMBER($minute, minimumIntegerDigits: 2) }
common-time-12h = { $period ->
        [am] 午前
       *[pm] 午後
    }{ $hour ->
        [12] 0
       *[other] { $hour }
    }:{ NUMBER($minute, minimumIntegerDigits: 2) }

## 相対時間

common-relative-now = 今
common-relative-in-minutes = { $minutes }分後
common-relative-minutes-ago = { $minutes }分前
common-relative-in-hours = { $hours }時間後
common-relative-hours-ago = { $hours }時間前
common-relative-in-days = { $days }日後
common-relative-days-ago = { $days }日前
common-today = 今日
common-tomorrow = 明日
common-yesterday = 昨日

## 列挙

common-list-two = { $first }、{ $second }
common-list-middle = { $first }、{ $second }
common-list-end = { $first }、{ $second }

## 言語名

common-lang-name = { $lang ->
        [ja] 日本語
        [ja-yasasii] やさしい日本語
        [en] 英語
        [zh-Hans] 中国語（簡体字）
        [zh-Hant] 中国語（繁体字）
       *[ko] 韓国語
    }
# 読者の言語に未翻訳の内容に付ける表示。
common-shown-in-lang = { $lang ->
        [ja] 日本語
        [ja-yasasii] やさしい日本語
        [en] 英語
        [zh-Hans] 中国語（簡体字）
        [zh-Hant] 中国語（繁体字）
       *[ko] 韓国語
    }で表示しています

## 件数

common-results = { $count ->
        [0] 該当なし
       *[other] { $count }件
    }

## UI の共通語

common-ok = OK
common-cancel = キャンセル
common-close = 閉じる
common-back = 戻る
common-retry = 再試行
common-search = 検索
common-settings = 設定
common-language = 言語
common-loading = 読み込み中…
common-more = もっと見る
common-share = 共有
common-map = 地図
common-call = 電話する
common-yes = はい
common-no = いいえ
common-offline-banner = オフラインです。保存済みの情報を表示しています。
common-updated-at = { $when }に更新
