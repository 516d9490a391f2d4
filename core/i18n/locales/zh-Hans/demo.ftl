# `machi demo`：在内置城镇上浏览应用功能。
demo-title = { $town } — 内容包 第{ NUMBER($version, useGrouping: "false") }版
demo-no-pack = 尚未安装内容。
demo-spots = 热门景点
demo-col-visit = 参考游览时间
demo-garbage = 垃圾收集
demo-garbage-line = { $area }，{ $date }：{ $what }
demo-shelters = 离高萩站最近的避难场所
demo-notices = 当前通知
demo-notices-forged = 收到一条自称来自本市、没有签名的取消（冒充示例）：它显示为未验证，本市已签名的避难指示仍然有效。
demo-course = 从高萩站出发的推荐路线
demo-faq = 向市政府提问
demo-faq-question = 大件垃圾怎么扔？
demo-faq-asked = 提问：{ $question }
demo-procedures = 孩子出生后要办的手续和期限
