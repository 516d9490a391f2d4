### FAQ チャットボットの文言。

faq-empty-query = 質問を入力してください。
faq-no-match = 答えが見つかりませんでした。言葉を変えてもう一度お試しいただくか、市役所にお問い合わせください。
faq-not-sure = はっきりした答えが見つかりませんでした。次のどれかが近いかもしれません。
faq-clarify = 次のうち、どれについて知りたいですか。
faq-answer-fallback = { $lang ->
        [ja] この回答は日本語のみです。
       *[other] この回答はご希望の言語では用意されていません。
    }
faq-contact = お問い合わせ先：{ $department }
faq-contact-phone = お問い合わせ先：{ $department }（電話 { $phone }）
faq-contact-hours = お問い合わせ先：{ $department }（受付 { $hours }）
faq-contact-phone-hours = お問い合わせ先：{ $department }（電話 { $phone }、受付 { $hours }）
faq-query-too-long = 質問が長すぎます。{ $max }文字以内にしてください。
faq-not-utf8 = 読めない文字が含まれています。入力し直してください。
