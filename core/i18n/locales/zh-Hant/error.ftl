### 介面顯示的錯誤訊息（依 machi 的公開錯誤類型）。
### -detail 版本附帶核心提供的原因（技術性文字，可能是英文），僅在詳細資訊頁顯示。

error-offline = 目前處於離線狀態。已儲存的資訊仍可查看，請在連線後再試一次。
error-timeout = 伺服器回應時間過長，請再試一次。
error-server = 伺服器無法回應（錯誤 { $status }），請稍後再試。
error-invalid-input = 輸入內容無效，請確認後再試一次。
error-invalid-input-detail = 輸入內容無效：{ $reason }
error-integrity = 下載的資料未通過安全檢查，因此未使用。已儲存的資料沒有變更。
error-integrity-detail = 下載的資料未通過安全檢查，因此未使用：{ $reason }
error-not-found = 找不到。
error-storage = 無法在此裝置上讀取或儲存資料。請釋出儲存空間後再試一次。
error-storage-detail = 無法在此裝置上讀取或儲存資料：{ $reason }
error-unknown-locale = 尚不支援「{ $tag }」，將以英語顯示。
error-invalid-lang-tag = 「{ $tag }」不是語言代碼。請使用 ja、en、zh-Hant、ko 或 ja-yasasii 等。
error-location-unavailable = 無法取得您的位置，請選擇出發地點。
error-cancelled = 已取消。
error-internal = 發生問題，請再試一次。
