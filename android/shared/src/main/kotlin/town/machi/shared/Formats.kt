package town.machi.shared

import java.time.LocalDate
import java.time.LocalTime
import java.time.OffsetDateTime
import java.time.format.DateTimeParseException

// Dates, times and lists in the reader's language, from the same Fluent patterns
// the core's own formatter uses (common-date, common-time-*, common-list-* in
// common.ftl), so a shell-made line reads like a core-made one.

/** A day as the reader's language writes it: "Tue, Dec 1", "12月1日(火)". */
fun MachiRepository.date(d: LocalDate): String =
    text("common-date", "weekday" to d.dayOfWeek.value, "month" to d.monthValue, "day" to d.dayOfMonth).display

/** [iso] (`YYYY-MM-DD`) as [date] writes it; the text itself when it is not a date. */
fun MachiRepository.date(iso: String): String = try {
    date(LocalDate.parse(iso))
} catch (e: DateTimeParseException) {
    iso
}

/** A time of day in the locale's habit: "7:05 AM", "7:05", "午前7時5分". */
fun MachiRepository.time(t: LocalTime): String =
    if (text("common-time-clock").plain.trim() == "12h") {
        val period = if (t.hour < 12) "am" else "pm"
        val h12 = if (t.hour % 12 == 0) 12 else t.hour % 12
        text("common-time-12h", "hour" to h12, "minute" to t.minute, "period" to period).display
    } else {
        text("common-time-24h", "hour" to t.hour, "minute" to t.minute).display
    }

/**
 * An instant as its wall-clock time where it was given (a notice's own time
 * zone), with the day in front when it is not [today]: "7:05 AM", "Fri, Nov 20 7:05 AM".
 */
fun MachiRepository.timeSince(at: OffsetDateTime, today: LocalDate): String {
    val t = time(at.toLocalTime())
    return if (at.toLocalDate() == today) t else "${date(at.toLocalDate())} $t"
}

/** Items joined as the language lists them: "A, B, and C", "A、B、C". */
fun MachiRepository.list(items: List<String>): String = when (items.size) {
    0 -> ""
    1 -> items[0]
    2 -> text("common-list-two", "first" to items[0], "second" to items[1]).display
    else -> {
        // Built from the right, as the core does, so each pattern sees finished pieces.
        var acc = text("common-list-end", "first" to items[items.size - 2], "second" to items.last()).display
        for (item in items.subList(0, items.size - 2).asReversed()) {
            acc = text("common-list-middle", "first" to item, "second" to acc).display
        }
        acc
    }
}
