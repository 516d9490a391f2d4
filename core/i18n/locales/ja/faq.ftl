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

## 分類名（コンテンツパックの FAQ 項目の分類キー）。
faq-category-garbage = ごみ・リサイクル
faq-category-certificates = 証明書・届出
faq-category-moving = 引っ越し
faq-category-tax = 税金
faq-category-childcare = 子ども・子育て
faq-category-insurance = 保険・年金
faq-category-welfare = 福祉
faq-category-disaster = 防災
faq-category-water = 水道
faq-category-pets = ペット
faq-category-health = 健康
faq-category-tourism = 観光

## FAQ 画面とコマンドの見出し。
faq-related = 関連する質問：
faq-entry-ref = 項目：{ $id }
faq-feedback-thanks = ありがとうございました。ご意見はこの端末に保存しました。
faq-unanswered-none = 答えられなかった質問の記録はありません。
faq-col-question = 質問
faq-col-category = 分類
faq-col-entries = 件数
faq-col-asked = 回数
faq-col-lang = 言語
faq-col-first-asked = 最初
faq-col-last-asked = 最後
