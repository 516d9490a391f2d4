### Words and formats every part of machi shares: units, dates, times,
### relative times, lists and generic UI words.
### Numbers are grouped with commas unless a message says
### NUMBER($x, useGrouping: "false").

## Durations (the code splits hours from minutes)

common-duration-minutes = { $minutes } min
common-duration-hours = { $hours } h
common-duration-hours-minutes = { $hours } h { $minutes } min

## Distances (the code rounds; km has at most one decimal)

common-distance-m = { $metres } m
common-distance-km = { $km } km

## Dates ($weekday: 1 = Monday … 7 = Sunday)

common-weekday = { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }
common-date = { $weekday ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    }, { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $day }
common-date-with-year = { $weekday ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    }, { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $day }, { NUMBER($year, useGrouping: "false") }

## Times of day. common-time-clock says which of the two forms this
## locale uses: 12h or 24h.

common-time-clock = 12h
common-time-24h = { $hour }:{ NUMBER($minute, minimumIntegerDigits: 2) }
common-time-12h = { $hour }:{ NUMBER($minute, minimumIntegerDigits: 2) } { $period ->
        [am] AM
       *[pm] PM
    }

## Relative times

common-relative-now = now
common-relative-in-minutes = in { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    }
common-relative-minutes-ago = { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    } ago
common-relative-in-hours = in { $hours } { $hours ->
        [one] hour
       *[other] hours
    }
common-relative-hours-ago = { $hours } { $hours ->
        [one] hour
       *[other] hours
    } ago
common-relative-in-days = in { $days } { $days ->
        [one] day
       *[other] days
    }
common-relative-days-ago = { $days } { $days ->
        [one] day
       *[other] days
    } ago
common-today = today
common-tomorrow = tomorrow
common-yesterday = yesterday

## Lists: "A and B", "A, B, and C"

common-list-two = { $first } and { $second }
common-list-middle = { $first }, { $second }
common-list-end = { $first }, and { $second }

## Languages ($lang is a tag: ja, ja-yasasii, en, zh-Hans, zh-Hant, ko)

common-lang-name = { $lang ->
        [ja] Japanese
        [ja-yasasii] Easy Japanese
        [en] English
        [zh-Hans] Chinese (Simplified)
        [zh-Hant] Chinese (Traditional)
       *[ko] Korean
    }
# Shown on content that is not yet translated into the reader's language.
common-shown-in-lang = Shown in { $lang ->
        [ja] Japanese
        [ja-yasasii] Easy Japanese
        [en] English
        [zh-Hans] Simplified Chinese
        [zh-Hant] Traditional Chinese
       *[ko] Korean
    }

## Counts

common-results = { $count ->
        [0] No results
        [one] { $count } result
       *[other] { $count } results
    }

## Generic UI words

common-ok = OK
common-cancel = Cancel
common-close = Close
common-back = Back
common-retry = Try again
common-search = Search
common-settings = Settings
common-language = Language
common-loading = Loading…
common-more = More
common-share = Share
common-map = Map
common-call = Call
common-yes = Yes
common-no = No
common-offline-banner = You are offline. Showing saved information.
common-updated-at = Updated { $when }
