### UI에 표시하는 오류 메시지 (machi의 공개 오류 종류별).
### -detail 형식은 코어의 원인(기술적이며 영어일 수 있음)을 덧붙이므로 상세 화면에서만 사용.

error-offline = 오프라인 상태입니다. 저장된 정보는 볼 수 있습니다. 연결된 후 다시 시도해 주세요.
error-timeout = 서버 응답이 너무 늦습니다. 다시 시도해 주세요.
error-server = 서버가 응답하지 못했습니다(오류 { $status }). 잠시 후 다시 시도해 주세요.
error-invalid-input = 입력 내용이 올바르지 않습니다. 확인 후 다시 시도해 주세요.
error-invalid-input-detail = 입력 내용이 올바르지 않습니다: { $reason }
error-integrity = 다운로드한 데이터가 안전 확인을 통과하지 못해 사용하지 않았습니다. 저장된 데이터는 그대로입니다.
error-integrity-detail = 다운로드한 데이터가 안전 확인을 통과하지 못해 사용하지 않았습니다: { $reason }
error-not-found = 찾을 수 없습니다.
error-storage = 이 기기에서 데이터를 읽거나 저장할 수 없습니다. 저장 공간을 확보한 후 다시 시도해 주세요.
error-storage-detail = 이 기기에서 데이터를 읽거나 저장할 수 없습니다: { $reason }
error-unknown-locale = '{ $tag }'은(는) 지원하지 않습니다. 영어로 표시합니다.
error-invalid-lang-tag = '{ $tag }'은(는) 언어 코드가 아닙니다. ja, en, zh-Hant, ko, ja-yasasii 등을 사용해 주세요.
error-location-unavailable = 현재 위치를 알 수 없습니다. 출발 지점을 선택해 주세요.
error-cancelled = 취소했습니다.
error-internal = 문제가 발생했습니다. 다시 시도해 주세요.
