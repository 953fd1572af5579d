using System.Globalization;

namespace ConferenceApp.Infrastructure.Calendar;

/// <summary>
/// One observance of a VTIMEZONE: from <see cref="LocalStart"/> on, local time is UTC plus
/// <see cref="OffsetTo"/>.
/// </summary>
/// <param name="IsDaylight">True for a DAYLIGHT sub-component, false for STANDARD.</param>
/// <param name="LocalStart">The onset as a local time in the offset before it (<see cref="OffsetFrom"/>), as RFC 5545 writes DTSTART here.</param>
public sealed record IcsObservance(bool IsDaylight, DateTime LocalStart, TimeSpan OffsetFrom, TimeSpan OffsetTo)
{
    /// <summary>The instant at which the observance begins.</summary>
    public DateTimeOffset Onset => new(DateTime.SpecifyKind(LocalStart, DateTimeKind.Unspecified), OffsetFrom);
}

/// <summary>
/// A VTIMEZONE: the zone's id and its observances over a range of years, one sub-component per
/// change of offset, so a reader needs no rules of its own to convert the event times.
/// </summary>
public sealed class IcsTimeZone
{
    // Offset changes are found by sampling the zone at this step. Real zones keep an offset for
    // months, so a step of one hour cannot step over a change and back.
    private static readonly TimeSpan SampleStep = TimeSpan.FromHours(1);

    private IcsTimeZone(string id, IReadOnlyList<IcsObservance> observances)
    {
        Id = id;
        Observances = observances;
    }

    /// <summary>The TZID, the IANA id such as "Europe/Berlin".</summary>
    public string Id { get; }

    /// <summary>The observances in order of onset. The first starts at midnight, local time, on 1 January of the first year.</summary>
    public IReadOnlyList<IcsObservance> Observances { get; }

    /// <summary>
    /// Describes <paramref name="zone"/> from 1 January of <paramref name="firstYear"/> to the end
    /// of <paramref name="lastYear"/>. The offsets come from the zone's adjustment rules through
    /// <see cref="TimeZoneInfo.GetUtcOffset(DateTimeOffset)"/>. Each change in that range becomes an
    /// explicit observance (no RRULE), and a zone without changes gets a single STANDARD one.
    /// </summary>
    public static IcsTimeZone For(TimeZoneInfo zone, int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);

        var firstLocal = new DateTime(firstYear, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var rangeStart = new DateTimeOffset(firstLocal, zone.GetUtcOffset(firstLocal));
        var rangeEnd = new DateTimeOffset(lastYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(1);

        var offset = zone.GetUtcOffset(rangeStart);
        var isDaylight = zone.IsDaylightSavingTime(rangeStart);
        var observances = new List<IcsObservance>
        {
            new(isDaylight, firstLocal, zone.GetUtcOffset(rangeStart.AddSeconds(-1)), offset),
        };

        for (var sample = rangeStart; sample < rangeEnd; sample += SampleStep)
        {
            var next = sample + SampleStep;
            if (zone.GetUtcOffset(next) == offset && zone.IsDaylightSavingTime(next) == isDaylight)
            {
                continue;
            }

            var change = FirstChange(zone, sample, next, offset, isDaylight);
            var newOffset = zone.GetUtcOffset(change);
            var newIsDaylight = zone.IsDaylightSavingTime(change);
            observances.Add(new IcsObservance(newIsDaylight, change.ToOffset(offset).DateTime, offset, newOffset));

            offset = newOffset;
            isDaylight = newIsDaylight;
        }

        return new IcsTimeZone(zone.Id, observances);
    }

    /// <summary>
    /// Converts an instant to local time with these observances, the same rules a reader of the
    /// VTIMEZONE applies, so the written local time reads back as the same instant.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is before the first observance.</exception>
    public DateTime ToLocal(DateTimeOffset instant)
    {
        if (instant < Observances[0].Onset)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant,
                $"The instant is before {Observances[0].LocalStart:yyyy-MM-dd}, where the time zone {Id} as written starts.");
        }

        var observance = Observances.Last(o => o.Onset <= instant);
        return instant.ToOffset(observance.OffsetTo).DateTime;
    }

    /// <summary>Returns the offset as TZOFFSETFROM and TZOFFSETTO write it: "+0200", or "+053328" with seconds.</summary>
    public static string FormatOffset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var magnitude = offset.Duration();
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude.Hours:00}{magnitude.Minutes:00}");
        return magnitude.Seconds == 0 ? text : text + magnitude.Seconds.ToString("00", CultureInfo.InvariantCulture);
    }

    // Narrows the change between two samples down to the second by bisection.
    private static DateTimeOffset FirstChange(TimeZoneInfo zone, DateTimeOffset before, DateTimeOffset after, TimeSpan offset, bool isDaylight)
    {
        while (after - before > TimeSpan.FromSeconds(1))
        {
            var middle = before + TimeSpan.FromSeconds(Math.Floor((after - before).TotalSeconds / 2));
            if (zone.GetUtcOffset(middle) == offset && zone.IsDaylightSavingTime(middle) == isDaylight)
            {
                before = middle;
            }
            else
            {
                after = middle;
            }
        }

        return after;
    }
}
