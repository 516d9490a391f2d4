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

## Category names (keys of the content pack's FAQ entries).
faq-category-garbage = Garbage and recycling
faq-category-certificates = Certificates and registration
faq-category-moving = Moving house
faq-category-tax = Taxes
faq-category-childcare = Children and childcare
faq-category-insurance = Health insurance and pension
faq-category-welfare = Welfare
faq-category-disaster = Disaster preparedness
faq-category-water = Water supply
faq-category-pets = Pets
faq-category-health = Health
faq-category-tourism = Tourism

## Labels of the FAQ screens and commands.
faq-related = Related questions:
faq-entry-ref = Entry: { $id }
faq-feedback-thanks = Thank you. Your feedback was saved on this device.
faq-unanswered-none = No unanswered questions have been logged.
faq-col-question = Question
faq-col-category = Category
faq-col-entries = Entries
faq-col-asked = Times asked
faq-col-lang = Language
faq-col-first-asked = First asked
faq-col-last-asked = Last asked
