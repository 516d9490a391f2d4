# 避難所開放狀態
cli-col-status = 狀態
shelter-status-open = { $time } 起開放
shelter-status-full = { $time } 起已滿
shelter-status-closed = { $time } 已關閉
shelter-status-unknown = 狀態不明
