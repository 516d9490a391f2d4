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
