using System.Net;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Organize;

public sealed class TimeSlotPagesTests : OrganizerTestBase
{
    private const string Base = "/organize/" + Conference + "/timeslots";

    [Fact]
    public async Task Form_shows_time_zone_and_typed_inputs()
    {
        var page = await Browser.GetPageAsync($"{Base}/new");

        Assert.Contains("Asia/Jerusalem", page.QuerySelector("label[for=StartTime]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Asia/Jerusalem", page.QuerySelector("label[for=EndTime]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("date", page.QuerySelector("input[name=Date]")!.GetAttribute("type"));
        Assert.Equal("time", page.QuerySelector("input[name=StartTime]")!.GetAttribute("type"));
        Assert.Equal("time", page.QuerySelector("input[name=EndTime]")!.GetAttribute("type"));
        Assert.Equal("checkbox", page.QuerySelector("input[name=EndsNextDay]")!.GetAttribute("type"));
    }

    [Fact]
    public async Task Create_edit_delete_round_trip()
    {
        var created = await Browser.SubmitAsync($"{Base}/new", Fields(("Date", "2023-03-09"), ("StartTime", "16:00"), ("EndTime", "17:15")));
        OrganizerBrowser.RedirectTarget(created);
        var id = await SlotIdAsync(new DateTime(2023, 3, 9, 16, 0, 0));
        var sessionId = await NewSessionInSlotAsync(id);
        Assert.DoesNotContain("16:00", await Browser.Client.GetStringAsync(new Uri($"/{Conference}/program", UriKind.Relative)), StringComparison.Ordinal);
        await Browser.PublishAsync();
        Assert.Contains("16:00", await Browser.Client.GetStringAsync(new Uri($"/{Conference}/program", UriKind.Relative)), StringComparison.Ordinal);

        var edited = await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(("StartTime", "16:30")));
        OrganizerBrowser.RedirectTarget(edited);
        await Browser.PublishAsync();
        var program = await Browser.Client.GetStringAsync(new Uri($"/{Conference}/program", UriKind.Relative));
        Assert.Contains("16:30", program, StringComparison.Ordinal);

        var deleted = await Browser.SubmitAsync($"{Base}/{Text(id)}/delete");
        OrganizerBrowser.RedirectTarget(deleted);
        await using var scope = App.OpenDb();
        Assert.False(await scope.Db.TimeSlots.AnyAsync(s => s.Id == id));
        Assert.Null(await scope.Db.Sessions.Where(s => s.Id == sessionId).Select(s => s.TimeSlotId).SingleAsync());
        Assert.Equal(["Added", "Modified", "Deleted"], (await AuditOfAsync("TimeSlot")).Select(a => a.Action).TakeLast(3));
    }

    [Fact]
    public async Task Crossing_midnight_needs_next_day_box()
    {
        var withoutBox = await Browser.SubmitAsync($"{Base}/new", Fields(("Date", "2023-03-09"), ("StartTime", "22:00"), ("EndTime", "01:00")));
        var page = await OrganizerBrowser.ParseAsync(withoutBox);
        Assert.Contains("must be after the start", OrganizerBrowser.ErrorFor(page, "EndTime"), StringComparison.Ordinal);
        Assert.Contains("Ends the next day", OrganizerBrowser.ErrorFor(page, "EndTime"), StringComparison.Ordinal);

        var withBox = await Browser.SubmitAsync($"{Base}/new", Fields(("Date", "2023-03-09"), ("StartTime", "22:00"), ("EndTime", "01:00"), ("EndsNextDay", "true")));
        OrganizerBrowser.RedirectTarget(withBox);
        await using var scope = App.OpenDb();
        var slot = await scope.Db.TimeSlots.SingleAsync(s => s.Start == new DateTime(2023, 3, 9, 22, 0, 0));
        Assert.Equal(new DateTime(2023, 3, 10, 1, 0, 0), slot.End);

        var form = await Browser.GetPageAsync($"{Base}/{Text(slot.Id)}/edit");
        var shown = OrganizerBrowser.FormValues(form);
        Assert.True(shown.ContainsKey("EndsNextDay"), "The next-day box is not ticked on the stored slot's form.");
        Assert.Equal("true", shown["EndsNextDay"]);
    }

    [Theory]
    [InlineData("2023-03-09", "10:00", "09:00", "EndTime", "must be after the start")]
    [InlineData("2023-03-12", "10:00", "11:00", "Date", "not one of the conference's days")]
    [InlineData("", "10:00", "11:00", "Date", "The day is required.")]
    [InlineData("2023-03-09", "", "11:00", "StartTime", "The start time is required.")]
    public async Task Create_rejects_bad_times_next_to_field(string date, string start, string end, string field, string message)
    {
        var before = (await AuditOfAsync("TimeSlot")).Count;

        var response = await Browser.SubmitAsync($"{Base}/new", Fields(("Date", date), ("StartTime", start), ("EndTime", end)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains(message, OrganizerBrowser.ErrorFor(page, field), StringComparison.Ordinal);
        Assert.Equal(before, (await AuditOfAsync("TimeSlot")).Count);
    }

    [Fact]
    public async Task Skipped_local_time_is_rejected()
    {
        // Israel moved its clocks from 02:00 to 03:00 on 24 March 2023; the conference must contain that day first.
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"/organize/{Conference}/edit", Fields(("EndDate", "2023-03-24"))));

        var response = await Browser.SubmitAsync($"{Base}/new", Fields(("Date", "2023-03-24"), ("StartTime", "02:30"), ("EndTime", "04:00")));

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("does not exist in Asia/Jerusalem", OrganizerBrowser.ErrorFor(page, "StartTime"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stale_edit_keeps_other_change()
    {
        var id = await SlotIdAsync(new DateTime(2023, 3, 9, 8, 45, 0));
        var url = $"{Base}/{Text(id)}/edit";
        var stale = OrganizerBrowser.FormValues(await Browser.GetPageAsync(url));
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync(url, Fields(("StartTime", "08:30"))));

        stale["EndTime"] = "09:15";
        var response = await Browser.PostAsync(url, stale);

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Someone else changed this time slot", OrganizerBrowser.FormError(page), StringComparison.Ordinal);
        Assert.Equal("08:30", OrganizerBrowser.FormValues(page)["StartTime"]);
        await using var scope = App.OpenDb();
        var slot = await scope.Db.TimeSlots.SingleAsync(s => s.Id == id);
        Assert.Equal(new DateTime(2023, 3, 9, 8, 30, 0), slot.Start);
        Assert.Equal(new DateTime(2023, 3, 9, 9, 30, 0), slot.End);
    }

    private async Task<int> SlotIdAsync(DateTime start)
    {
        await using var scope = App.OpenDb();
        return await scope.Db.TimeSlots.Where(s => s.Start == start).Select(s => s.Id).SingleAsync();
    }

    private async Task<int> NewSessionInSlotAsync(int slotId)
    {
        var response = await Browser.SubmitAsync($"/organize/{Conference}/sessions/new", Fields(("Title", "Late panel"), ("Kind", "3"), ("TimeSlotId", Text(slotId))));
        OrganizerBrowser.RedirectTarget(response);
        await using var scope = App.OpenDb();
        return await scope.Db.Sessions.Where(s => s.Title == "Late panel").Select(s => s.Id).SingleAsync();
    }
}
