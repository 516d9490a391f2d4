## 시 웹사이트의 챗봇(machi web build) 화면 문구.

web-title = { $town }에 질문하기
web-intro = 절차, 쓰레기, 증명서 등에 대해 모국어로 질문할 수 있습니다. 답변은 시의 공식 FAQ에서 나옵니다.
web-input-label = 질문
web-placeholder = 예: 대형 쓰레기는 어떻게 버리나요?
web-send = 질문하기
web-suggestions = 추천 질문
web-categories = 분야별로 보기
web-language = 언어
web-mode-bm25 = 이 브라우저 안에서 키워드 검색으로 답변을 찾습니다(FAQ 팩 { $version }판). 입력한 내용은 이 페이지 밖으로 보내지지 않습니다.
web-related = 관련 질문
web-you = 나
web-bot = 시 FAQ
web-call = 전화하기
web-log-count = 확실한 답변이 없었던 질문 { $count }개가 이 브라우저에 저장되어 있습니다.
web-log-export = 답변이 없었던 질문 내보내기
web-log-clear = 목록 지우기
web-log-cleared = 답변이 없었던 질문 목록을 지웠습니다.
web-loading = FAQ를 불러오는 중…
web-ready = 준비되었습니다. 질문을 입력하세요.
web-open = 시에 질문하기
web-close = 닫기
web-error-no-entry = FAQ 항목 { $id }이(가) 없습니다.

## machi web build (발행자용)
web-cli-built = 웹사이트 챗봇을 { $dir }에 썼습니다: 팩 { $version }판, FAQ { $entries }개, { $kb } KB (gzip). 다음으로 제공하세요: machi serve { $dir }
web-cli-no-wasm = 챗봇의 WebAssembly 빌드가 없습니다. scripts/build-web.sh를 실행하고 출력된 폴더를 --wasm DIR로 지정하세요(또는 MACHI_WEB_WASM_DIR 설정).
web-cli-bad-wasm = { $file }은(는) WebAssembly 모듈이 아닙니다. scripts/build-web.sh를 다시 실행하세요.
