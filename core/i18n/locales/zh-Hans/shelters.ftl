# 避难所开放状态
cli-col-status = 状态
shelter-status-open = { $time } 起开放
shelter-status-full = { $time } 起已满
shelter-status-closed = { $time } 已关闭
shelter-status-unknown = 状态不明
