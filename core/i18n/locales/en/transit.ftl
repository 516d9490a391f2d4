# Public transport (machi transit)
transit-journey = Leave { $depart }, arrive { $arrive } ({ $transfers ->
    [0] no transfers
    [one] 1 transfer
   *[other] { $transfers } transfers
}), { $fare }
transit-leg-walk = { $depart } walk { $minutes } min ({ $metres } m)
transit-leg-ride = { $route } { $depart } from { $from } to { $to } ({ $headsign }), arrive { $arrive }, { $fare }
transit-fare = ¥{ $yen }
transit-fare-unknown = fare unknown
transit-error-no-timetable = The installed town pack has no public-transport timetable.
transit-error-bad-timetable = The installed timetable cannot be read: { $reason }
transit-error-unknown-stop = No stop is called “{ $stop }” (give its exact name or id, or LAT,LON).
transit-error-bad-point = “{ $value }” is not a valid LAT,LON position.
transit-error-bad-time = “{ $value }” is not a time HH:MM.
transit-error-no-connection = No bus or train connects { $from } and { $to } at that time.
transit-error-search = The search failed: { $reason }
transit-departures-header = Departures from { $stop }, { $date }, from { $time }:
transit-departures-none = No departures from { $stop } on { $date } after { $time }.
transit-departure = { $time }  { $route } for { $headsign }
transit-departure-platform = { $time }  { $route } for { $headsign } (platform { $platform })
