### 界面显示的错误信息（按 machi 的公开错误类型）。
### -detail 版本附带核心给出的原因（技术性文字，可能是英文），仅在详情页显示。

error-offline = 当前处于离线状态。已保存的信息仍可查看，请在联网后重试。
error-timeout = 服务器响应时间过长，请重试。
error-server = 服务器无法响应（错误 { $status }），请稍后再试。
error-invalid-input = 输入内容无效，请检查后重试。
error-invalid-input-detail = 输入内容无效：{ $reason }
error-integrity = 下载的数据未通过安全校验，未被使用。已保存的数据没有变化。
error-integrity-detail = 下载的数据未通过安全校验，未被使用：{ $reason }
error-not-found = 未找到。
error-storage = 无法在本设备上读取或保存数据。请释放存储空间后重试。
error-storage-detail = 无法在本设备上读取或保存数据：{ $reason }
error-unknown-locale = 暂不支持“{ $tag }”，将以英语显示。
error-invalid-lang-tag = “{ $tag }”不是语言代码。请使用 ja、en、zh-Hant、ko 或 ja-yasasii 等。
error-location-unavailable = 无法获取您的位置，请选择出发地点。
error-cancelled = 已取消。
error-internal = 出现问题，请重试。
