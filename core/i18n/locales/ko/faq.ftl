### FAQ 챗봇 문구.

faq-empty-query = 질문을 입력해 주세요.
faq-no-match = 답변을 찾지 못했습니다. 다른 말로 다시 시도하시거나 시청에 문의해 주세요.
faq-not-sure = 정확한 답변을 찾았는지 확실하지 않습니다. 다음 중 하나인가요?
faq-clarify = 다음 중 무엇에 대해 알고 싶으신가요?
faq-answer-fallback = { $lang ->
        [ja] 이 답변은 일본어로만 제공됩니다.
       *[other] 이 답변은 선택하신 언어로 제공되지 않습니다.
    }
faq-contact = 문의: { $department }
faq-contact-phone = 문의: { $department }, 전화 { $phone }
faq-contact-hours = 문의: { $department } (접수 시간: { $hours })
faq-contact-phone-hours = 문의: { $department }, 전화 { $phone } (접수 시간: { $hours })
faq-query-too-long = 질문이 너무 깁니다. { $max }자 이내로 입력해 주세요.
faq-not-utf8 = 질문에 읽을 수 없는 문자가 있습니다. 다시 입력해 주세요.

## 분류 이름 (콘텐츠 팩 FAQ 항목의 분류 키).
faq-category-garbage = 쓰레기·재활용
faq-category-certificates = 증명서·신고
faq-category-moving = 이사
faq-category-tax = 세금
faq-category-childcare = 어린이·육아
faq-category-insurance = 보험·연금
faq-category-welfare = 복지
faq-category-disaster = 방재
faq-category-water = 수도
faq-category-pets = 반려동물
faq-category-health = 건강
faq-category-tourism = 관광

## FAQ 화면과 명령의 표시.
faq-related = 관련 질문:
faq-entry-ref = 항목: { $id }
faq-feedback-thanks = 감사합니다. 의견이 이 기기에 저장되었습니다.
faq-unanswered-none = 답하지 못한 질문 기록이 없습니다.
faq-col-question = 질문
faq-col-category = 분류
faq-col-entries = 건수
faq-col-asked = 질문 횟수
faq-col-lang = 언어
faq-col-first-asked = 처음
faq-col-last-asked = 마지막
