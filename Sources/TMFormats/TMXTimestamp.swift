#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TMX dates (`YYYYMMDDThhmmssZ`, always UTC), and the reproducible "now" of `SOURCE_DATE_EPOCH`.
public enum TMXTimestamp {
    /// `20240131T235959Z` for the given seconds since 1970-01-01 00:00:00 UTC.
    public static func format(epochSeconds: Int64) -> String {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let secondsOfDay = epochSeconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return yearText + two(month) + two(day) + "T" + two(secondsOfDay / 3600) + two(secondsOfDay % 3600 / 60)
            + two(secondsOfDay % 60) + "Z"
    }

    /// `SOURCE_DATE_EPOCH` when it is set to an integer (so that the same input gives the same bytes), else the
    /// current time.
    public static func now(environment: [String: String]? = nil) -> String {
        let value: String?
        if let environment {
            value = environment["SOURCE_DATE_EPOCH"]
        } else {
            value = getenv("SOURCE_DATE_EPOCH").map { String(cString: $0) }
        }
        if let value, let seconds = Int64(value.trimmingSpaces) {
            return format(epochSeconds: seconds)
        }
        return format(epochSeconds: Int64(time(nil)))
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension String {
    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        let start = scalars.firstIndex { $0 != " " && $0 != "\t" && $0 != "\n" } ?? scalars.endIndex
        let end = scalars.lastIndex { $0 != " " && $0 != "\t" && $0 != "\n" }.map { scalars.index(after: $0) }
            ?? scalars.endIndex
        return start < end ? self[start..<end] : ""
    }
}
