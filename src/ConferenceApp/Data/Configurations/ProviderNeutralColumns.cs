using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConferenceApp.Data.Configurations;

/// <summary>
/// Column settings that make SQLite and PostgreSQL store and return the same values: the kind
/// of each <see cref="DateTime"/>, and on PostgreSQL the ordinal ("C") collation of text.
/// </summary>
/// <remarks>
/// A <see cref="DateTime"/> property is either a UTC instant, whose name ends in "Utc", or a
/// local wall-clock time in the conference's zone, listed in <see cref="LocalTimes"/>. Instants
/// are read back with <see cref="DateTimeKind.Utc"/> on both providers and are
/// <c>timestamp with time zone</c> on PostgreSQL. Local times keep
/// <see cref="DateTimeKind.Unspecified"/> and are <c>timestamp without time zone</c> there, so
/// PostgreSQL never shifts them by the server's zone. SQLite stores both as ISO 8601 text.
/// </remarks>
internal static class ProviderNeutralColumns
{
    /// <summary>The only column collation that orders text by code point, as SQLite's BINARY does.</summary>
    public const string PostgresOrdinalCollation = "C";

    private static readonly HashSet<(Type Entity, string Property)> LocalTimes =
    [
        (typeof(TimeSlot), nameof(TimeSlot.Start)),
        (typeof(TimeSlot), nameof(TimeSlot.End)),
    ];

    private static readonly ValueConverter<DateTime, DateTime> UtcInstant = new(
        value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime, DateTime> LocalTime = new(
        value => DateTime.SpecifyKind(value, DateTimeKind.Unspecified),
        value => DateTime.SpecifyKind(value, DateTimeKind.Unspecified));

    /// <summary>
    /// Configures every <see cref="DateTime"/> and, on PostgreSQL, every text property of the
    /// model. Throws when a <see cref="DateTime"/> property is neither an instant nor a listed
    /// local time, so that each new one gets a decision.
    /// </summary>
    public static void Apply(ModelBuilder builder, bool isPostgres)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type == typeof(DateTime))
                {
                    if (LocalTimes.Contains((entityType.ClrType, property.Name)))
                    {
                        property.SetValueConverter(LocalTime);
                        if (isPostgres)
                        {
                            property.SetColumnType("timestamp without time zone");
                        }
                    }
                    else if (property.Name.EndsWith("Utc", StringComparison.Ordinal))
                    {
                        property.SetValueConverter(UtcInstant);
                    }
                    else
                    {
                        throw new InvalidOperationException(
                            $"The DateTime property {entityType.ClrType.Name}.{property.Name} is neither a UTC instant (a name ending in \"Utc\") nor a local time listed in {nameof(ProviderNeutralColumns)}.");
                    }
                }
                else if (type == typeof(string) && isPostgres)
                {
                    property.SetCollation(PostgresOrdinalCollation);
                }
            }
        }
    }
}
