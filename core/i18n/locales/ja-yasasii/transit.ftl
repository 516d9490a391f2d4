# バスと {電車|でんしゃ}（machi transit）
transit-journey = { $depart } に {出|で}ます、{ $arrive } に {着|つ}きます（{乗|の}り{換|か}え { $transfers } {回|かい}）、{ $fare }
transit-leg-walk = { $depart } {歩|ある}きます { $minutes } {分|ふん}（{ $metres } m）
transit-leg-ride = { $route } { $depart } { $from } から { $to } まで（{ $headsign }）{ $arrive } に {着|つ}きます、{ $fare }
transit-fare = { $yen } {円|えん}
transit-fare-unknown = お{金|かね}は わかりません
transit-error-no-timetable = {町|まち}の データに バスと {電車|でんしゃ}の {時刻表|じこくひょう}が ありません。
transit-error-bad-timetable = {時刻表|じこくひょう}を {読|よ}めません: { $reason }
transit-error-unknown-stop = 「{ $stop }」と いう バス{停|てい}は ありません（{正|ただ}しい {名前|なまえ}か ID、または {緯度|いど},{経度|けいど}を {書|か}いてください）。
transit-error-bad-point = 「{ $value }」は {正|ただ}しい {緯度|いど},{経度|けいど}では ありません。
transit-error-bad-time = 「{ $value }」は HH:MM の {時間|じかん}では ありません。
transit-error-no-connection = その {時間|じかん}に { $from } と { $to } の {間|あいだ}を {走|はし}る バスや {電車|でんしゃ}は ありません。
transit-error-search = {探|さが}せませんでした: { $reason }
transit-departures-header = { $stop }を {出|で}る {時間|じかん}（{ $date }、{ $time }から）:
transit-departures-none = { $date }の { $time }からは、{ $stop }を {出|で}る バスや {電車|でんしゃ}は ありません。
transit-departure = { $time }  { $route } { $headsign }に {行|い}きます
transit-departure-platform = { $time }  { $route } { $headsign }に {行|い}きます（のりば { $platform }）
