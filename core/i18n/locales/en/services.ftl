### Shell screens for residents' errands (Android, iOS): the Services tab with
### garbage sorting, procedures after life events and the eligibility check.
### The content (procedure cards, reasons, categories) comes from the core.

ui-tab-services = Services
ui-services-garbage = Garbage sorting
ui-services-garbage-hint = Where each item goes and when it is collected
ui-services-procedures = Procedures after life events
ui-services-procedures-hint = What to do after a birth, a move or a death, and by when
ui-services-benefits = Services you may receive
ui-services-benefits-hint = Answer a few questions. Your answers stay on this phone.
ui-services-back = Back to services

## Garbage sorting

ui-garbage-search = Item to throw away
ui-garbage-search-hint = e.g. umbrella, 傘, かさ
ui-garbage-area = Your area
ui-garbage-lookup = Look up
ui-garbage-how = How to put it out
ui-garbage-next = Next collection in { $area }: { $date }
ui-garbage-no-schedule = No regular collection day in { $area }.
ui-garbage-none = Nothing found for “{ $query }”. Try another name, or ask the town.

## Procedures and checklists

ui-procedures-events = Life events
ui-procedures-event-date = Date of the event
ui-procedures-start = Make my checklist
ui-procedures-my-checklists = My checklists
ui-procedures-checklist-row = { $event }, { $date }
ui-procedures-remove = Remove this checklist
ui-procedures-mark-done = Mark “{ $name }” as done
ui-procedures-mark-undone = Mark “{ $name }” as not done
ui-procedures-open-online = Do it online
ui-procedures-details = Procedure details
ui-procedures-none = No checklist yet. Choose a life event and its date.
ui-procedures-invalid-date = Type the date as year-month-day, e.g. 2026-12-01.

## Eligibility check

ui-benefits-questions = A few questions
ui-benefits-yes = Yes
ui-benefits-no = No
ui-benefits-skip = Skip
ui-benefits-numbers-hint = Several numbers: separate them with commas (e.g. 1, 4)
ui-benefits-check = Show what we may receive
ui-benefits-results = Services you may receive
ui-benefits-reset = Start over
ui-benefits-invalid-number = Type a whole number from { $min } to { $max }.
ui-benefits-invalid-numbers = Type whole numbers from { $min } to { $max }, separated by commas.
ui-benefits-invalid-date = Type the date as year-month-day, e.g. 2026-04-01.
ui-benefits-invalid-choice = Choose one of the answers.

## Ask

ui-ask-procedure = About this procedure
