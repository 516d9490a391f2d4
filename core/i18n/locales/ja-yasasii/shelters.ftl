# ひなんじょが あいているか
cli-col-status = いまの ようす
shelter-status-open = { $time }から {開|あ}いています
shelter-status-full = { $time }から いっぱいです
shelter-status-closed = { $time }に {閉|し}まりました
shelter-status-unknown = わかりません
