### FAQ 聊天機器人的文字。

faq-empty-query = 請輸入您的問題。
faq-no-match = 沒有找到答案。請換個說法再試，或聯絡市公所。
faq-not-sure = 不確定是否找到了正確答案。是下面的哪一個嗎？
faq-clarify = 您想了解以下哪一項？
faq-answer-fallback = { $lang ->
        [ja] 此回答僅有日語版本。
       *[other] 此回答沒有您所選語言的版本。
    }
faq-contact = 洽詢：{ $department }
faq-contact-phone = 洽詢：{ $department }，電話 { $phone }
faq-contact-hours = 洽詢：{ $department }（受理時間：{ $hours }）
faq-contact-phone-hours = 洽詢：{ $department }，電話 { $phone }（受理時間：{ $hours }）
faq-query-too-long = 問題太長了。請控制在 { $max } 個字元以內。
faq-not-utf8 = 問題中含有無法辨識的字元。請重新輸入。

## 分類名稱（內容套件中 FAQ 項目的分類鍵）。
faq-category-garbage = 垃圾與回收
faq-category-certificates = 證明與登記
faq-category-moving = 搬家
faq-category-tax = 稅金
faq-category-childcare = 兒童與育兒
faq-category-insurance = 保險與年金
faq-category-welfare = 福利
faq-category-disaster = 防災
faq-category-water = 自來水
faq-category-pets = 寵物
faq-category-health = 健康
faq-category-tourism = 觀光

## FAQ 畫面與指令的標籤。
faq-related = 相關問題：
faq-entry-ref = 項目：{ $id }
faq-feedback-thanks = 謝謝。您的意見已儲存在本裝置上。
faq-unanswered-none = 沒有記錄到未能回答的問題。
faq-col-question = 問題
faq-col-category = 分類
faq-col-entries = 筆數
faq-col-asked = 提問次數
faq-col-lang = 語言
faq-col-first-asked = 首次提問
faq-col-last-asked = 最近提問
