### Model-course planner: transport modes, travel legs, why a stop was
### chosen, and why no course could be made.

## Transport modes

course-mode-walk = Walk
course-mode-bicycle = Bicycle
course-mode-car = Car
course-mode-bus = Bus or train
course-mode-transit = Bus and train
course-mode-taxi = Taxi

## Parts of a bus, train or taxi leg ($depart a time, $from/$to stop names,
## $line a line name, $headsign where it goes, $yen a fare, $duration a duration)

course-leg-ride = { $line } { $depart } from { $from } to { $to }
course-leg-ride-fare = { $line } { $depart } from { $from } to { $to }, ¥{ $yen }
course-leg-walk-to-stop = walk { $duration } to the stop
course-leg-then-walk = then walk { $duration }
course-leg-taxi = Taxi, { $duration }, about ¥{ $yen }
course-leg-bicycle = Rental bicycle, { $duration }
course-leg-separator = {", "}
course-costs = Fares: bus and train ¥{ $transit }, taxi ¥{ $taxi }, bicycle ¥{ $bicycle } · longest walk { $walk } min

## A travel leg ($mode is a mode name above, $duration a formatted duration)

course-leg = { $mode }, { $duration }

## Why a stop is in the course

course-reason-interests = Matches your interests: { $tags }
course-reason-popular = A popular spot
course-reason-requested = You asked to visit this spot
course-reason-open-until = Open until { $time }
course-reason-always-open = Open at any time
course-reason-congestion = Heavy traffic around { $area }: travel may take { $factor } times longer
course-reason-congestion-hours = Heavy traffic around { $area } from { $from } to { $to }: travel may take { $factor } times longer
course-reason-car-park = Closed to cars: park at { $carpark } and walk { $duration }

## Why no course could be made

course-error-unknown-place = We could not find “{ $place }”.
course-error-unknown-spot = We could not find the spot “{ $place }”.
course-error-no-spots = There are no spots to choose from.
course-error-time-too-short = There is not enough time to visit any spot. Please allow more time.
course-error-everything-closed = All spots are closed at that time. Please try another time or day.
course-error-must-visit = { $count ->
        [one] { $spots } does not fit into the time available and the opening hours.
       *[other] { $spots } do not fit into the time available and the opening hours.
    }
course-error-invalid-request = Please check the date, times and places of your request.

## Interest tags (display names)

course-tag-nature = Nature
course-tag-history = History
course-tag-culture = Culture
course-tag-family = Family
course-tag-view = Views
course-tag-hiking = Hiking
course-tag-food = Food
course-tag-beach = Beach
course-tag-autumn-leaves = Autumn leaves
course-tag-shopping = Shopping
course-tag-station = Station
course-tag-parking = Parking

## Course totals and the timeline printed by `machi course`

course-totals = Total { $total } (visits { $visit }, travel { $travel })
course-day-heading = Day { $day }: { $date }
course-timeline-depart = { $time }  Leave { $place }
course-timeline-arrive = { $time }  Arrive at { $place }
course-timeline-stop = { $arrival }–{ $leave }  { $name }
course-alternatives-heading = Other courses
course-alternative = Option { $n }: { $spots }
course-congestion-heading = Traffic and closures
