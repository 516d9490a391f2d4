# `machi demo`：同梱の町でアプリを一巡りする。
demo-title = { $town } — コンテンツパック 第{ NUMBER($version, useGrouping: "false") }版
demo-no-pack = コンテンツが入っていません。
demo-spots = 人気のスポット
demo-col-visit = 目安の滞在時間
demo-garbage = ごみの収集
demo-garbage-line = { $area }　{ $date }：{ $what }
demo-shelters = 高萩駅から近い避難場所
demo-notices = 現在のお知らせ
demo-notices-forged = 市を名乗る署名のない取消が届いた場合（なりすましの例）：未確認として表示され、市の署名付きの避難指示はそのまま有効です。
demo-course = 高萩駅からのモデルコース
demo-faq = 町に質問する
demo-faq-question = 粗大ごみはどうやって出せばいいですか？
demo-faq-asked = 質問：{ $question }
demo-procedures = 出生のあとに必要な手続きと期限
