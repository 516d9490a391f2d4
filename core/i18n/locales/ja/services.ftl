### 住民の用事のための画面（Android・iOS）：「くらし」タブのごみ分別、
### ライフイベント後の手続き、受けられるサービスの判定。内容はコアから届きます。

ui-tab-services = くらし
ui-services-garbage = ごみの分別
ui-services-garbage-hint = 品目ごとの出し方と収集日
ui-services-procedures = ライフイベントの手続き
ui-services-procedures-hint = 出生・引っ越し・死亡のあとに必要な手続きと期限
ui-services-benefits = 受けられるサービス
ui-services-benefits-hint = いくつかの質問に答えてください。回答はこの端末の中だけに残ります。
ui-services-back = くらしに戻る

## ごみの分別

ui-garbage-search = 捨てたいもの
ui-garbage-search-hint = 例：傘、かさ、umbrella
ui-garbage-area = お住まいの地区
ui-garbage-lookup = 調べる
ui-garbage-how = 出し方
ui-garbage-next = { $area }の次の収集日：{ $date }
ui-garbage-no-schedule = { $area }では定期の収集日はありません。
ui-garbage-none = 「{ $query }」は見つかりませんでした。別の名前で探すか、市にお問い合わせください。

## 手続きとチェックリスト

ui-procedures-events = ライフイベント
ui-procedures-event-date = できごとの日
ui-procedures-start = チェックリストを作る
ui-procedures-my-checklists = わたしのチェックリスト
ui-procedures-checklist-row = { $event }（{ $date }）
ui-procedures-remove = このチェックリストを削除
ui-procedures-mark-done = 「{ $name }」を済みにする
ui-procedures-mark-undone = 「{ $name }」を未完了に戻す
ui-procedures-open-online = オンラインで手続き
ui-procedures-details = 手続きの詳細
ui-procedures-none = チェックリストはまだありません。ライフイベントと日付を選んでください。
ui-procedures-invalid-date = 日付は「年-月-日」の形で入力してください（例：2026-12-01）。

## 受けられるサービスの判定

ui-benefits-questions = いくつかの質問
ui-benefits-yes = はい
ui-benefits-no = いいえ
ui-benefits-skip = 答えない
ui-benefits-numbers-hint = 複数の数はカンマで区切ってください（例：1, 4）
ui-benefits-check = 受けられるサービスを見る
ui-benefits-results = 受けられる可能性のあるサービス
ui-benefits-reset = 最初からやり直す
ui-benefits-invalid-number = { $min }から{ $max }までの整数を入力してください。
ui-benefits-invalid-numbers = { $min }から{ $max }までの整数を、カンマで区切って入力してください。
ui-benefits-invalid-date = 日付は「年-月-日」の形で入力してください（例：2026-04-01）。
ui-benefits-invalid-choice = 答えを一つ選んでください。

## 質問

ui-ask-procedure = この手続きについて
