# 避難所の開設状況（CLI と一覧）
cli-col-status = 状況
shelter-status-open = { $time }から開設
shelter-status-full = { $time }から満員
shelter-status-closed = { $time }に閉鎖
shelter-status-unknown = 状況不明
