/// The stable ids of the time grammar's rules, named by `policygraph time --explain`
/// and by the `--explain` listing of `extract`. Each rule lives in the file of its
/// family (years, dates and parts in `TimePoints.swift`, relative times in
/// `TimeRelative.swift`, plans, decades and centuries in `TimeEras.swift`, ranges in
/// `TimeRanges.swift`, prefixes and suffixes in `TimeParser.swift`), and
/// `docs/time.md` lists each with an example.
///
/// An expression is named by the rule of its form first, then the rules that
/// refine it (a part of the year, a month), make it a range, or give it its
/// relation (a prefix, a suffix).
public enum TimeRule: String, Sendable, CaseIterable {
    // Years (TimePoints.swift, numbers in TimeNumbers.swift).
    case yearFourDigit = "time.year.four-digit"
    case yearTwoDigit = "time.year.two-digit"
    case yearNumeral = "time.year.numeral"
    case yearRelative = "time.year.relative"
    case yearOrdinal = "time.year.ordinal"
    case yearWithin = "time.year.within"
    // Parts of periods and periods inside a year (TimePoints.swift).
    case partOfYear = "time.part.year"
    case partOfQuarter = "time.part.quarter"
    case partOfMonth = "time.part.month"
    case periodInsideYear = "time.period.inside-year"
    case quarter = "time.quarter"
    // Months and days (TimePoints.swift).
    case month = "time.month"
    case monthDay = "time.month.day"
    case day = "time.day"
    case numericDate = "time.date.numeric"
    // Relative times (TimeRelative.swift).
    case relativeMonth = "time.relative.month"
    case relativeQuarter = "time.relative.quarter"
    case count = "time.relative.count"
    case window = "time.relative.window"
    // Eras (TimeEras.swift).
    case plan = "time.era.plan"
    case decade = "time.era.decade"
    case century = "time.era.century"
    // Ranges (TimeRanges.swift).
    case rangeYears = "time.range.years"
    case rangeMonths = "time.range.months"
    case rangeDays = "time.range.days"
    case rangeToNow = "time.range.to-now"
    case rangeOpenBounds = "time.range.open-bounds"
    // Prefixes and suffixes (TimeParser.swift).
    case prefixBy = "time.prefix.by"
    case prefixIn = "time.prefix.in"
    case prefixFrom = "time.prefix.from"
    case prefixUntil = "time.prefix.until"
    case approximate = "time.approximate"
    case suffixBefore = "time.suffix.before"
    case suffixAfter = "time.suffix.after"
    case suffixFrom = "time.suffix.from"
    case suffixSince = "time.suffix.since"
    case suffixWithin = "time.suffix.within"
    case suffixBetween = "time.suffix.between"
}
