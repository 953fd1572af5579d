using System.Net;
using ConferenceApp.ReliabilityTests.Support;
using ConferenceApp.Testing;
using Xunit.Abstractions;

namespace ConferenceApp.ReliabilityTests;

/// <summary>
/// The app killed with SIGKILL inside the transaction of an import or a publish, then started again
/// on the same database. It starts, the database contains exactly the rows it had before the request,
/// SQLite's integrity check passes, and the same request then succeeds. A publish that SQLite
/// committed before the kill must have left the whole release and nothing else.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const string Slug = "large";

    private static readonly TimeSpan TransactionTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kill_during_import_changes_nothing()
    {
        var conference = new LargeConferenceGenerator().Generate(LargeConferenceSize.Standard);
        await using var app = await SingleApp.StartAsync();
        using var organizer = await app.SignInAsync();
        await OrganizerSteps.CreateConferenceAsync(organizer, app.BaseUrl, Slug, conference);
        var (previewUrl, confirmation) = await OrganizerSteps.UploadAsync(organizer, app.BaseUrl, Slug, conference.Xml);

        var before = await DatabaseState.ReadAsync(app.Database);
        await KillInsideTransactionAsync(app, () => organizer.PostAsync(previewUrl, confirmation));
        await app.RestartAsync();

        await AssertUnchangedAsync(app, before);

        // The upload survived the crash, so the organizer can confirm it again. The sign-in cookie
        // and the form's antiforgery token stay valid, because the keys that protect them are in the database.
        await OrganizerSteps.ConfirmAsync(organizer, app.BaseUrl + new Uri(previewUrl).PathAndQuery, confirmation);
        var after = await DatabaseState.ReadAsync(app.Database);
        Assert.Equal(before.RowCount("Talks") + conference.TalkGuids.Count, after.RowCount("Talks"));
    }

    [Fact]
    public async Task Kill_during_publish_is_all_or_nothing()
    {
        var conference = new LargeConferenceGenerator().Generate(LargeConferenceSize.Standard);
        await using var app = await SingleApp.StartAsync();
        using var organizer = await app.SignInAsync();
        await OrganizerSteps.CreateConferenceAsync(organizer, app.BaseUrl, Slug, conference);
        var (previewUrl, confirmation) = await OrganizerSteps.UploadAsync(organizer, app.BaseUrl, Slug, conference.Xml);
        await OrganizerSteps.ConfirmAsync(organizer, previewUrl, confirmation);
        var release = await OrganizerSteps.ReleaseFormAsync(organizer, app.BaseUrl, Slug);

        var before = await DatabaseState.ReadAsync(app.Database);
        var publishUrl = $"{app.BaseUrl}/organize/{Slug}/releases/new";

        // NOTE: on SQLite the publish transaction's pages fit in the page cache, so they reach the
        // log only at the commit, which takes milliseconds. The probe notices the transaction as it
        // commits, and the kill may come after the commit, even before the response is sent. The
        // database then decides: either the whole release is stored, or nothing changed.
        await KillInsideTransactionAsync(app, () => organizer.PostAsync(publishUrl, release), requireInside: !IsSqlite(app));
        await app.RestartAsync();

        var committed = (await DatabaseState.ReadAsync(app.Database)).RowCount("Releases") > before.RowCount("Releases");
        Assert.False(committed && !IsSqlite(app), "On PostgreSQL the kill came while the publish waited inside its transaction, yet the release was stored.");
        if (committed)
        {
            await AssertPublishedWholeAsync(app, before);
        }
        else
        {
            await AssertUnchangedAsync(app, before);
        }

        var next = await OrganizerSteps.ReleaseFormAsync(organizer, app.BaseUrl, Slug);
        using var published = await organizer.PostAsync($"{app.BaseUrl}/organize/{Slug}/releases/new", next);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var after = await DatabaseState.ReadAsync(app.Database);
        Assert.Equal(before.RowCount("Releases") + (committed ? 2 : 1), after.RowCount("Releases"));
    }

    private static bool IsSqlite(SingleApp app) => app.Database.Provider == "Sqlite";

    // Sends the request, waits until the app has an uncommitted write transaction open, and kills
    // the app. Returns true when the request failed without a response, because the kill came
    // before the commit. A response means that the app finished the transaction before the kill.
    private async Task<bool> KillInsideTransactionAsync(SingleApp app, Func<Task<HttpResponseMessage>> send, bool requireInside = true)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var probe = await WriteProbe.ArmAsync(app.Database);
        var request = Task.Run(send);
        await probe.WaitForOpenTransactionAsync(TransactionTimeout, () => request.IsCompleted);
        app.Instance.Kill();
        output.WriteLine($"Killed the app {clock.ElapsedMilliseconds} ms after sending the request.");

        var exception = await Record.ExceptionAsync(async () => (await request).Dispose());
        var inside = exception is HttpRequestException;
        output.WriteLine(inside ? "The request got no response." : "The request was answered before the kill.");
        Assert.True(inside || !requireInside,
            $"The request ended with {(request.IsCompletedSuccessfully ? $"status {(int)request.Result.StatusCode}" : exception?.ToString())}, "
            + $"so the kill came after the transaction.{Environment.NewLine}{app.Diagnostics()}");
        return inside;
    }

    // The release committed before the kill: it is complete, with its audit entry, and nothing else changed.
    private static async Task AssertPublishedWholeAsync(SingleApp app, DatabaseState before)
    {
        Assert.Equal("ok", await DatabaseState.CheckIntegrityAsync(app.Database));

        var after = await DatabaseState.ReadAsync(app.Database);
        var changed = before.Tables.Keys.Where(table => !before.Tables[table].SequenceEqual(after.Tables[table], StringComparer.Ordinal)).ToList();
        Assert.Equal(["AuditEntries", "Releases"], changed);
        Assert.Equal(before.RowCount("Releases") + 1, after.RowCount("Releases"));
        Assert.Equal(before.RowCount("AuditEntries") + 1, after.RowCount("AuditEntries"));

        using var visitor = new ClusterTests.Support.SiteBrowser();
        Assert.Contains("Conference large", await visitor.GetPageAsync($"{app.BaseUrl}/{Slug}/program"), StringComparison.Ordinal);
    }

    private static async Task AssertUnchangedAsync(SingleApp app, DatabaseState before)
    {
        Assert.Equal("ok", await DatabaseState.CheckIntegrityAsync(app.Database));

        var after = await DatabaseState.ReadAsync(app.Database);
        var differences = before.Differences(after);
        Assert.True(differences.Length == 0, $"The database changed:{Environment.NewLine}{differences}{Environment.NewLine}{app.Diagnostics()}");
        Assert.DoesNotContain("fail:", app.Instance.Output, StringComparison.Ordinal);
    }
}
