# `machi demo`：在內建城鎮上瀏覽應用功能。
demo-title = { $town } — 內容包 第{ NUMBER($version, useGrouping: "false") }版
demo-no-pack = 尚未安裝內容。
demo-spots = 熱門景點
demo-col-visit = 參考遊覽時間
demo-garbage = 垃圾收集
demo-garbage-line = { $area }，{ $date }：{ $what }
demo-shelters = 離高萩站最近的避難場所
demo-notices = 目前的通知
demo-notices-forged = 收到一則自稱來自本市、沒有簽章的取消（冒充範例）：它顯示為未驗證，本市已簽署的避難指示仍然有效。
demo-course = 從高萩站出發的推薦路線
demo-faq = 向市公所提問
demo-faq-question = 大型垃圾要怎麼丟？
demo-faq-asked = 提問：{ $question }
demo-procedures = 孩子出生後要辦的手續和期限
