# Terminal strings for `machi alerts` and `machi places`.
notices-none = No current notices for your area.
notices-col-status = Status
notices-col-title = Notice
notices-col-headline = Headline
notices-col-sent = Sent
notices-col-walk = On foot
notices-col-position = Position
notices-ingest-stored = { $file }: stored as notice { $id }.
notices-ingest-duplicate = { $file }: already stored (notice { $id }).
notices-ingest-updated = { $file }: update stored as notice { $id }; it replaces { $count ->
    [one] one earlier notice
   *[other] { $count } earlier notices
}.
notices-ingest-cancelled = { $file }: cancellation stored as notice { $id }; it withdraws { $count ->
    [one] one notice
   *[other] { $count } notices
}.
notices-ingest-rejected = { $file }: rejected ({ $reason }).
notices-ingest-refused = { $file }: stored as notice { $id } on its own; it refers to a notice it may not change.
notices-sign-written = { $file }: signed envelope written to { $out } (key { $key }).
notices-field-areas = Areas: { $areas }
notices-field-sender = Issued by: { $sender }
notices-field-sent = Sent: { $time }
notices-field-expires = Valid until: { $time }
notices-shelters-title = Nearest shelters suitable for this notice:
notices-marked-read = Notice { $id } marked as read.
notices-place-added = Registered “{ $name }” (place { $id }). Notices for it will be shown.
notices-place-removed = Removed place { $id }.
notices-places-none = No registered places. Add one with: machi places add home LAT,LON
