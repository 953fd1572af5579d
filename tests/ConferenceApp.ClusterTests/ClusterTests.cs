using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ConferenceApp.ClusterTests.Support;
using Xunit.Abstractions;

namespace ConferenceApp.ClusterTests;

/// <summary>
/// Two app instances (A and B) behind nginx, sharing one database and one redis-server. Each test
/// starts its own cluster, because the last one kills an instance.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Conference = Cluster.ConferenceSlug;

    // A is killed at least this long after the load starts, and only once an edit went through.
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(3);

    // The load goes on at least this long after the kill, and until an edit went through B.
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(7);

    // On a machine too slow to get any edit through, the test stops here and its asserts fail.
    private static readonly TimeSpan MaxLoadDuration = TimeSpan.FromSeconds(90);
    private const int ReaderCount = 4;
    private const int WriterCount = 2;

    private Cluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await Cluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Login_on_A_works_on_B()
    {
        using var browser = new SiteBrowser();
        var rooms = $"{_cluster.Second.BaseUrl}/organize/{Conference}/rooms";
        using (var signedOut = await browser.GetAsync(rooms))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        await browser.SignInAsync(_cluster.First.BaseUrl, Cluster.OrganizerEmail, Cluster.OrganizerPassword);

        using var signedIn = await browser.GetAsync(rooms);
        Assert.True(signedIn.StatusCode == HttpStatusCode.OK, $"B returned {(int)signedIn.StatusCode} for A's login cookie.{Environment.NewLine}{_cluster.Diagnostics()}");
    }

    [Fact]
    public async Task Publish_on_A_shows_on_B_at_once()
    {
        using var visitor = new SiteBrowser();
        var program = $"{_cluster.Second.BaseUrl}/{Conference}/program";
        await visitor.GetPageAsync(program);
        using (var cached = await visitor.GetAsync(program))
        {
            Assert.True(cached.Headers.Age is not null, "B did not serve its second request for the program from the cache.");
        }

        using var organizer = new SiteBrowser();
        var first = _cluster.First.BaseUrl;
        await organizer.SignInAsync(first, Cluster.OrganizerEmail, Cluster.OrganizerPassword);
        var roomId = (await organizer.RoomIdsAsync(first, Conference))[0];
        await RenameRoomAsync(organizer, first, roomId, "Hall renamed on A");
        await PublishAsync(organizer, first);

        var after = await visitor.GetPageAsync(program);
        Assert.Contains("Hall renamed on A", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killing_A_under_load_loses_no_acknowledged_write()
    {
        var balancer = _cluster.Nginx.BaseUrl;
        using var organizer = new SiteBrowser();
        await organizer.SignInAsync(balancer, Cluster.OrganizerEmail, Cluster.OrganizerPassword);
        for (var writer = 0; writer < WriterCount; writer++)
        {
            await AddRoomAsync(organizer, balancer, $"Room {writer}");
        }

        var roomIds = await organizer.RoomIdsAsync(balancer, Conference);
        Assert.True(roomIds.Count >= WriterCount, $"The conference has {roomIds.Count} rooms; the test needs {WriterCount}.");

        var reads = new ConcurrentQueue<(string Url, int Status)>();
        var writes = new ConcurrentQueue<Write>();
        var clock = Stopwatch.StartNew();
        var killedAt = TimeSpan.Zero;

        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, ReaderCount).Select(index => ReadUntilAsync(balancer, index, reads, stop.Token));
        var writers = Enumerable.Range(0, WriterCount).Select(index => WriteUntilAsync(organizer, balancer, roomIds[index], index, clock, reads, writes, stop.Token));
        var killer = Task.Run(async () =>
        {
            await WaitUntilAsync(clock, () => clock.Elapsed >= KillAfter && writes.Any(write => write.Acknowledged));
            _cluster.First.Kill();
            killedAt = clock.Elapsed;

            await WaitUntilAsync(clock, () => clock.Elapsed >= killedAt + LoadAfterKill && writes.Any(write => write.Acknowledged && write.SentAt > killedAt));
            await stop.CancelAsync();
        });
        await Task.WhenAll([.. readers, .. writers, killer]);

        output.WriteLine(
            $"Killed A after {killedAt.TotalSeconds:0.0} s. {reads.Count} GETs; {writes.Count} POSTs, {writes.Count(w => w.Acknowledged)} acknowledged, "
            + $"statuses of the others: {string.Join(", ", writes.Where(w => !w.Acknowledged).Select(w => w.Status))}.");
        Assert.True(_cluster.First.HasExited, "Instance A is still running.");
        var failedReads = reads.Where(read => read.Status is < 200 or >= 400).ToList();
        Assert.True(failedReads.Count == 0,
            $"{failedReads.Count} of {reads.Count} GETs failed: {string.Join(", ", failedReads.Take(10).Select(r => $"{r.Url} {r.Status}"))}{Environment.NewLine}{_cluster.Diagnostics()}");

        // A POST that A received before it died gets nginx's 502, because nginx does not resend it.
        // Each writer has at most one POST in flight when A dies.
        var acknowledged = writes.Where(write => write.Acknowledged).ToList();
        var unacknowledged = writes.Where(write => !write.Acknowledged).ToList();
        Assert.True(unacknowledged.Count <= WriterCount,
            $"{unacknowledged.Count} POSTs were not acknowledged: {string.Join(", ", unacknowledged.Select(w => w.Status))}{Environment.NewLine}{_cluster.Diagnostics()}");
        Assert.All(unacknowledged, write => Assert.Equal((int)HttpStatusCode.BadGateway, write.Status));
        Assert.Contains(acknowledged, write => write.SentAt < killedAt);
        Assert.Contains(acknowledged, write => write.SentAt > killedAt);

        using var checker = new SiteBrowser();
        await checker.SignInAsync(_cluster.Second.BaseUrl, Cluster.OrganizerEmail, Cluster.OrganizerPassword);
        foreach (var roomId in roomIds.Take(WriterCount))
        {
            var stored = await checker.AuditedValuesAsync(_cluster.Second.BaseUrl, Conference, roomId);
            var lost = acknowledged.Where(write => write.RoomId == roomId && !stored.Contains(write.Name)).Select(write => write.Name).ToList();
            Assert.True(lost.Count == 0, $"Acknowledged renames of room {roomId} are missing from the database: {string.Join(", ", lost)}");
        }
    }

    private static async Task WaitUntilAsync(Stopwatch clock, Func<bool> condition)
    {
        while (!condition() && clock.Elapsed < MaxLoadDuration)
        {
            await Task.Delay(50);
        }
    }

    private static async Task ReadUntilAsync(string balancer, int reader, ConcurrentQueue<(string Url, int Status)> reads, CancellationToken stop)
    {
        string[] pages = ["/", $"/{Conference}", $"/{Conference}/program", $"/{Conference}/speakers", $"/{Conference}/changes", "/api/conferences"];
        using var visitor = new SiteBrowser();
        for (var request = reader; !stop.IsCancellationRequested; request++)
        {
            var url = balancer + pages[request % pages.Length];
            reads.Enqueue((url, await StatusOfAsync(() => visitor.GetAsync(url))));
        }
    }

    // Renames its own room again and again, so that writers never conflict with each other.
    private static async Task WriteUntilAsync(
        SiteBrowser organizer, string balancer, int roomId, int writer, Stopwatch clock,
        ConcurrentQueue<(string Url, int Status)> reads, ConcurrentQueue<Write> writes, CancellationToken stop)
    {
        var url = $"{balancer}/organize/{Conference}/rooms/{roomId}/edit";
        for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
        {
            using var form = await organizer.GetAsync(url);
            reads.Enqueue((url, (int)form.StatusCode));
            if (form.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var values = SiteBrowser.FormValues(await form.Content.ReadAsStringAsync(CancellationToken.None));
            var name = $"Room {writer} rename {attempt}";
            values["Name"] = name;

            var sentAt = clock.Elapsed;
            var status = await StatusOfAsync(() => organizer.PostAsync(url, values), expectRedirectTo: $"/organize/{Conference}/rooms");
            writes.Enqueue(new Write(roomId, name, sentAt, status, status == (int)HttpStatusCode.Redirect));
        }
    }

    // Returns the status code, or 0 when no response came at all.
    private static async Task<int> StatusOfAsync(Func<Task<HttpResponseMessage>> send, string? expectRedirectTo = null)
    {
        try
        {
            using var response = await send();
            if (expectRedirectTo is not null && response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.StartsWith(expectRedirectTo, StringComparison.Ordinal) != true)
            {
                // A redirect elsewhere, such as to the login page, is not a saved edit.
                return -(int)response.StatusCode;
            }

            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task AddRoomAsync(SiteBrowser organizer, string baseUrl, string name)
    {
        var url = $"{baseUrl}/organize/{Conference}/rooms/new";
        var values = SiteBrowser.FormValues(await organizer.GetPageAsync(url));
        values["Name"] = name;
        using var response = await organizer.PostAsync(url, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task RenameRoomAsync(SiteBrowser organizer, string baseUrl, int roomId, string name)
    {
        var url = $"{baseUrl}/organize/{Conference}/rooms/{roomId}/edit";
        var values = SiteBrowser.FormValues(await organizer.GetPageAsync(url));
        values["Name"] = name;
        using var response = await organizer.PostAsync(url, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task PublishAsync(SiteBrowser organizer, string baseUrl)
    {
        var url = $"{baseUrl}/organize/{Conference}/releases/new";
        var values = SiteBrowser.FormValues(await organizer.GetPageAsync(url));

        // The demo program may have conflicts, which a release must confirm.
        values["ConflictsConfirmed"] = "true";

        using var response = await organizer.PostAsync(url, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/organize/{Conference}/releases", response.Headers.Location?.OriginalString);
    }

    /// <summary>One POST of a room's new name: when it was sent, its status, and whether the app confirmed the save.</summary>
    private sealed record Write(int RoomId, string Name, TimeSpan SentAt, int Status, bool Acknowledged);
}
