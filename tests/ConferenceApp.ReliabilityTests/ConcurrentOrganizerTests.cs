using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using ConferenceApp.ClusterTests.Support;
using ConferenceApp.ReliabilityTests.Support;
using Xunit.Abstractions;

namespace ConferenceApp.ReliabilityTests;

/// <summary>One app process and sixteen organizers signed in to it, each with a session of its own, shared by the tests of a class.</summary>
public sealed class OrganizerSessions : IAsyncLifetime
{
    public const int Count = 16;

    internal SingleApp App { get; private set; } = null!;

    internal List<SiteBrowser> Organizers { get; } = [];

    public async Task InitializeAsync()
    {
        App = await SingleApp.StartAsync();
        for (var i = 0; i < Count; i++)
        {
            Organizers.Add(await App.SignInAsync());
        }
    }

    public async Task DisposeAsync()
    {
        Organizers.ForEach(organizer => organizer.Dispose());
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

/// <summary>
/// Sixteen organizers saving at once against a real app process and its database: every save the
/// app acknowledges is stored, no request fails, and concurrent saves of one item end in one save
/// and stale-edit rejections for the rest.
/// </summary>
/// <remarks>
/// CONFERENCEAPP_TEST_LOAD_SECONDS sets how long the organizers keep saving (default 30 s).
/// </remarks>
public sealed class ConcurrentOrganizerTests(OrganizerSessions sessions, ITestOutputHelper output) : IClassFixture<OrganizerSessions>
{
    private const string Conference = SingleApp.DemoConference;
    private const string ConflictMessage = "Someone else changed this room while you were editing it.";
    private const int SharedRoomRounds = 10;

    // Every fifth save adds a room, which the app saves in two steps in one transaction; the rest rename one.
    private const int AddEvery = 5;

    private static TimeSpan LoadDuration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("CONFERENCEAPP_TEST_LOAD_SECONDS"), CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : 30);

    private SingleApp App => sessions.App;

    [Fact]
    public async Task Sixteen_organizers_lose_no_save()
    {
        var roomIds = new List<int>();
        for (var i = 0; i < OrganizerSessions.Count; i++)
        {
            var name = $"Organizer {i} room";
            await AddRoomAsync(sessions.Organizers[i], name);
            roomIds.Add(await RoomIdAsync(name));
        }

        var failures = new ConcurrentQueue<string>();
        var renames = new ConcurrentDictionary<int, List<string>>();
        var additions = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var duration = LoadDuration;
        await Task.WhenAll(Enumerable.Range(0, OrganizerSessions.Count).Select(i => Task.Run(() =>
            SaveUntilAsync(sessions.Organizers[i], i, roomIds[i], clock, duration, renames.GetOrAdd(roomIds[i], _ => []), additions, failures))));

        var saveCount = renames.Values.Sum(list => list.Count) + additions.Count;
        output.WriteLine($"{OrganizerSessions.Count} organizers saved {saveCount} times in {clock.Elapsed.TotalSeconds:0.0} s: "
            + $"{renames.Values.Sum(list => list.Count)} renames and {additions.Count} new rooms; {failures.Count} requests failed.");
        Assert.True(failures.IsEmpty, $"{failures.Count} requests failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(10))}{Environment.NewLine}{App.Diagnostics()}");
        Assert.True(saveCount >= OrganizerSessions.Count, $"Only {saveCount} saves were acknowledged in {duration.TotalSeconds} s.");

        await using var db = DatabaseState.Connect(App.Database);
        await db.OpenAsync();
        foreach (var (roomId, names) in renames)
        {
            if (names.Count > 0)
            {
                Assert.Equal(names[^1], await ScalarAsync<string>(db, $"SELECT \"Name\" FROM \"Rooms\" WHERE \"Id\" = {roomId}"));
            }

            var audited = await ScalarAsync<long>(db, $"SELECT count(*) FROM \"AuditEntries\" WHERE \"EntityType\" = 'Room' AND \"EntityId\" = '{roomId}' AND \"Action\" = 'Modified'");
            Assert.True(audited == names.Count, $"Room {roomId} was renamed {names.Count} times with an acknowledgement, but the audit log has {audited} changes.");
        }

        foreach (var name in additions)
        {
            var stored = await ScalarAsync<long>(db, $"SELECT count(*) FROM \"Rooms\" WHERE \"Name\" = '{name}'");
            Assert.True(stored == 1, $"The acknowledged new room \"{name}\" is stored {stored} times.");
        }
    }

    [Fact]
    public async Task Concurrent_saves_of_one_room_conflict()
    {
        await AddRoomAsync(sessions.Organizers[0], "Shared room");
        var roomId = await RoomIdAsync("Shared room");
        var url = $"{App.BaseUrl}/organize/{Conference}/rooms/{roomId}/edit";

        for (var round = 1; round <= SharedRoomRounds; round++)
        {
            var forms = await Task.WhenAll(sessions.Organizers.Select(organizer => organizer.GetPageAsync(url)));
            var posts = forms.Select((form, i) =>
            {
                var values = SiteBrowser.FormValues(form);
                values["Name"] = $"Shared room, round {round}, organizer {i}";
                return (Name: values["Name"], Version: values["Version"], Post: Task.Run(() => ReadAsync(sessions.Organizers[i].PostAsync(url, values))));
            }).ToList();
            Assert.Single(posts.Select(post => post.Version).Distinct());
            await Task.WhenAll(posts.Select(post => post.Post));

            var saved = posts.Where(post => post.Post.Result.Status == HttpStatusCode.Redirect).ToList();
            var rejected = posts.Where(post => post.Post.Result.Status == HttpStatusCode.OK && post.Post.Result.Body.Contains(ConflictMessage, StringComparison.Ordinal)).ToList();
            var others = posts.Except(saved).Except(rejected).Select(post => (int)post.Post.Result.Status).ToList();
            Assert.True(others.Count == 0, $"Round {round}: {others.Count} saves returned neither a redirect nor the stale-edit message, with statuses {string.Join(", ", others)}.{Environment.NewLine}{App.Diagnostics()}");
            Assert.True(saved.Count == 1, $"Round {round}: {saved.Count} of {posts.Count} concurrent saves of one version were accepted.");
            Assert.Equal(OrganizerSessions.Count - 1, rejected.Count);

            await using var db = DatabaseState.Connect(App.Database);
            await db.OpenAsync();
            Assert.Equal(saved[0].Name, await ScalarAsync<string>(db, $"SELECT \"Name\" FROM \"Rooms\" WHERE \"Id\" = {roomId}"));
        }
    }

    // Renames its own room again and again, and every fifth time adds a new room, until the time is up.
    private async Task SaveUntilAsync(
        SiteBrowser organizer, int index, int roomId, Stopwatch clock, TimeSpan duration,
        List<string> renames, ConcurrentQueue<string> additions, ConcurrentQueue<string> failures)
    {
        var editUrl = $"{App.BaseUrl}/organize/{Conference}/rooms/{roomId}/edit";
        var newUrl = $"{App.BaseUrl}/organize/{Conference}/rooms/new";
        for (var attempt = 1; clock.Elapsed < duration; attempt++)
        {
            var adding = attempt % AddEvery == 0;
            var url = adding ? newUrl : editUrl;
            var form = await ReadAsync(organizer.GetAsync(url));
            if (form.Status != HttpStatusCode.OK)
            {
                failures.Enqueue($"GET {url}: {(int)form.Status} {form.Body}");
                continue;
            }

            var values = SiteBrowser.FormValues(form.Body);
            var name = adding ? $"Organizer {index} new room {attempt}" : $"Organizer {index} rename {attempt}";
            values["Name"] = name;

            var saved = await ReadAsync(organizer.PostAsync(url, values));
            if (saved.Status != HttpStatusCode.Redirect || saved.Location != $"/organize/{Conference}/rooms")
            {
                failures.Enqueue($"POST {url}: {(int)saved.Status} to {saved.Location}: {saved.Body}");
            }
            else if (adding)
            {
                additions.Enqueue(name);
            }
            else
            {
                renames.Add(name);
            }
        }
    }

    private async Task AddRoomAsync(SiteBrowser organizer, string name)
    {
        var url = $"{App.BaseUrl}/organize/{Conference}/rooms/new";
        var values = SiteBrowser.FormValues(await organizer.GetPageAsync(url));
        values["Name"] = name;
        using var response = await organizer.PostAsync(url, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<int> RoomIdAsync(string name)
    {
        await using var db = DatabaseState.Connect(App.Database);
        await db.OpenAsync();
        return (int)await ScalarAsync<long>(db, $"SELECT \"Id\" FROM \"Rooms\" WHERE \"Name\" = '{name}'");
    }

    // The names in these queries are the test's own, without quotes, so they are written into the SQL.
    private static async Task<T> ScalarAsync<T>(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
    }

    // Reads the whole response, or records a request that got no response as status 0 with the error.
    private static async Task<(HttpStatusCode Status, string? Location, string Body)> ReadAsync(Task<HttpResponseMessage> send)
    {
        try
        {
            using var response = await send;
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.Headers.Location?.OriginalString, response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect ? body : Shorten(body));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (0, null, exception.Message);
        }
    }

    private static string Shorten(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
