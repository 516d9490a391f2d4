### FAQ 聊天机器人的文字。

faq-empty-query = 请输入您的问题。
faq-no-match = 没有找到答案。请换个说法再试，或联系市政府。
faq-not-sure = 不确定是否找到了正确答案。是下面的哪一个吗？
faq-clarify = 您想了解以下哪一项？
faq-answer-fallback = { $lang ->
        [ja] 此回答仅有日语版本。
       *[other] 此回答没有您所选语言的版本。
    }
faq-contact = 咨询：{ $department }
faq-contact-phone = 咨询：{ $department }，电话 { $phone }
faq-contact-hours = 咨询：{ $department }（受理时间：{ $hours }）
faq-contact-phone-hours = 咨询：{ $department }，电话 { $phone }（受理时间：{ $hours }）
faq-query-too-long = 问题太长了。请控制在 { $max } 个字符以内。
faq-not-utf8 = 问题中含有无法识别的字符。请重新输入。

## 分类名称（内容包中 FAQ 条目的分类键）。
faq-category-garbage = 垃圾与回收
faq-category-certificates = 证明与登记
faq-category-moving = 搬家
faq-category-tax = 税金
faq-category-childcare = 儿童与育儿
faq-category-insurance = 保险与年金
faq-category-welfare = 福利
faq-category-disaster = 防灾
faq-category-water = 自来水
faq-category-pets = 宠物
faq-category-health = 健康
faq-category-tourism = 观光

## FAQ 画面与命令的标签。
faq-related = 相关问题：
faq-entry-ref = 条目：{ $id }
faq-feedback-thanks = 谢谢。您的反馈已保存在本设备上。
faq-unanswered-none = 没有记录到未能回答的问题。
faq-col-question = 问题
faq-col-category = 分类
faq-col-entries = 条数
faq-col-asked = 提问次数
faq-col-lang = 语言
faq-col-first-asked = 首次提问
faq-col-last-asked = 最近提问
