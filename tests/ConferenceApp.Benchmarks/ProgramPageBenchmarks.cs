using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ConferenceApp.Benchmarks;

/// <summary>
/// Benchmarks of rendering the large conference's public pages with the output cache off. Each
/// request runs the app's whole pipeline in memory, without sockets: the query, the snapshot from
/// the memory cache, the view, and the ETag middleware that hashes the body.
/// </summary>
[Config(typeof(ShortRunConfig))]
public partial class ProgramPageBenchmarks : IDisposable
{
    private string _folder = null!;
    private LargeConferenceHost _host = null!;
    private HttpClient _client = null!;
    private Uri _programUrl = null!;
    private Uri _speakerUrl = null!;

    /// <summary>
    /// A short job in the benchmark process: one launch, three warm-up and fifteen measured
    /// iterations of four requests each, with the median beside the mean.
    /// </summary>
    private sealed class ShortRunConfig : ManualConfig
    {
        public ShortRunConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(15)
                .WithInvocationCount(4)
                .WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }

    /// <summary>Seeds a new database with the large conference published and starts the app on it without the output cache.</summary>
    /// <exception cref="InvalidOperationException">Seeding failed, or the speaker list links to no speaker.</exception>
    [GlobalSetup]
    public void StartApp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "conferenceapp-benchmarks", Guid.NewGuid().ToString("N"));
        var databasePath = Path.Combine(_folder, "conference.db");
        Directory.CreateDirectory(_folder);
        SeedCommand.SeedAsync(databasePath).GetAwaiter().GetResult();

        _host = new LargeConferenceHost(databasePath, outputCache: false);
        _client = _host.CreateClient();
        var slug = LargeConferenceImport.ConferenceSlug;
        _programUrl = new Uri($"/{slug}/program", UriKind.Relative);

        var speakers = _client.GetStringAsync(new Uri($"/{slug}/speakers", UriKind.Relative)).GetAwaiter().GetResult();
        var link = SpeakerLink().Match(speakers);
        _speakerUrl = link.Success
            ? new Uri(link.Groups[1].Value, UriKind.Relative)
            : throw new InvalidOperationException($"The speaker list of /{slug} links to no speaker.");
    }

    [GlobalCleanup]
    public void StopApp()
    {
        Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    // BenchmarkDotNet rejects sealed benchmark classes, so this one follows the full dispose pattern.
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client?.Dispose();
            _host?.Dispose();
        }
    }

    [Benchmark]
    public Task<int> ProgramPage() => RenderAsync(_programUrl);

    [Benchmark]
    public Task<int> SpeakerPage() => RenderAsync(_speakerUrl);

    // Returns the body's length, so the whole body is read as a client would.
    private async Task<int> RenderAsync(Uri url)
    {
        using var response = await _client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [GeneratedRegex("href=\"(/large/speakers/[^\"]+)\"")]
    private static partial Regex SpeakerLink();
}
