using ConferenceApp.Testing;

namespace ConferenceApp.ClusterTests.Support;

/// <summary>
/// Two app instances on one database and one redis-server, behind nginx, all on 127.0.0.1 and
/// all in one temp folder. Instance A starts first and loads the demo conference; B starts once
/// A is ready, as in docker-compose.yml's cluster profile. Disposing it ends every process,
/// also after a failed start.
/// </summary>
internal sealed class Cluster : IAsyncDisposable
{
    public const string OrganizerEmail = "organizer@example.org";
    public const string OrganizerPassword = "correct horse battery staple";
    public const string ConferenceSlug = "wids-tlv-2023";

    private readonly string _folder;

    private Cluster(string folder) => _folder = folder;

    public RedisServer Redis { get; private set; } = null!;

    public NginxServer Nginx { get; private set; } = null!;

    public AppInstance First { get; private set; } = null!;

    public AppInstance Second { get; private set; } = null!;

    public static async Task<Cluster> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "conferenceapp-cluster-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var cluster = new Cluster(folder);
        try
        {
            cluster.Redis = await RedisServer.StartAsync();
            cluster.Nginx = NginxServer.Reserve(Path.Combine(folder, "nginx"));
            var settings = new ClusterSettings(
                ClusterDatabase.Create(folder), cluster.Redis.Configuration, cluster.Nginx.BaseUrl, Path.Combine(folder, "mail"));

            await AppInstance.CreateOrganizerAsync(settings, OrganizerEmail, OrganizerPassword);
            cluster.First = await AppInstance.StartAsync("A", settings);
            cluster.Second = await AppInstance.StartAsync("B", settings);
            await cluster.Nginx.StartAsync(cluster.First, cluster.Second);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The end of each process's output, for assertion messages.</summary>
    public string Diagnostics()
    {
        static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;

        return string.Join(Environment.NewLine, [
            "--- instance A ---", Tail(First?.Output ?? ""),
            "--- instance B ---", Tail(Second?.Output ?? ""),
            "--- nginx error log ---", Tail(Nginx?.ErrorLog ?? ""),
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        // Each process is ended even when ending another one failed.
        var failures = new List<Exception>();
        foreach (var process in new IAsyncDisposable?[] { Nginx, Second, First, Redis })
        {
            try
            {
                if (process is not null)
                {
                    await process.DisposeAsync();
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                failures.Add(exception);
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is the OS's to clean up if a file in it is still open.
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Stopping the cluster's processes failed.", failures);
        }
    }
}
