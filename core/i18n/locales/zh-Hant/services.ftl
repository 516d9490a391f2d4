### 居民辦事的畫面（Android、iOS）：「生活」分頁中的垃圾分類、人生大事後的手續、可享有服務的判定。

ui-tab-services = 生活
ui-services-garbage = 垃圾分類
ui-services-garbage-hint = 各類物品怎麼丟、哪天收
ui-services-procedures = 人生大事後的手續
ui-services-procedures-hint = 出生、搬家、死亡之後要辦的手續和期限
ui-services-benefits = 可以享有的服務
ui-services-benefits-hint = 請回答幾個問題。您的回答只保存在這支手機裡。
ui-services-back = 返回生活

## 垃圾分類

ui-garbage-search = 要丟的東西
ui-garbage-search-hint = 例如：雨傘、かさ、umbrella
ui-garbage-area = 您居住的地區
ui-garbage-lookup = 查詢
ui-garbage-how = 丟法
ui-garbage-next = { $area }下次收集：{ $date }
ui-garbage-no-schedule = { $area }沒有固定的收集日。
ui-garbage-none = 找不到「{ $query }」。請換個名稱，或向市公所洽詢。

## 手續和清單

ui-procedures-events = 人生大事
ui-procedures-event-date = 事情發生的日期
ui-procedures-start = 產生我的清單
ui-procedures-my-checklists = 我的清單
ui-procedures-checklist-row = { $event }（{ $date }）
ui-procedures-remove = 刪除這份清單
ui-procedures-mark-done = 將「{ $name }」標為已辦
ui-procedures-mark-undone = 將「{ $name }」標為未辦
ui-procedures-open-online = 線上辦理
ui-procedures-details = 手續詳情
ui-procedures-none = 還沒有清單。請選擇人生大事和日期。
ui-procedures-invalid-date = 請按「年-月-日」的格式輸入日期（例如：2026-12-01）。

## 可享有服務的判定

ui-benefits-questions = 幾個問題
ui-benefits-yes = 是
ui-benefits-no = 否
ui-benefits-skip = 略過
ui-benefits-numbers-hint = 多個數字請用逗號分開（例如：1, 4）
ui-benefits-check = 查看可以享有的服務
ui-benefits-results = 可能可以享有的服務
ui-benefits-reset = 重新開始
ui-benefits-invalid-number = 請輸入{ $min }到{ $max }之間的整數。
ui-benefits-invalid-numbers = 請輸入{ $min }到{ $max }之間的整數，用逗號分開。
ui-benefits-invalid-date = 請按「年-月-日」的格式輸入日期（例如：2026-04-01）。
ui-benefits-invalid-choice = 請選擇一個答案。

## 提問

ui-ask-procedure = 關於這項手續
