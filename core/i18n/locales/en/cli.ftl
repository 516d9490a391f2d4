### Messages of the `machi` command (content commands, tables, pack tools).

cli-error-not-found = Not found: { $what }
cli-error-no-data-dir = No data folder was found for the database. Pass --db PATH.
cli-error-bad-point = “{ $value }” is not a position. Use LAT,LON, for example 36.7191,140.7107.
cli-error-bad-date = “{ $value }” is not a date. Use YYYY-MM-DD, for example 2026-11-23.
cli-error-bad-datetime = “{ $value }” is not a date and time. Use YYYY-MM-DDTHH:MM, for example 2026-11-23T10:00.
cli-error-bad-hazard = “{ $value }” is not a hazard. Use flood, landslide, storm-surge, earthquake, tsunami, fire, inland-flood or volcano.
cli-error-not-a-notice = { $file } is not a notice this app accepts: { $reason }
cli-error-source = The pack source has { $count ->
        [one] one problem
       *[other] { $count } problems
    }; nothing was built:
cli-error-no-pubkey = No publisher key. Pass --pubkey KEYFILE or set MACHI_PUBKEY.
cli-fallback-note = * Not yet translated: shown in another language.
cli-none-found = Nothing found.
cli-col-id = ID
cli-col-name = Name
cli-col-tags = Tags
cli-col-distance = Distance
cli-col-dates = Dates
cli-col-place = Place
cli-col-hazards = Safe from
cli-col-capacity = Capacity
cli-col-address = Address
cli-col-category = Garbage
cli-col-how = How to put it out
cli-col-field = Item
cli-col-value = Details
cli-field-name = Name
cli-field-description = Description
cli-field-tags = Tags
cli-field-address = Address
cli-field-location = Position
cli-field-hours = Opening hours
cli-field-hours-note = Notes on hours
cli-field-visit = Typical visit
cli-field-fee = Fee
cli-field-access = Access
cli-field-parking = Parking
cli-field-accessibility = Accessibility
cli-field-phone = Phone
cli-field-url = Website
cli-people = { $count ->
        [one] one person
       *[other] { $count } people
    }
cli-garbage-title = { $area }, { $date }
cli-garbage-closed = No collection: the collection centre is closed from { $from } to { $to }.
cli-garbage-nothing = Nothing is collected on this day.
cli-pack-built = Built pack version { $version } for { $town } ({ $code }) in { $dir }: { $spots } spots, { $shelters } shelters, { $faq } FAQ entries, { $deltas } deltas.
cli-pack-verified = Pack version { $version } for { $town } ({ $code }) is valid: signature, sizes and hashes checked.
cli-pack-signed-by = Signed with key { $key }.
cli-pack-imported-full = Imported pack version { $version } (full pack).
cli-pack-imported-delta = Imported pack version { $version } (changes since version { $from }).
cli-keygen-done = Wrote the secret key { $secret } and the public key { $public }. Keep the secret key private.
cli-faq-encoder-built = Wrote the FAQ model { $file } ({ $mb } MB). Ship it with `machi pack build … --faq-encoder { $file }`.
cli-alerts-published = Published { $count } signed notices; feed index: { $index }
