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
