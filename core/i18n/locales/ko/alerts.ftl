### 방재 정보(machi-alerts): 종류 이름, 경계 레벨, 훈련 표시,
### 그리고 독자의 언어로 된 통지가 없을 때 쓰는 정형 문장.

## 상태 표시(훈련과 시험은 반드시 표시)

alerts-status-exercise = [훈련] 실제 재해가 아닙니다
alerts-status-test = [시험] 실제 재해가 아닙니다
alerts-status-system = 시스템 메시지
alerts-status-draft = 초안
alerts-state-withdrawn = 발신처가 취소했습니다
alerts-state-superseded = 새로운 통지로 바뀌었습니다
alerts-state-expired = 기한이 지났습니다

## Verification of the sender (the town's trust policy)

alerts-trust-verified = 확인됨: { $signer }의 서명이 있습니다
alerts-trust-unverified = 미확인: 시 또는 시가 신뢰하는 발신처의 정보인지 확인할 수 없습니다
alerts-trust-refused = 변경할 권한이 없는 정보를 참조하고 있습니다

## 일본의 5단계 경계 레벨($equivalent: 기상청의 '경계 레벨 상당 정보'이면 yes)

alerts-level = { $equivalent ->
        [yes] 경계 레벨 { $level } 상당
       *[no] 경계 레벨 { $level }
    }

## 종류

alerts-kind-evacuation-3 = 고령자 등 피난(레벨 3)
alerts-kind-evacuation-4 = 피난 지시(레벨 4)
alerts-kind-evacuation-5 = 긴급 안전 확보(레벨 5)
alerts-kind-weather = { $phenomenon } { $grade }
alerts-kind-landslide-alert = 토사 재해 경계 정보
alerts-kind-river-caution = 하천 범람 주의 정보
alerts-kind-river-alert = 하천 범람 경계 정보
alerts-kind-river-danger = 하천 범람 위험 정보
alerts-kind-river-flooding = 하천 범람 발생 정보
alerts-kind-river-lifted = 홍수 예보 해제
alerts-kind-seismic-intensity = 지진(진도 { $intensity })
alerts-kind-earthquake = 지진 정보
alerts-kind-eew = 긴급 지진 속보
alerts-kind-tsunami-forecast = 쓰나미 예보(약간의 해수면 변동)
alerts-kind-tsunami-advisory = 쓰나미 주의보
alerts-kind-tsunami-warning = 쓰나미 경보
alerts-kind-tsunami-major-warning = 대형 쓰나미 경보
alerts-kind-eruption = 화산 분화 속보
alerts-kind-shelter-opened = 대피소 개설
alerts-kind-shelter-closed = 대피소 폐쇄
alerts-kind-all-clear = 해제
alerts-kind-broadcast = 시 방재 행정 무선 방송
alerts-kind-other = 알림

## 기상 현상과 경보 종류(alerts-kind-weather에서 조합)

alerts-phenomenon-heavy-rain = 호우
alerts-phenomenon-flood = 홍수
alerts-phenomenon-landslide = 토사 재해
alerts-phenomenon-storm-surge = 해일
alerts-phenomenon-storm = 폭풍
alerts-phenomenon-snowstorm = 폭풍설
alerts-phenomenon-heavy-snow = 대설
alerts-phenomenon-high-waves = 풍랑
alerts-phenomenon-thunder = 뇌우
alerts-phenomenon-strong-wind = 강풍
alerts-phenomenon-wind-snow = 풍설
alerts-phenomenon-dense-fog = 짙은 안개
alerts-phenomenon-dry-air = 건조
alerts-phenomenon-avalanche = 눈사태
alerts-phenomenon-low-temperature = 저온
alerts-phenomenon-frost = 서리
alerts-phenomenon-icing = 착빙
alerts-phenomenon-snow-accretion = 착설
alerts-phenomenon-snowmelt = 융설
alerts-grade-advisory = 주의보
alerts-grade-warning = 경보
alerts-grade-danger-warning = 위험 경보
alerts-grade-emergency = 특별 경보

## 진도(일본 기상청 진도)

alerts-intensity-1 = 1
alerts-intensity-2 = 2
alerts-intensity-3 = 3
alerts-intensity-4 = 4
alerts-intensity-5-lower = 5약
alerts-intensity-5-upper = 5강
alerts-intensity-6-lower = 6약
alerts-intensity-6-upper = 6강
alerts-intensity-7 = 7

## 정형 문장

alerts-tmpl-headline = { $kind }: { $area }
alerts-note-template = 정형 문장으로 번역한 내용입니다. 발신처의 원문이 아래에 있습니다.
alerts-note-untranslated = 사용하시는 언어로 된 내용이 없어 발신처의 원문 그대로 표시합니다.
alerts-advice-evacuation-3 = 고령자, 장애인 등 이동에 시간이 걸리는 분은 지금 위험한 장소에서 대피하십시오. 다른 분은 대피를 준비하십시오.
alerts-advice-evacuation-4 = 모든 분은 지금 위험한 장소에서 대피하십시오.
alerts-advice-evacuation-5 = 재해가 발생했거나 임박했습니다. 즉시 목숨을 지키는 행동을 하십시오. 밖으로 나가기 위험하면 경사면에서 먼 높은 층으로 이동하십시오.
alerts-advice-emergency-warning = 특별 경보입니다. 드문 극한의 위험입니다. 즉시 목숨을 지키는 행동을 하십시오.
alerts-advice-landslide = 산사태가 일어날 수 있습니다. 경사면과 절벽에서 멀리 떨어지고 대피를 준비하십시오.
alerts-advice-flood = 하천이 범람할 수 있습니다. 하천에 가까이 가지 말고 높은 곳으로 대피할 준비를 하십시오.
alerts-advice-coast = 해안에 높은 파도나 해일의 위험이 있습니다. 바다와 해안에 가까이 가지 마십시오.
alerts-advice-weather = 최신 정보를 확인하고 주의하십시오.
alerts-advice-earthquake = 지진이 있었습니다. 여진에 주의하고 손상된 건물에 가까이 가지 마십시오.
alerts-advice-eew = 강한 흔들림이 옵니다. 머리를 보호하고 떨어질 수 있는 물건에서 떨어지십시오.
alerts-advice-tsunami-warning = 쓰나미가 옵니다. 지금 바로 해안과 하천에서 벗어나 높은 곳이나 높은 건물로 대피하십시오.
alerts-advice-tsunami-advisory = 물에서 나와 해안에서 떨어지십시오. 주의보가 해제될 때까지 바다에 가까이 가지 마십시오.
alerts-advice-eruption = 화산이 분화했습니다. 시정촌의 지시에 따르고 화산에 가까이 가지 마십시오.
alerts-advice-shelter-opened = 대피소가 개설되었습니다. 대피소 목록에서 가장 가까운 곳을 확인하십시오.
alerts-advice-shelter-closed = 대피소가 폐쇄되었습니다. 대피소 목록에서 열려 있는 곳을 확인하십시오.
alerts-advice-all-clear = 해제되었습니다. 계속 주의하고 시의 정보에 따르십시오.
