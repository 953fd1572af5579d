using System.Globalization;

namespace ConferenceApp.Domain;

/// <summary>
/// A stretch of local time in the conference's zone. <see cref="End"/> is after <see cref="Start"/>
/// and may fall on a later day.
/// </summary>
public readonly record struct LocalInterval(DateTime Start, DateTime End)
{
    /// <summary>Returns the interval as the availability input takes it: "2026-03-10 09:00-17:30", or both dates when it crosses midnight.</summary>
    public override string ToString()
    {
        var start = Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return Start.Date == End.Date
            ? $"{start}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : $"{start} - {End.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}";
    }
}

/// <summary>
/// The times a room or a person is available, as sorted intervals that neither overlap nor touch.
/// No intervals means always available.
/// </summary>
public sealed class Availability : IEquatable<Availability>
{
    /// <summary>The availability of a room or person with no stated times.</summary>
    public static readonly Availability Always = new([]);

    private Availability(IReadOnlyList<LocalInterval> intervals)
    {
        Intervals = intervals;
    }

    public IReadOnlyList<LocalInterval> Intervals { get; }

    public bool IsAlways => Intervals.Count == 0;

    /// <summary>
    /// Creates an availability from intervals in any order. Intervals that overlap or touch are
    /// merged into one, because a person free from 09:00 to 12:00 and from 12:00 to 14:00 is free
    /// from 09:00 to 14:00. Every interval must end after it starts.
    /// </summary>
    public static Availability Of(IEnumerable<LocalInterval> intervals)
        => Merge(intervals);

    /// <summary>Returns the same intervals moved by whole days, for a conference whose dates move.</summary>
    public Availability ShiftedByDays(int days) =>
        IsAlways ? this : Merge(Intervals.Select(i => new LocalInterval(i.Start.AddDays(days), i.End.AddDays(days))));

    private static Availability Merge(IEnumerable<LocalInterval> intervals)
    {
        var merged = new List<LocalInterval>();
        foreach (var interval in intervals.OrderBy(i => i.Start).ThenBy(i => i.End))
        {
            if (interval.End <= interval.Start)
            {
                throw new ArgumentException($"The interval {interval} does not end after it starts.", nameof(intervals));
            }

            var plain = new LocalInterval(Unspecified(interval.Start), Unspecified(interval.End));
            if (merged.Count > 0 && plain.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = plain.End > last.End ? plain.End : last.End };
            }
            else
            {
                merged.Add(plain);
            }
        }

        return merged.Count == 0 ? Always : new Availability(merged);
    }

    /// <summary>
    /// Returns true when the whole of the local interval from <paramref name="start"/> to
    /// <paramref name="end"/> lies inside one interval, comparing instants. An item that ends
    /// exactly when an interval ends fits. Always true for <see cref="Always"/>.
    /// </summary>
    public bool Covers(ConferenceClock clock, DateTime start, DateTime end)
    {
        if (IsAlways)
        {
            return true;
        }

        var from = clock.ToInstantForDisplay(start);
        var to = clock.ToInstantForDisplay(end);
        return Intervals.Any(i => clock.ToInstantForDisplay(i.Start) <= from && to <= clock.ToInstantForDisplay(i.End));
    }

    /// <summary>Returns one interval per line in the input format, or "" when always available.</summary>
    public string ToText() => string.Join("\n", Intervals.Select(i => i.ToString()));

    public override string ToString() => IsAlways ? "always" : string.Join("; ", Intervals);

    public bool Equals(Availability? other) => other is not null && Intervals.SequenceEqual(other.Intervals);

    public override bool Equals(object? obj) => Equals(obj as Availability);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var interval in Intervals)
        {
            hash.Add(interval);
        }

        return hash.ToHashCode();
    }

    private static DateTime Unspecified(DateTime value) =>
        new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, DateTimeKind.Unspecified);
}
