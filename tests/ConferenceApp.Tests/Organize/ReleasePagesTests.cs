using System.Net;
using System.Text.Json;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Organize;

public sealed class ReleasePagesTests : OrganizerTestBase
{
    private const string Base = "/organize/" + Conference + "/releases";
    private const string NewUrl = Base + "/new";

    [Fact]
    public async Task Draft_edit_waits_for_publish()
    {
        var id = await SessionIdAsync("Opening words");
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"/organize/{Conference}/sessions/{Text(id)}/edit", Fields(("Title", "Welcome"))));

        var publicBefore = await Browser.Client.GetPageAsync($"/{Conference}/program");
        Assert.Contains("Opening words", publicBefore.Texts("h3.item-title"));
        Assert.DoesNotContain("Welcome", publicBefore.Texts("h3.item-title"));

        var preview = await Browser.Client.GetPageAsync($"/organize/{Conference}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("Welcome", preview.Texts("h3.item-title"));
        Assert.Contains("Draft preview — not public", preview.Texts(".draft-banner").Single(), StringComparison.Ordinal);
        Assert.Contains(preview.Document.QuerySelectorAll(".draft-banner a"), a => a.GetAttribute("href") == NewUrl);

        await Browser.PublishAsync();

        var publicAfter = await Browser.Client.GetPageAsync($"/{Conference}/program");
        Assert.Contains("Welcome", publicAfter.Texts("h3.item-title"));
        Assert.DoesNotContain("Opening words", publicAfter.Texts("h3.item-title"));
        Assert.Empty(publicAfter.Texts(".draft-banner"));
    }

    [Fact]
    public async Task Preview_needs_organizer()
    {
        var response = await App.CreateBrowserlessClient().GetAsync(new Uri($"/organize/{Conference}/preview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_suggests_next_version()
    {
        var form = OrganizerBrowser.FormValues(await Browser.GetPageAsync(NewUrl));
        Assert.Equal("1.1", form["Name"]);

        await Browser.PublishAsync(name: "2.9");

        Assert.Equal("2.10", OrganizerBrowser.FormValues(await Browser.GetPageAsync(NewUrl))["Name"]);
    }

    [Theory]
    [InlineData("   ", "Version name is required.")]
    [InlineData("1234567890123456789012345678901234567890x", "Version name must be at most 40 characters long; it has 41.")]
    [InlineData("1.0", "A release named \"1.0\" already exists; choose another version name.")]
    public async Task Bad_name_is_rejected_next_to_field(string name, string message)
    {
        var response = await Browser.SubmitAsync(NewUrl, Fields(("Name", name), ("Comment", "Kept after the error.")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal(message, OrganizerBrowser.ErrorFor(page, "Name"));
        Assert.Equal("Kept after the error.", OrganizerBrowser.FormValues(page)["Comment"]);
        Assert.Equal(1, await ReleaseCountAsync());
    }

    [Fact]
    public async Task Duplicate_in_other_casing_is_rejected()
    {
        await Browser.PublishAsync(name: "RC1");

        var response = await Browser.SubmitAsync(NewUrl, Fields(("Name", "rc1")));

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal("A release named \"RC1\" already exists; choose another version name.", OrganizerBrowser.ErrorFor(page, "Name"));
        Assert.Equal(2, await ReleaseCountAsync());
    }

    [Fact]
    public async Task Conflicts_need_confirmation()
    {
        await AddRoomConflictAsync();

        var form = await Browser.GetPageAsync(NewUrl);
        Assert.Equal("Publish despite 1 conflict", form.QuerySelector("label[for=ConflictsConfirmed]")!.TextContent.Trim());
        Assert.Single(form.QuerySelectorAll(".publish-conflicts .list-group-item"));

        var rejected = await Browser.SubmitAsync(NewUrl, Fields(("Name", "1.1")));
        var page = await OrganizerBrowser.ParseAsync(rejected);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(Release.ConflictsNotConfirmedMessage(1), OrganizerBrowser.ErrorFor(page, "ConflictsConfirmed"));
        Assert.Equal(1, await ReleaseCountAsync());

        var confirmed = await Browser.SubmitAsync(NewUrl, Fields(("Name", "1.1"), ("ConflictsConfirmed", "true")));
        Assert.Equal(Base, OrganizerBrowser.RedirectTarget(confirmed));
        await using var scope = App.OpenDb();
        var release = await scope.Db.Releases.OrderBy(r => r.Id).LastAsync();
        Assert.Equal("1.1", release.Name);
        Assert.Equal(1, release.ConflictCount);
        Assert.True(release.ConflictsConfirmed);
        Assert.Equal(AppFactory.OrganizerEmail, release.PublishedBy);
    }

    [Fact]
    public async Task Confirmation_of_fewer_conflicts_is_rejected()
    {
        var form = OrganizerBrowser.FormValues(await Browser.GetPageAsync(NewUrl));
        await AddRoomConflictAsync();

        form["ConflictsConfirmed"] = "true";
        var response = await Browser.PostAsync(NewUrl, form);

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("changed from 0 to 1", OrganizerBrowser.ErrorFor(page, "ConflictsConfirmed"), StringComparison.Ordinal);
        Assert.Equal("1", OrganizerBrowser.FormValues(page)["ConfirmedConflictCount"]);
        Assert.Equal(1, await ReleaseCountAsync());
    }

    [Fact]
    public async Task Unchanged_draft_warns_but_publishes()
    {
        var form = await Browser.GetPageAsync(NewUrl);
        Assert.Contains("Nothing on the program has changed since release 1.0", form.QuerySelector(".no-changes")!.TextContent, StringComparison.Ordinal);

        await Browser.PublishAsync(comment: "Same program, new note.");

        Assert.Equal(2, await ReleaseCountAsync());
    }

    [Fact]
    public async Task Form_summarizes_changes()
    {
        var id = await SessionIdAsync("Opening words");
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"/organize/{Conference}/sessions/{Text(id)}/edit", Fields(("Title", "Welcome"))));

        var form = await Browser.GetPageAsync(NewUrl);

        Assert.Equal("Changes since release 1.0", form.QuerySelector("#changes-heading")!.TextContent.Trim());
        var renamed = form.QuerySelector(".change-renamed li")!.TextContent;
        Assert.Contains("Welcome", renamed, StringComparison.Ordinal);
        Assert.Contains("formerly “Opening words”", renamed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_releases_newest_first()
    {
        await AddRoomConflictAsync();
        await Browser.PublishAsync(name: "1.1", comment: "Added the panel.");

        var page = await Browser.GetPageAsync(Base);

        var rows = page.QuerySelectorAll("ol.release-list li.release");
        Assert.Equal(["1.1", "1.0"], rows.Select(r => r.QuerySelector(".release-name")!.TextContent.Trim()));
        Assert.Contains("Added the panel.", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(AppFactory.OrganizerEmail, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1 conflict", rows[0].QuerySelector(".release-conflicts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("confirmed", rows[0].QuerySelector(".release-conflicts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("system", rows[1].TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[0].QuerySelector("time[datetime]"));
        Assert.Contains(page.QuerySelectorAll(".organize-sections a"), a => a.GetAttribute("href") == Base && a.GetAttribute("aria-current") == "page");
    }

    [Fact]
    public async Task Audit_records_release_without_snapshot()
    {
        await Browser.PublishAsync(name: "1.1", comment: "Audited.");

        var entry = (await AuditOfAsync(nameof(Release))).Last();

        Assert.Equal("Added", entry.Action);
        Assert.Equal(AppFactory.OrganizerEmail, entry.Actor);
        Assert.NotEqual("new", entry.EntityId);
        using var changes = JsonDocument.Parse(entry.Changes);
        Assert.Equal("1.1", changes.RootElement.GetProperty("Name")[1].GetString());
        Assert.Equal("Audited.", changes.RootElement.GetProperty("Comment")[1].GetString());
        Assert.False(changes.RootElement.TryGetProperty("Snapshot", out _));
        Assert.True(changes.RootElement.GetProperty("SnapshotLength")[1].GetInt32() > 1000);
        Assert.True(entry.Changes.Length < 2000, $"The audit entry is {entry.Changes.Length} characters long.");
    }

    [Fact]
    public async Task Demo_is_published_as_first_release()
    {
        await using var scope = App.OpenDb();

        var release = await scope.Db.Releases.SingleAsync();

        Assert.Equal(ReleaseNames.First, release.Name);
        Assert.Equal("system", release.PublishedBy);
    }

    private async Task<int> ReleaseCountAsync()
    {
        await using var scope = App.OpenDb();
        return await scope.Db.Releases.CountAsync();
    }

    private async Task<int> SessionIdAsync(string title)
    {
        await using var scope = App.OpenDb();
        return await scope.Db.Sessions.Where(s => s.Title == title).Select(s => s.Id).SingleAsync();
    }

    // Places a second session in the slot and room of the opening words, which books the room twice.
    private async Task AddRoomConflictAsync()
    {
        await using var scope = App.OpenDb();
        var opening = await scope.Db.Sessions.SingleAsync(s => s.Title == "Opening words");
        var slot = await scope.Db.TimeSlots.SingleAsync(s => s.Id == opening.TimeSlotId);
        var room = await scope.Db.Rooms.SingleAsync(r => r.Id == opening.RoomId);
        var panel = Session.Create(opening.ConferenceId, "Panel", SessionKind.Panel, null);
        panel.PlaceIn(slot, room);
        scope.Db.Sessions.Add(panel);
        await scope.Db.SaveChangesAsync();
    }
}
