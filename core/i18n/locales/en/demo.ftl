# `machi demo`: a tour of the app on the embedded town.
demo-title = { $town } — content pack version { NUMBER($version, useGrouping: "false") }
demo-no-pack = No content is installed.
demo-spots = Popular spots
demo-col-visit = Typical visit
demo-garbage = Garbage collection
demo-garbage-line = { $area }, { $date }: { $what }
demo-shelters = Nearest evacuation places from Takahagi Station
demo-notices = Current notices
demo-notices-forged = An unsigned cancellation claiming to be from the town arrives (how a forgery looks): it is listed as unverified, and the town’s signed order stays in force.
demo-course = A model course from Takahagi Station
demo-faq = Ask the town
demo-faq-question = How do I put out bulky waste?
demo-faq-asked = You: { $question }
demo-procedures = After a birth: what to do, and by when
