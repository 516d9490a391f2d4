### FAQ チャットボットの ことば（やさしい 日本語）。

faq-empty-query = {質問|しつもん}を {書|か}いてください。
faq-no-match = {答|こた}えが ありませんでした。ほかの ことばで {聞|き}いてください。{市役所|しやくしょ}に {聞|き}くことも できます。
faq-not-sure = {答|こた}えが よく わかりませんでした。この 中に ありますか。
faq-clarify = どれを {知|し}りたいですか。
faq-answer-fallback = { $lang ->
        [ja] この {答|こた}えは ふつうの {日本語|にほんご}だけです。
       *[other] この {答|こた}えは あなたの ことばでは ありません。
    }
faq-contact = {聞|き}くところ：{ $department }
faq-contact-phone = {聞|き}くところ：{ $department }（{電話|でんわ} { $phone }）
faq-contact-hours = {聞|き}くところ：{ $department }（{時間|じかん} { $hours }）
faq-contact-phone-hours = {聞|き}くところ：{ $department }（{電話|でんわ} { $phone }、{時間|じかん} { $hours }）
faq-query-too-long = {質問|しつもん}が {長|なが}いです。{ $max }{文字|もじ}までに してください。
faq-not-utf8 = {読|よ}めない {文字|もじ}が あります。もう {一度|いちど} {書|か}いてください。

## {分類|ぶんるい}の {名前|なまえ}。
faq-category-garbage = ごみ・リサイクル
faq-category-certificates = {証明書|しょうめいしょ}・{届|とど}け
faq-category-moving = {引|ひ}っ{越|こ}し
faq-category-tax = {税金|ぜいきん}
faq-category-childcare = {子|こ}ども
faq-category-insurance = {保険|ほけん}・{年金|ねんきん}
faq-category-welfare = {福祉|ふくし}
faq-category-disaster = {災害|さいがい}への{備|そな}え
faq-category-water = {水道|すいどう}
faq-category-pets = ペット
faq-category-health = {健康|けんこう}
faq-category-tourism = {観光|かんこう}

## FAQ の {画面|がめん}の ことば。
faq-related = ほかの {質問|しつもん}：
faq-entry-ref = {番号|ばんごう}：{ $id }
faq-feedback-thanks = ありがとうございます。この スマホに {保存|ほぞん}しました。
faq-unanswered-none = {答|こた}えられなかった {質問|しつもん}は ありません。
faq-col-question = {質問|しつもん}
faq-col-category = {分類|ぶんるい}
faq-col-entries = {数|かず}
faq-col-asked = {回数|かいすう}
faq-col-lang = ことば
faq-col-first-asked = {最初|さいしょ}
faq-col-last-asked = {最後|さいご}
