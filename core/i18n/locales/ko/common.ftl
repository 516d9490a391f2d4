### machi 전체에서 함께 쓰는 말과 형식: 단위, 날짜, 시각, 상대 시간, 나열, UI 공통어.

## 소요 시간

common-duration-minutes = { $minutes }분
common-duration-hours = { $hours }시간
common-duration-hours-minutes = { $hours }시간 { $minutes }분

## 거리

common-distance-m = { $metres }m
common-distance-km = { $km }km

## 날짜 ($weekday: 1 = 월요일 … 7 = 일요일)

common-weekday = { $weekday ->
        [1] 월요일
        [2] 화요일
        [3] 수요일
        [4] 목요일
        [5] 금요일
        [6] 토요일
       *[7] 일요일
    }
common-date = { $month }월 { $day }일 ({ $weekday ->
        [1] 월
        [2] 화
        [3] 수
        [4] 목
        [5] 금
        [6] 토
       *[7] 일
    })
common-date-with-year = { NUMBER($year, useGrouping: "false") }년 { $month }월 { $day }일 ({ $weekday ->
        [1] 월
        [2] 화
        [3] 수
        [4] 목
        [5] 금
        [6] 토
       *[7] 일
    })

## 시각: 한국어는 오전/오후를 붙이는 12시간제가 일반적

common-time-clock = 12h
common-time-24h = { $hour }:{ NUMBER($minute, minimumIntegerDigits: 2) }
common-time-12h = { $period ->
        [am] 오전
       *[pm] 오후
    } { $hour }:{ NUMBER($minute, minimumIntegerDigits: 2) }

## 상대 시간

common-relative-now = 지금
common-relative-in-minutes = { $minutes }분 후
common-relative-minutes-ago = { $minutes }분 전
common-relative-in-hours = { $hours }시간 후
common-relative-hours-ago = { $hours }시간 전
common-relative-in-days = { $days }일 후
common-relative-days-ago = { $days }일 전
common-today = 오늘
common-tomorrow = 내일
common-yesterday = 어제

## 나열

common-list-two = { $first } 및 { $second }
common-list-middle = { $first }, { $second }
common-list-end = { $first } 및 { $second }

## 언어 이름

common-lang-name = { $lang ->
        [ja] 일본어
        [ja-yasasii] 쉬운 일본어
        [en] 영어
        [zh-Hans] 중국어(간체)
        [zh-Hant] 중국어(번체)
       *[ko] 한국어
    }
# 독자의 언어로 아직 번역되지 않은 내용에 표시.
common-shown-in-lang = { $lang ->
        [ja] 일본어
        [ja-yasasii] 쉬운 일본어
        [en] 영어
        [zh-Hans] 중국어(간체)
        [zh-Hant] 중국어(번체)
       *[ko] 한국어
    }로 표시 중

## 개수

common-results = { $count ->
        [0] 결과 없음
       *[other] 결과 { $count }개
    }

## UI 공통어

common-ok = 확인
common-cancel = 취소
common-close = 닫기
common-back = 뒤로
common-retry = 다시 시도
common-search = 검색
common-settings = 설정
common-language = 언어
common-loading = 불러오는 중…
common-more = 더 보기
common-share = 공유
common-map = 지도
common-call = 전화하기
common-yes = 예
common-no = 아니요
common-offline-banner = 오프라인 상태입니다. 저장된 정보를 표시하고 있습니다.
common-updated-at = { $when } 업데이트
