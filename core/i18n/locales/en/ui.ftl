### Shell screens of the phone apps (Android, iOS): tab names, buttons,
### headings and TalkBack/VoiceOver labels. Content itself comes localized
### from the core; these are only the frame around it.

## Tabs

ui-tab-explore = Explore
ui-tab-course = Course
ui-tab-alerts = Alerts
ui-tab-ask = Ask
ui-tab-settings = Settings

## Explore

ui-explore-spots = Places to visit
ui-explore-events = Upcoming events
ui-explore-all-tags = All
ui-explore-filter = Show only: { $tag }
ui-spot-visit-time = Visit: about { $duration }
ui-spot-row = { $name }, { $distance } away

## Alerts

ui-alerts-empty = There are no notices for your area.
ui-alerts-history = Show past notices
ui-alerts-new = New notice: { $title }
ui-alerts-shelters = Nearest suitable shelters
ui-alerts-walk = { $minutes } min on foot
ui-alerts-read-aloud = Read aloud
ui-alerts-unread = { $count ->
        [one] { $count } unread notice
       *[other] { $count } unread notices
    }

## Ask

ui-ask-placeholder = Ask about town services
ui-ask-send = Send
ui-ask-helpful = This helped
ui-ask-not-helpful = This did not help
ui-ask-thanks = Thank you. Your answer helps us improve.
ui-ask-contact = Contact: { $department }

## Settings

ui-settings-language = Language
ui-settings-follow-device = Same as this device
ui-settings-text-size = Text size
ui-settings-text-size-value = { $percent } %
ui-settings-places = My places
ui-settings-places-hint = Notices for these places are shown even when you are away.
ui-settings-add-place = Add a place
ui-settings-place-name = Name (e.g. Home)
ui-settings-remove-place = Remove { $name }
ui-settings-sync = Town information
ui-settings-sync-now = Update now
ui-settings-sync-cancel = Stop updating
ui-settings-pack-current = Version { $version }, vouched for by the town's signature until { $date }.
ui-settings-pack-stale = This information may be out of date: the town's signature ran out on { $date } and no newer version has arrived. Update when you are online.
ui-settings-pack-built-in = Version { $version }, the sample town built into the app.

## Sync progress ($percent: 0–100)

ui-sync-phase-manifest = Checking for new information…
ui-sync-phase-download = Downloading… { $percent } %
ui-sync-phase-verify = Checking the download…
ui-sync-phase-import = Saving… { $percent } %
ui-sync-phase-done = Done
ui-sync-updated = The town information is now up to date.
ui-sync-up-to-date = You already have the latest information.

## Course (request form and timeline)

ui-course-date = Date
ui-course-start-time = Start time
ui-course-hours = Hours available
ui-course-mode = Getting around
ui-course-pace = Pace
ui-course-pace-relaxed = Relaxed
ui-course-pace-normal = Normal
ui-course-pace-packed = Packed
ui-course-interests = Interests
ui-course-plan = Suggest a course
ui-course-remove-stop = Remove { $name }
ui-course-lock-stop = Keep { $name }
ui-course-congestion = Traffic to know about
ui-course-stop-row = { $name }, { $arrival } to { $leave }
ui-course-taxi-budget = Taxi budget
ui-course-taxi-none = No taxi
ui-course-bicycle-rental = Rent a bicycle
ui-course-max-walk = Longest walk
ui-course-max-walk-any = Any
ui-course-ride = { $depart } { $from } → { $arrive } { $to }
ui-course-yen = ¥{ $yen }
