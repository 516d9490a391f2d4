### Disaster notices (machi-alerts): kind names, levels, status labels and
### the fixed templates used when a notice is not in the reader's language.

## Status and state labels (drills and tests are always labelled)

alerts-status-exercise = DRILL — not a real emergency
alerts-status-test = TEST — not a real emergency
alerts-status-system = System message
alerts-status-draft = Draft
alerts-state-withdrawn = Withdrawn by the sender
alerts-state-superseded = Replaced by a newer notice
alerts-state-expired = Expired

## Verification of the sender (the town's trust policy)

alerts-trust-verified = Verified: signed by { $signer }
alerts-trust-unverified = Unverified: not confirmed as coming from the town or a sender it trusts
alerts-trust-refused = Refers to a notice it may not change

## Japan's 5-level alert scale ($equivalent: yes for JMA information that is "equivalent to" a level)

alerts-level = { $equivalent ->
        [yes] Equivalent to alert level { $level }
       *[no] Alert level { $level }
    }

## Kinds

alerts-kind-evacuation-3 = Elderly and others evacuate (Level 3)
alerts-kind-evacuation-4 = Evacuation order (Level 4)
alerts-kind-evacuation-5 = Emergency safety measures (Level 5)
alerts-kind-weather = { $phenomenon } { $grade }
alerts-kind-landslide-alert = Landslide alert
alerts-kind-river-caution = River flood caution
alerts-kind-river-alert = River flood alert
alerts-kind-river-danger = River flood danger
alerts-kind-river-flooding = River flooding
alerts-kind-river-lifted = River flood forecast lifted
alerts-kind-seismic-intensity = Earthquake: seismic intensity { $intensity }
alerts-kind-earthquake = Earthquake information
alerts-kind-eew = Earthquake early warning
alerts-kind-tsunami-forecast = Tsunami forecast (slight sea-level change)
alerts-kind-tsunami-advisory = Tsunami advisory
alerts-kind-tsunami-warning = Tsunami warning
alerts-kind-tsunami-major-warning = Major tsunami warning
alerts-kind-eruption = Volcanic eruption
alerts-kind-shelter-opened = Shelter opened
alerts-kind-shelter-closed = Shelter closed
alerts-kind-all-clear = All clear
alerts-kind-broadcast = Town disaster radio broadcast
alerts-kind-other = Notice

## Weather phenomena and warning grades (combined by alerts-kind-weather)

alerts-phenomenon-heavy-rain = Heavy rain
alerts-phenomenon-flood = Flood
alerts-phenomenon-landslide = Landslide
alerts-phenomenon-storm-surge = Storm surge
alerts-phenomenon-storm = Storm
alerts-phenomenon-snowstorm = Snowstorm
alerts-phenomenon-heavy-snow = Heavy snow
alerts-phenomenon-high-waves = High waves
alerts-phenomenon-thunder = Thunderstorm
alerts-phenomenon-strong-wind = Strong wind
alerts-phenomenon-wind-snow = Wind and snow
alerts-phenomenon-dense-fog = Dense fog
alerts-phenomenon-dry-air = Dry air
alerts-phenomenon-avalanche = Avalanche
alerts-phenomenon-low-temperature = Low temperature
alerts-phenomenon-frost = Frost
alerts-phenomenon-icing = Icing
alerts-phenomenon-snow-accretion = Snow accretion
alerts-phenomenon-snowmelt = Snowmelt
alerts-grade-advisory = advisory
alerts-grade-warning = warning
alerts-grade-danger-warning = danger warning
alerts-grade-emergency = emergency warning

## Seismic intensity (JMA scale)

alerts-intensity-1 = 1
alerts-intensity-2 = 2
alerts-intensity-3 = 3
alerts-intensity-4 = 4
alerts-intensity-5-lower = 5 lower
alerts-intensity-5-upper = 5 upper
alerts-intensity-6-lower = 6 lower
alerts-intensity-6-upper = 6 upper
alerts-intensity-7 = 7

## Fixed templates (used when the sender did not write in the reader's language)

alerts-tmpl-headline = { $kind }: { $area }
alerts-note-template = Translated with a fixed template. The sender's original text follows.
alerts-note-untranslated = Not available in your language. Shown as the sender wrote it.
alerts-advice-evacuation-3 = Older people, people with disabilities and anyone who needs time to move: evacuate from dangerous places now. Others: prepare to evacuate.
alerts-advice-evacuation-4 = Everyone must evacuate from dangerous places now.
alerts-advice-evacuation-5 = A disaster is happening or about to happen. Act now to save your life; if it is too late to go out, move to a higher floor away from slopes.
alerts-advice-emergency-warning = This is an emergency warning: a rare and extreme danger. Act now to protect your life.
alerts-advice-landslide = Landslides may occur. Stay away from slopes and cliffs, and be ready to evacuate.
alerts-advice-flood = Rivers may flood. Stay away from rivers and be ready to evacuate to higher ground.
alerts-advice-coast = High water on the coast. Stay away from the sea and the shore.
alerts-advice-weather = Check the latest information and take care.
alerts-advice-earthquake = There was an earthquake. Watch for aftershocks and stay away from damaged buildings.
alerts-advice-eew = Strong shaking is coming. Protect your head and stay away from things that may fall.
alerts-advice-tsunami-warning = A tsunami is expected. Leave the coast and rivers now and go to high ground or a tall building.
alerts-advice-tsunami-advisory = Get out of the water and away from the shore. Do not go near the sea until the advisory is lifted.
alerts-advice-eruption = A volcano has erupted. Follow the town's instructions and stay away from the volcano.
alerts-advice-shelter-opened = A shelter has opened. Check the shelter list for the nearest one.
alerts-advice-shelter-closed = A shelter has closed. Check the shelter list for open ones.
alerts-advice-all-clear = The alert has been lifted. Stay careful and follow the town's information.
