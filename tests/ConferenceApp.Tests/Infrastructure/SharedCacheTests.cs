using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Infrastructure.Caching;
using ConferenceApp.Testing;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConferenceApp.Tests.Infrastructure;

/// <summary>The output cache in a real redis-server, shared by two app hosts on one database file.</summary>
public sealed class SharedCacheTests : IAsyncLifetime
{
    private const string ProgramPage = "/" + DemoConference.Slug + "/program";

    private readonly string _folder = AppFactory.NewTempFolder();
    private readonly List<AppFactory> _apps = [];
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    [Fact]
    public async Task Publish_on_one_instance_evicts_other()
    {
        var first = Start(_redis.Configuration);
        var second = Start(_redis.Configuration);
        var visitor = second.CreateBrowserlessClient();
        await visitor.GetStringAsync(new Uri(ProgramPage, UriKind.Relative));
        var cached = await visitor.GetAsync(new Uri(ProgramPage, UriKind.Relative));
        Assert.True(cached.Headers.Age is not null, "The second request for the program was not served from the cache.");

        var organizer = new OrganizerBrowser(await first.CreateOrganizerClientAsync());
        var roomId = await FirstRoomIdAsync(first);
        var edited = await organizer.SubmitAsync(
            $"/organize/{DemoConference.Slug}/rooms/{roomId}/edit", new Dictionary<string, string> { ["Name"] = "Renamed hall" });
        OrganizerBrowser.RedirectTarget(edited);
        await organizer.PublishAsync();

        var program = await visitor.GetStringAsync(new Uri(ProgramPage, UriKind.Relative));
        Assert.Contains("Renamed hall", program, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_rendered_during_change_not_stored()
    {
        var first = Start(_redis.Configuration);
        var pause = new PauseBeforeRender();
        var second = Start(_redis.Configuration).WithWebHostBuilder(builder => builder.ConfigureTestServices(
            services => services.Configure<MvcOptions>(options => options.Filters.Add(pause))));
        var visitor = second.CreateClient();

        // B loads the program's view model, then waits while A saves and publishes a change.
        using var pausedRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(ProgramPage, UriKind.Relative));
        pausedRequest.Headers.Add(PauseBeforeRender.Header, "1");
        var paused = visitor.SendAsync(pausedRequest);
        await pause.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var organizer = new OrganizerBrowser(await first.CreateOrganizerClientAsync());
        var roomId = await FirstRoomIdAsync(first);
        var edited = await organizer.SubmitAsync(
            $"/organize/{DemoConference.Slug}/rooms/{roomId}/edit", new Dictionary<string, string> { ["Name"] = "Hall renamed meanwhile" });
        OrganizerBrowser.RedirectTarget(edited);
        await organizer.PublishAsync();
        pause.Release.SetResult();

        using var stale = await paused;
        Assert.DoesNotContain("Hall renamed meanwhile", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var next = await visitor.GetStringAsync(new Uri(ProgramPage, UriKind.Relative));
        Assert.Contains("Hall renamed meanwhile", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eviction_counter_is_shared()
    {
        var first = Start(_redis.Configuration);
        var second = Start(_redis.Configuration);
        var tag = PublicCache.ConferenceTag(DemoConference.Slug);
        var before = await second.Services.GetRequiredService<CacheGenerations>().CurrentAsync(tag);

        await first.Services.GetRequiredService<CacheGenerations>().AdvanceAsync(tag);

        var after = await second.Services.GetRequiredService<CacheGenerations>().CurrentAsync(tag);
        Assert.NotNull(before);
        Assert.Equal(before + 1, after);
    }

    [Fact]
    public async Task Unreachable_redis_serves_pages_uncached()
    {
        var app = Start($"127.0.0.1:{RedisServer.ClosedPort()}");
        var visitor = app.CreateBrowserlessClient();

        var firstResponse = await visitor.GetAsync(new Uri(ProgramPage, UriKind.Relative));
        var secondResponse = await visitor.GetAsync(new Uri(ProgramPage, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);
        Assert.Null(secondResponse.Headers.Age);
        Assert.Contains(app.Logs.Records, r => r.Category == typeof(RedisConnection).FullName && r.Level == LogLevel.Warning);

        // Loading the demo conference at start evicts its tags, which fails and is logged as an error. Nothing else may fail.
        Assert.DoesNotContain(app.Logs.Records, r => r.Level >= LogLevel.Error && r.Category != typeof(CacheEvictionInterceptor).FullName);
    }

    [Fact]
    public async Task Hung_redis_serves_pages_and_saves()
    {
        var app = Start(_redis.Configuration);
        var visitor = app.CreateBrowserlessClient();
        var organizer = new OrganizerBrowser(await app.CreateOrganizerClientAsync());
        int roomId;
        await using (var scope = app.OpenDb())
        {
            roomId = await scope.Db.Rooms.Select(room => room.Id).FirstAsync();
        }

        await visitor.GetAsync(new Uri(ProgramPage, UriKind.Relative));
        await _redis.PauseAsync();
        try
        {
            string[] pages = [ProgramPage, $"/{DemoConference.Slug}/speakers", $"/{DemoConference.Slug}/changes"];
            var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(index => visitor.GetAsync(new Uri(pages[index % pages.Length], UriKind.Relative))));
            using var save = await organizer.SubmitAsync($"/organize/{DemoConference.Slug}/rooms/{roomId}/edit", new Dictionary<string, string> { ["Name"] = "Saved while Redis hung" });

            Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        }
        finally
        {
            await _redis.ResumeAsync();
        }

        var after = await visitor.GetAsync(new Uri(ProgramPage, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        await using var check = app.OpenDb();
        Assert.Equal("Saved while Redis hung", await check.Db.Rooms.Where(room => room.Id == roomId).Select(room => room.Name).SingleAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            app.Dispose();
        }

        await _redis.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping host is left for the OS to clean up with the temp folder.
        }
    }

    // Each host starts before the next, so that only the first one creates the database.
    private AppFactory Start(string redisConfiguration)
    {
        var app = AppFactory.OnDatabaseFile(Path.Combine(_folder, "conference.db"));
        app.Settings["Redis:Configuration"] = redisConfiguration;
        _apps.Add(app);
        _ = app.Services;
        return app;
    }

    /// <summary>Holds a request that carries <see cref="Header"/> after its action ran and before its view renders.</summary>
    private sealed class PauseBeforeRender : IAsyncResultFilter
    {
        public const string Header = "X-Test-Pause";

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
        {
            if (context.HttpContext.Request.Headers.ContainsKey(Header))
            {
                Reached.TrySetResult();
                await Release.Task;
            }

            await next();
        }
    }

    // The demo conference is the only one, and the program page names the rooms that hold sessions.
    private static async Task<int> FirstRoomIdAsync(AppFactory app)
    {
        await using var scope = app.OpenDb();
        return await scope.Db.Sessions.Where(s => s.RoomId != null).OrderBy(s => s.RoomId).Select(s => s.RoomId!.Value).FirstAsync();
    }
}
