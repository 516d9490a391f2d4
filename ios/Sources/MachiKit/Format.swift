import Foundation

/// Dates, times and lists in the reader's language, from the same Fluent
/// messages the core's localizer uses (`common-date`, `common-time-*`,
/// `common-list-*`), so a shell never formats with its own locale rules and
/// both shells and the CLI say "Fri, Nov 20 7:05 AM" alike.
extension MachiRepository {
    /// A calendar day `YYYY-MM-DD` as "Mon, Dec 14" (`withYear`: "Mon, Dec 14, 2026");
    /// the text unchanged when it is not such a day.
    public func date(_ iso: String, withYear: Bool = false) -> String {
        guard let (y, m, d) = Self.ymd(iso) else { return iso }
        var args: [String: Any] = ["month": m, "day": d, "weekday": Self.weekday(y, m, d)]
        if withYear { args["year"] = y }
        return text(withYear ? "common-date-with-year" : "common-date", args).display
    }

    /// A time of day, 24- or 12-hour as the locale's `common-time-clock` says.
    public func time(hour: Int, minute: Int) -> String {
        if text("common-time-clock").plain.trimmingCharacters(in: .whitespaces) == "12h" {
            let h12 = hour % 12 == 0 ? 12 : hour % 12
            return text("common-time-12h", ["hour": h12, "minute": minute, "period": hour >= 12 ? "pm" : "am"]).display
        }
        return text("common-time-24h", ["hour": hour, "minute": minute]).display
    }

    /// Items joined as the language joins a list: "A, B, and C", "A、B、C".
    public func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return text("common-list-two", ["first": items[0], "second": items[1]]).display
        default:
            // Built from the right, as the core does, so each pattern sees finished pieces.
            var acc = text("common-list-end", ["first": items[items.count - 2], "second": items[items.count - 1]]).display
            for item in items[..<(items.count - 2)].reversed() {
                acc = text("common-list-middle", ["first": item, "second": acc]).display
            }
            return acc
        }
    }

    /// `YYYY-MM-DD` (or the date part of an RFC 3339 time) as numbers.
    static func ymd(_ iso: String) -> (Int, Int, Int)? {
        let parts = iso.prefix(10).split(separator: "-")
        guard iso.count >= 10, parts.count == 3,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }

    /// ISO weekday (1 = Monday … 7 = Sunday) of a Gregorian day, computed
    /// rather than through a `Calendar`, so no time zone can shift the day.
    static func weekday(_ y: Int, _ m: Int, _ d: Int) -> Int {
        // Sakamoto's method: 0 = Sunday.
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let yy = m < 3 ? y - 1 : y
        let w = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + d) % 7
        return w == 0 ? 7 : w
    }
}
