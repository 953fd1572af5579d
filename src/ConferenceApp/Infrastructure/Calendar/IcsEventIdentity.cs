using System.Globalization;

namespace ConferenceApp.Infrastructure.Calendar;

/// <summary>
/// The UID and SEQUENCE of the program's calendar events. The moved-talk email and the calendar
/// exports both take them from here, so a calendar that contains a talk from either one updates the
/// same event when it gets the other.
/// </summary>
public static class IcsEventIdentity
{
    /// <summary>The UID domain part used when <c>Site:PublicUrl</c> is not set.</summary>
    public const string FallbackHost = "localhost";

    // SEQUENCE counts seconds from this instant, so each later release gets a greater number
    // and the value fits the 32-bit INTEGER of RFC 5545 until 2088.
    private static readonly DateTimeOffset SequenceEpoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Returns the host of the site's public address, or <see cref="FallbackHost"/> when it is not configured.</summary>
    public static string UidHost(Uri? publicAddress) => publicAddress?.Host ?? FallbackHost;

    /// <summary>Returns "talk-{id}@{host}", which stays the same across releases.</summary>
    public static string TalkUid(int talkId, string host) => $"talk-{talkId.ToString(CultureInfo.InvariantCulture)}@{host}";

    /// <summary>Returns "session-{id}@{host}" for a program item that is not a single talk.</summary>
    public static string SessionUid(int sessionId, string host) => $"session-{sessionId.ToString(CultureInfo.InvariantCulture)}@{host}";

    /// <summary>Returns the SEQUENCE of every event in a release: the seconds from 2020-01-01 UTC to its publication.</summary>
    public static int Sequence(DateTimeOffset publishedAt) =>
        (int)Math.Clamp((publishedAt - SequenceEpoch).TotalSeconds, 0, int.MaxValue);
}
