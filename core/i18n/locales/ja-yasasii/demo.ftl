# `machi demo`：やさしい にほんご。
demo-title = { $town } — {情報|じょうほう}の {版|はん} { NUMBER($version, useGrouping: "false") }
demo-no-pack = {情報|じょうほう}が ありません。
demo-spots = {人気|にんき}の ばしょ
demo-col-visit = いる {時間|じかん}
demo-garbage = ごみを {出|だ}す {日|ひ}
demo-garbage-line = { $area }　{ $date }：{ $what }
demo-shelters = {高萩駅|たかはぎえき}から ちかい {逃|に}げる ばしょ
demo-notices = いまの お{知|し}らせ
demo-notices-forged = {市|し}の {名前|なまえ}で {署名|しょめい}の ない とりけしが {来|き}たとき（にせものの {例|れい}）：「{確|たし}かめられません」と {出|で}ます。{市|し}の {署名|しょめい}が ある {避難指示|ひなんしじ}は そのままです。
demo-course = {高萩駅|たかはぎえき}から まわる コース
demo-faq = {町|まち}に きく
demo-faq-question = {大|おお}きい ごみは どうやって {出|だ}しますか？
demo-faq-asked = しつもん：{ $question }
demo-procedures = {赤|あか}ちゃんが {生|う}まれた ときに する こと
