### 居民办事的界面（Android、iOS）：“生活”标签中的垃圾分类、人生大事后的手续、可享受服务的判定。

ui-tab-services = 生活
ui-services-garbage = 垃圾分类
ui-services-garbage-hint = 各类物品怎么扔、哪天收
ui-services-procedures = 人生大事后的手续
ui-services-procedures-hint = 出生、搬家、死亡之后要办的手续和期限
ui-services-benefits = 可以享受的服务
ui-services-benefits-hint = 请回答几个问题。您的回答只保存在这部手机里。
ui-services-back = 返回生活

## 垃圾分类

ui-garbage-search = 要扔的东西
ui-garbage-search-hint = 例如：雨伞、傘、umbrella
ui-garbage-area = 您居住的地区
ui-garbage-lookup = 查询
ui-garbage-how = 扔法
ui-garbage-next = { $area }下次收集：{ $date }
ui-garbage-no-schedule = { $area }没有固定的收集日。
ui-garbage-none = 没有找到“{ $query }”。请换个名称，或向市政府咨询。

## 手续和清单

ui-procedures-events = 人生大事
ui-procedures-event-date = 事情发生的日期
ui-procedures-start = 生成我的清单
ui-procedures-my-checklists = 我的清单
ui-procedures-checklist-row = { $event }（{ $date }）
ui-procedures-remove = 删除这份清单
ui-procedures-mark-done = 将“{ $name }”标为已办
ui-procedures-mark-undone = 将“{ $name }”标为未办
ui-procedures-open-online = 在线办理
ui-procedures-details = 手续详情
ui-procedures-none = 还没有清单。请选择人生大事和日期。
ui-procedures-invalid-date = 请按“年-月-日”的格式输入日期（例如：2026-12-01）。

## 可享受服务的判定

ui-benefits-questions = 几个问题
ui-benefits-yes = 是
ui-benefits-no = 否
ui-benefits-skip = 跳过
ui-benefits-numbers-hint = 多个数字请用逗号分开（例如：1, 4）
ui-benefits-check = 查看可以享受的服务
ui-benefits-results = 可能可以享受的服务
ui-benefits-reset = 重新开始
ui-benefits-invalid-number = 请输入{ $min }到{ $max }之间的整数。
ui-benefits-invalid-numbers = 请输入{ $min }到{ $max }之间的整数，用逗号分开。
ui-benefits-invalid-date = 请按“年-月-日”的格式输入日期（例如：2026-04-01）。
ui-benefits-invalid-choice = 请选择一个答案。

## 提问

ui-ask-procedure = 关于这项手续
