### スマートフォンアプリ（Android・iOS）の画面枠：タブ名、ボタン、見出し、
### TalkBack／VoiceOver の読み上げラベル。

## タブ

ui-tab-explore = 見どころ
ui-tab-course = コース
ui-tab-alerts = 防災情報
ui-tab-ask = 質問
ui-tab-settings = 設定

## 見どころ

ui-explore-spots = 観光スポット
ui-explore-events = これからのイベント
ui-explore-all-tags = すべて
ui-explore-filter = 絞り込み：{ $tag }
ui-spot-visit-time = 所要時間：約{ $duration }
ui-spot-row = { $name }、ここから{ $distance }

## 防災情報

ui-alerts-empty = お住まいの地域に出ている情報はありません。
ui-alerts-history = 過去の情報も表示
ui-alerts-new = 新しい情報：{ $title }
ui-alerts-shelters = 近くの避難場所（この災害に対応）
ui-alerts-walk = 徒歩{ $minutes }分
ui-alerts-read-aloud = 読み上げ
ui-alerts-unread = 未読 { $count }件

## 質問

ui-ask-placeholder = 市の手続きについて質問する
ui-ask-send = 送信
ui-ask-helpful = 役に立った
ui-ask-not-helpful = 役に立たなかった
ui-ask-thanks = ご協力ありがとうございます。回答の改善に使います。
ui-ask-contact = 問い合わせ先：{ $department }

## 設定

ui-settings-language = 言語
ui-settings-follow-device = 端末の設定に合わせる
ui-settings-text-size = 文字の大きさ
ui-settings-text-size-value = { $percent }％
ui-settings-places = 登録した場所
ui-settings-places-hint = 登録した場所の情報は、離れていても表示します。
ui-settings-add-place = 場所を追加
ui-settings-place-name = 名前（例：自宅）
ui-settings-remove-place = { $name }を削除
ui-settings-sync = 市の情報
ui-settings-sync-now = 今すぐ更新
ui-settings-sync-cancel = 更新を中止
ui-settings-pack-current = バージョン { $version }（{ $date }まで市の署名で確認済み）
ui-settings-pack-stale = この情報は古い可能性があります。市の署名の有効期限（{ $date }）が過ぎ、新しい版が届いていません。オンラインのときに更新してください。
ui-settings-pack-built-in = バージョン { $version }（アプリに内蔵のサンプルの市）

## 更新の進み具合

ui-sync-phase-manifest = 新しい情報を確認しています…
ui-sync-phase-download = ダウンロード中… { $percent }％
ui-sync-phase-verify = ダウンロードした内容を確認しています…
ui-sync-phase-import = 保存中… { $percent }％
ui-sync-phase-done = 完了
ui-sync-updated = 市の情報を最新にしました。
ui-sync-up-to-date = すでに最新の情報です。

## Course (request form and timeline)

ui-course-date = 日付
ui-course-start-time = 出発時刻
ui-course-hours = 使える時間
ui-course-mode = 移動手段
ui-course-pace = ペース
ui-course-pace-relaxed = ゆっくり
ui-course-pace-normal = ふつう
ui-course-pace-packed = たくさん回る
ui-course-interests = 興味
ui-course-plan = コースを提案
ui-course-remove-stop = { $name }を外す
ui-course-lock-stop = { $name }を残す
ui-course-congestion = 混雑・交通の注意
ui-course-stop-row = { $name }、{ $arrival }から{ $leave }まで
ui-course-taxi-budget = タクシーの予算
ui-course-taxi-none = タクシーなし
ui-course-bicycle-rental = レンタサイクルを使う
ui-course-max-walk = 徒歩の上限
ui-course-max-walk-any = 指定なし
ui-course-ride = { $depart } { $from } → { $arrive } { $to }
ui-course-yen = { $yen }円
