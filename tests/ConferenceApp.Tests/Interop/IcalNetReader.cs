using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using NodaTime;
using NodaTime.TimeZones;

namespace ConferenceApp.Tests.Interop;

/// <summary>Tests that set Ical.Net's global time zone resolver, which must not run in parallel with each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IcalNetResolverGroup
{
    public const string Name = "Ical.Net time zone resolver";
}

/// <summary>An event's times as Ical.Net converts them to UTC.</summary>
public sealed record UtcTimes(DateTime Start, DateTime End);

/// <summary>
/// Reads iCalendar text with Ical.Net 5.2.4 and converts each event's DTSTART and DTEND to UTC.
/// Ical.Net resolves a TZID through the IANA database of NodaTime and ignores the calendar's
/// VTIMEZONE, so <see cref="TimesFromVTimeZone"/> plugs in a resolver that builds the zone from
/// the VTIMEZONE as Ical.Net parsed it; the conversion itself is still Ical.Net's.
/// </summary>
public static class IcalNetReader
{
    public static Calendar Load(string ics) => Calendar.Load(ics) ?? throw new InvalidOperationException("Ical.Net read no calendar.");

    /// <summary>Returns the UTC times of each event by UID, with each TZID resolved from the IANA database.</summary>
    public static Dictionary<string, UtcTimes> TimesFromTzdb(string ics) =>
        WithResolver(ics, _ => TimeZoneResolvers.Default);

    /// <summary>Returns the UTC times of each event by UID, with each TZID resolved from the calendar's own VTIMEZONE only.</summary>
    public static Dictionary<string, UtcTimes> TimesFromVTimeZone(string ics) =>
        WithResolver(ics, calendar =>
        {
            var zones = calendar.TimeZones.ToDictionary(z => z.TzId!, z => (DateTimeZone)new ObservanceZone(z));
            // Ical.Net resolves "UTC" through the same resolver when it converts to UTC.
            return id => zones.TryGetValue(id, out var zone) ? zone
                : id == "UTC" ? DateTimeZone.Utc
                : throw new InvalidOperationException($"The calendar has no VTIMEZONE for \"{id}\".");
        });

    private static Dictionary<string, UtcTimes> WithResolver(string ics, Func<Calendar, Func<string, DateTimeZone>> resolverFor)
    {
        var previous = TimeZoneResolvers.TimeZoneResolver;
        try
        {
            var calendar = Load(ics);
            TimeZoneResolvers.TimeZoneResolver = resolverFor(calendar);
            return calendar.Events.ToDictionary(
                e => e.Uid!,
                e => new UtcTimes(e.DtStart!.AsUtc, e.DtEnd!.AsUtc));
        }
        finally
        {
            TimeZoneResolvers.TimeZoneResolver = previous;
        }
    }

    /// <summary>
    /// A NodaTime zone made of a VTIMEZONE's STANDARD and DAYLIGHT sub-components, each in force
    /// from its onset (DTSTART read in TZOFFSETFROM) to the next. It takes no RRULE or RDATE,
    /// because the app writes one sub-component per change, and it rejects a VTIMEZONE that has them.
    /// </summary>
    private sealed class ObservanceZone : DateTimeZone
    {
        private readonly List<(Instant Onset, Offset From, Offset To, string Name)> _observances;

        public ObservanceZone(VTimeZone zone)
            : this(zone.TzId!, Observances(zone))
        {
        }

        private ObservanceZone(string id, List<(Instant Onset, Offset From, Offset To, string Name)> observances)
            : base(id, false, observances.Min(o => Offset.Min(o.From, o.To)), observances.Max(o => Offset.Max(o.From, o.To))) =>
            _observances = observances;

        public override ZoneInterval GetZoneInterval(Instant instant)
        {
            var index = _observances.FindLastIndex(o => o.Onset <= instant);
            if (index < 0)
            {
                var first = _observances[0];
                return new ZoneInterval(first.Name, null, first.Onset, first.From, Offset.Zero);
            }

            var current = _observances[index];
            Instant? end = index + 1 < _observances.Count ? _observances[index + 1].Onset : null;
            return new ZoneInterval(current.Name, current.Onset, end, current.To, Offset.Zero);
        }

        private static List<(Instant Onset, Offset From, Offset To, string Name)> Observances(VTimeZone zone)
        {
            var observances = new List<(Instant, Offset, Offset, string)>();
            foreach (var info in zone.TimeZoneInfos)
            {
                Assert.Null(info.RecurrenceRule);
                Assert.Empty(info.RecurrenceDates.GetAllDates());
                var from = Offset.FromTimeSpan(info.OffsetFrom!.Offset);
                var to = Offset.FromTimeSpan(info.OffsetTo!.Offset);
                var onset = LocalDateTime.FromDateTime(info.DtStart!.Value).WithOffset(from).ToInstant();
                observances.Add((onset, from, to, info.Name));
            }

            Assert.NotEmpty(observances);
            return [.. observances.OrderBy(o => o.Item1)];
        }
    }
}
