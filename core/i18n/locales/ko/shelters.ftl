# 대피소 개설 상태
cli-col-status = 상태
shelter-status-open = { $time }부터 개설
shelter-status-full = { $time }부터 만원
shelter-status-closed = { $time }에 폐쇄
shelter-status-unknown = 상태 불명
