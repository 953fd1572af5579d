using System.Globalization;
using ConferenceApp.Features.Program;

namespace ConferenceApp.Tests.Program;

/// <summary>
/// The zone label of the program page, also for a program that crosses a daylight-saving change,
/// and the same in every interface language.
/// </summary>
public sealed class TimeFormatTests
{
    private static readonly DateTimeOffset Fallback = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void One_offset_gives_id_and_offset()
    {
        var starts = new[] { new DateTimeOffset(2023, 3, 9, 8, 45, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2023, 3, 9, 15, 0, 0, TimeSpan.FromHours(2)) };

        var label = TimeFormat.Zone("Asia/Jerusalem", starts, Fallback);

        Assert.Equal(TimeFormat.Zone("Asia/Jerusalem", starts[0]), label);
        Assert.Equal("Asia/Jerusalem (UTC+02:00)", label);
    }

    [Fact]
    public void Daylight_saving_change_names_both_offsets()
    {
        // Berlin moves from UTC+01:00 to UTC+02:00 in the night to Sunday 29 March 2026.
        var starts = new[]
        {
            new DateTimeOffset(2026, 3, 29, 10, 0, 0, TimeSpan.FromHours(2)),
            new DateTimeOffset(2026, 3, 28, 10, 0, 0, TimeSpan.FromHours(1)),
            new DateTimeOffset(2026, 3, 28, 16, 0, 0, TimeSpan.FromHours(1)),
        };

        Assert.Equal("Europe/Berlin (UTC+01:00, from Sun 29 Mar UTC+02:00)", TimeFormat.Zone("Europe/Berlin", starts, Fallback));
    }

    [Fact]
    public void Negative_offset_keeps_its_sign()
    {
        var starts = new[] { new DateTimeOffset(2030, 11, 2, 9, 0, 0, TimeSpan.FromHours(-4)), new DateTimeOffset(2030, 11, 3, 9, 0, 0, TimeSpan.FromHours(-5)) };

        Assert.Equal("America/New_York (UTC-04:00, from Sun 3 Nov UTC-05:00)", TimeFormat.Zone("America/New_York", starts, Fallback));
    }

    [Fact]
    public void Label_ignores_interface_language()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("he");
            Assert.Equal("Asia/Jerusalem (UTC+02:00)", TimeFormat.Zone("Asia/Jerusalem", new DateTimeOffset(2023, 3, 9, 9, 0, 0, TimeSpan.FromHours(2))));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void No_starts_uses_fallback()
    {
        Assert.Equal(TimeFormat.Zone("Asia/Jerusalem", Fallback), TimeFormat.Zone("Asia/Jerusalem", [], Fallback));
    }
}
