### 동기화: 네트워크로 콘텐츠 팩과 알림을 업데이트합니다.

sync-phase-manifest = 업데이트 확인 중
sync-phase-download = 다운로드 중
sync-phase-verify = 다운로드 검증 중
sync-phase-import = 저장 중
sync-phase-done = 완료
sync-not-modified = 마지막 확인 이후 변경 사항이 없습니다.
sync-up-to-date = 콘텐츠가 최신입니다(버전 { $version }).
sync-applied-full = 버전 { $version }(으)로 업데이트했습니다({ $kb } KB 다운로드).
sync-applied-delta = 버전 { $from }에서 { $version }(으)로 업데이트했습니다(변경분만, { $kb } KB 다운로드).
sync-error-rollback = 서버의 콘텐츠(버전 { $offered })가 기기의 콘텐츠(버전 { $installed })보다 오래되어 아무것도 변경하지 않았습니다.
sync-error-wrong-town = 이 업데이트는 다른 지자체의 것입니다. 아무것도 변경하지 않았습니다.
sync-error-bad-signature = 이 업데이트에는 발행처의 올바른 서명이 없습니다. 아무것도 변경하지 않았습니다.
sync-error-insecure-url = 업데이트에는 안전한(https) 주소만 사용할 수 있습니다.
sync-error-too-large = 다운로드가 예고된 크기보다 커서 중단했습니다. 아무것도 변경하지 않았습니다.
sync-serve-listening = { $url }에서 { $dir }을(를) 제공 중입니다(Ctrl+C로 종료).
sync-notices-new = 새 알림: { $count }
