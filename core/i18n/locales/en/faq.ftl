### FAQ chatbot messages.

faq-empty-query = Please type your question.
faq-no-match = No answer was found. Try other words, or contact the city office.
faq-not-sure = I'm not sure I found the right answer. Is it one of these?
faq-clarify = Which of these do you want to know about?
faq-answer-fallback = { $lang ->
        [ja] This answer is only available in Japanese.
       *[other] This answer is not available in your language.
    }
faq-contact = Contact: { $department }
faq-contact-phone = Contact: { $department }, phone { $phone }
faq-contact-hours = Contact: { $department } (hours: { $hours })
faq-contact-phone-hours = Contact: { $department }, phone { $phone } (hours: { $hours })
faq-query-too-long = Your question is too long. Please keep it under { $max } characters.
faq-not-utf8 = The question contains characters that cannot be read. Please type it again.
