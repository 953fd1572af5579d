using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConferenceApp.Data.Configurations;

/// <summary>
/// Stores an <see cref="Availability"/> as a JSON array of local start and end times in a plain
/// text column, such as [{"start":"2026-03-10T09:00","end":"2026-03-10T17:30"}]. Plain text keeps
/// the column the same on SQLite and PostgreSQL; an empty array or an empty string means always
/// available.
/// </summary>
internal static class AvailabilityColumn
{
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>The longest stored value: 200 lines of about 50 characters each.</summary>
    public const int MaxLength = 12_000;

    private static readonly ValueConverter<Availability, string> Converter = new(
        availability => Write(availability),
        json => Read(json));

    private static readonly ValueComparer<Availability> Comparer = new(
        (left, right) => Equals(left, right),
        availability => availability.GetHashCode(),
        availability => availability);

    /// <summary>Maps the availability property of <typeparamref name="T"/> to a required text column.</summary>
    public static void HasAvailability<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, Availability>> property)
        where T : class
    {
        builder.Property(property)
            .HasConversion(Converter, Comparer)
            .HasMaxLength(MaxLength)
            .IsRequired();
    }

    private static string Write(Availability availability) =>
        JsonSerializer.Serialize(availability.Intervals.Select(i => new StoredInterval(
            i.Start.ToString(LocalFormat, CultureInfo.InvariantCulture),
            i.End.ToString(LocalFormat, CultureInfo.InvariantCulture))));

    private static Availability Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Availability.Always;
        }

        var stored = JsonSerializer.Deserialize<List<StoredInterval>>(json) ?? [];
        return Availability.Of(stored.Select(s => new LocalInterval(
            DateTime.ParseExact(s.Start, LocalFormat, CultureInfo.InvariantCulture),
            DateTime.ParseExact(s.End, LocalFormat, CultureInfo.InvariantCulture))));
    }

    private sealed record StoredInterval(
        [property: System.Text.Json.Serialization.JsonPropertyName("start")] string Start,
        [property: System.Text.Json.Serialization.JsonPropertyName("end")] string End);
}
