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
