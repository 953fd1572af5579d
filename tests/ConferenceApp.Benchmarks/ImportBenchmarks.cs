using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Import;
using ConferenceApp.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Benchmarks;

/// <summary>
/// Benchmarks of the schedule import on the generated large conference (2 days, 30 rooms, 800 events,
/// 1,000 speakers). One reads the frab XML file alone. The other runs the whole import (parse, plan
/// and apply) into an empty conference on a fresh SQLite file per iteration.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class ImportBenchmarks
{
    private const string ConferenceSlug = "large";

    private GeneratedConference _conference = null!;
    private string _folder = null!;
    private string _templatePath = null!;
    private string _databasePath = null!;

    /// <summary>
    /// A short job: one launch, two warm-up and ten measured iterations, in the benchmark process
    /// itself, so that a run of both benchmarks takes well under two minutes on 2 CPUs. Each iteration
    /// runs the benchmark once, because the import needs a fresh database every time.
    /// </summary>
    private sealed class ShortRunConfig : ManualConfig
    {
        public ShortRunConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(10)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }

    [GlobalSetup]
    public void CreateTemplateDatabase()
    {
        _conference = new LargeConferenceGenerator().Generate(LargeConferenceSize.Standard);
        _folder = Path.Combine(Path.GetTempPath(), "conferenceapp-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _templatePath = Path.Combine(_folder, "template.db");
        _databasePath = Path.Combine(_folder, "import.db");

        // Migrating takes longer than the import itself, so it runs once and each iteration copies the file.
        using var db = OpenContext(_templatePath);
        db.Database.Migrate();
        db.Conferences.Add(Conference.Create(new ConferenceDetails(
            ConferenceSlug, "Large conference", null, _conference.TimeZoneId, _conference.StartDate, _conference.EndDate)));
        db.SaveChanges();
    }

    [IterationSetup(Target = nameof(ImportLargeConference))]
    public void CopyTemplateDatabase()
    {
        SqliteConnection.ClearAllPools();
        File.Copy(_templatePath, _databasePath, overwrite: true);
    }

    [GlobalCleanup]
    public void DeleteDatabases()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public ImportedProgram ParseLargeConference()
    {
        using var content = new MemoryStream(_conference.Xml, writable: false);
        return FrabXmlParser.Parse(content, _conference.TimeZoneId);
    }

    /// <summary>Runs what the confirmation of an upload runs: parse, read the draft, plan, apply.</summary>
    /// <exception cref="InvalidOperationException">The plan rejected an item or the apply failed, so the run measured the wrong work.</exception>
    [Benchmark]
    public async Task<ImportPlan> ImportLargeConference()
    {
        await using var db = OpenContext(_databasePath);
        var conferenceId = await db.Conferences.Where(c => c.Slug == ConferenceSlug).Select(c => c.Id).SingleAsync();

        using var content = new MemoryStream(_conference.Xml, writable: false);
        var program = FrabXmlParser.Parse(content, _conference.TimeZoneId);
        var draft = await new ImportDraftReader(db).ReadAsync(conferenceId, CancellationToken.None)
            ?? throw new InvalidOperationException($"The conference {conferenceId} is missing from {_databasePath}.");
        var plan = ImportPlanner.Plan(program, draft);
        if (plan.Count(ImportAction.Rejected) > 0)
        {
            throw new InvalidOperationException($"The plan rejected {plan.Count(ImportAction.Rejected)} items of the generated file.");
        }

        var failure = await new ImportApplier(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<ImportApplier>.Instance).ApplyAsync(conferenceId, plan, CancellationToken.None);
        return failure is null ? plan : throw new InvalidOperationException($"The import failed: {failure.Message}");
    }

    private static ConferenceDbContext OpenContext(string path)
    {
        var connectionString = DatabaseSetup.ResolveSqliteConnectionString($"Data Source={path}", AppContext.BaseDirectory);
        var options = new DbContextOptionsBuilder<ConferenceDbContext>()
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(DatabaseSetup.SqliteMigrationsAssembly))
            .Options;
        return new ConferenceDbContext(options, new SystemAuditActor());
    }
}
