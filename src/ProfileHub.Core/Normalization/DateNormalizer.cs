namespace ProfileHub.Core.Normalization;

/// <summary>Which of day and month comes first in an all-numeric date such as 03/04/1990.</summary>
public enum DateOrder
{
    DayMonthYear,
    MonthDayYear,
}

/// <summary>A date as received and, when it names a real calendar day, that day.</summary>
public sealed record NormalizedDate(string Raw, DateOnly? Date)
{
    public bool IsValid => Date is not null;
}

public static class DateNormalizer
{
    // Month names in English and Spanish, full and abbreviated (after TextFolding), January = 1.
    private static readonly string[][] MonthNames =
    [
        ["january", "jan", "enero", "ene"],
        ["february", "feb", "febrero"],
        ["march", "mar", "marzo"],
        ["april", "apr", "abril", "abr"],
        ["may", "mayo"],
        ["june", "jun", "junio"],
        ["july", "jul", "julio"],
        ["august", "aug", "agosto", "ago"],
        ["september", "sep", "sept", "septiembre", "setiembre", "set"],
        ["october", "oct", "octubre"],
        ["november", "nov", "noviembre"],
        ["december", "dec", "diciembre", "dic"],
    ];

    // Numbers, month names, separators and the "T..." of an ISO 8601 timestamp; longer text is not a date.
    private const int MaxParts = 8;

    /// <summary>
    /// Reads yyyyMMdd, yyyy-MM-dd (also with / or .), dd/MM/yyyy and MM/dd/yyyy (a day above 12 decides,
    /// otherwise <paramref name="preferredOrder"/>), "3 Feb 1990", "Feb 3, 1990", "3 de febrero de 1990"
    /// and ISO 8601 timestamps (the date part as written, without converting time zones). Impossible dates
    /// (19990231, month 13) and anything else give <see cref="NormalizedDate.Date"/> null; never throws.
    /// </summary>
    public static NormalizedDate Parse(string? raw, DateOrder preferredOrder = DateOrder.DayMonthYear)
    {
        raw ??= string.Empty;
        return new NormalizedDate(raw, TryRead(raw.AsSpan().Trim(), preferredOrder));
    }

    private static DateOnly? TryRead(ReadOnlySpan<char> text, DateOrder order)
    {
        if (text.Length is 0 or > 64)
        {
            return null;
        }

        // ISO 8601 timestamp: the calendar date is everything before 'T' (or a space before a time).
        var t = text.IndexOfAny('T', 't');
        if (t is 8 or 10 && char.IsAsciiDigit(text[t - 1]) && t + 1 < text.Length && char.IsAsciiDigit(text[t + 1]))
        {
            text = text[..t];
        }

        if (text.Length == 8 && !text.ContainsAnyExceptInRange('0', '9'))
        {
            return Make(Number(text[..4]), Number(text[4..6]), Number(text[6..]));
        }

        Span<int> numbers = stackalloc int[MaxParts];
        Span<int> widths = stackalloc int[MaxParts];
        var month = 0;
        var monthAt = -1;
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (count == MaxParts || i - start > 4)
                {
                    return null;
                }

                widths[count] = i - start;
                numbers[count++] = Number(text[start..i]);
                continue;
            }

            if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                var word = text[start..i];
                if (IsFiller(word, count))
                {
                    continue;
                }

                if (month != 0 || (month = MonthNumber(word)) == 0)
                {
                    return null;
                }

                monthAt = count;
                continue;
            }

            if (c is '-' or '/' or '.' or ' ' or ',' or '\u00A0')
            {
                i++;
                continue;
            }

            // A time after the date ("1990-02-03 10:00:00"): the date parts are complete.
            if (c == ':' && count >= 3)
            {
                break;
            }

            return null;
        }

        return monthAt >= 0 ? WithMonthName(numbers[..count], widths[..count], month) : Numeric(numbers, widths, count, order);
    }

    private static DateOnly? Numeric(Span<int> numbers, Span<int> widths, int count, DateOrder order)
    {
        // A trailing time ("1990-02-03 10:00") leaves its hour among the numbers: only the first three count.
        if (count < 3)
        {
            return null;
        }

        if (widths[0] == 4)
        {
            return Make(numbers[0], numbers[1], numbers[2]);
        }

        if (widths[2] != 4 || widths[0] > 2 || widths[1] > 2)
        {
            return null;
        }

        var (first, second, year) = (numbers[0], numbers[1], numbers[2]);
        var dayFirst = first > 12 || (second <= 12 && order == DateOrder.DayMonthYear);
        return dayFirst ? Make(year, second, first) : Make(year, first, second);
    }

    // "3 Feb 1990", "03-Feb-1990", "Feb 3, 1990", "3 de febrero de 1990", "1990 Feb 3".
    private static DateOnly? WithMonthName(Span<int> numbers, Span<int> widths, int month)
    {
        if (numbers.Length != 2)
        {
            return null;
        }

        return widths[0] == 4 ? Make(numbers[0], month, numbers[1])
            : widths[1] == 4 ? Make(numbers[1], month, numbers[0])
            : null;
    }

    // Weekday names ("Sat, 3 Feb 1990", "sábado 3 de febrero de 1990") say nothing the date does not.
    private static readonly string[] Weekdays =
    [
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thurs", "friday", "fri",
        "saturday", "sat", "sunday", "sun", "lunes", "lun", "martes", "miercoles", "mie", "jueves", "jue",
        "viernes", "vie", "sabado", "sábado", "sab", "miércoles", "domingo", "dom",
    ];

    private static bool IsFiller(ReadOnlySpan<char> word, int count) =>
        IsWeekday(word)
        || word.Equals("de", StringComparison.OrdinalIgnoreCase)
        || word.Equals("of", StringComparison.OrdinalIgnoreCase)
        || word.Equals("del", StringComparison.OrdinalIgnoreCase)
        || (count > 0 && (word.Equals("st", StringComparison.OrdinalIgnoreCase)
            || word.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || word.Equals("rd", StringComparison.OrdinalIgnoreCase)
            || word.Equals("th", StringComparison.OrdinalIgnoreCase)));

    private static bool IsWeekday(ReadOnlySpan<char> word)
    {
        foreach (var name in Weekdays)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int MonthNumber(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[16];
        if (word.Length > lower.Length)
        {
            return 0;
        }

        var length = word.ToLowerInvariant(lower);
        for (var m = 0; m < MonthNames.Length; m++)
        {
            foreach (var name in MonthNames[m])
            {
                if (lower[..length].SequenceEqual(name))
                {
                    return m + 1;
                }
            }
        }

        return 0;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
