using System.Diagnostics;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize;
using ConferenceApp.Features.Organize.Conflicts;
using ConferenceApp.Features.Organize.Releases;
using ConferenceApp.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Benchmarks;

/// <summary>
/// The <c>seed --database PATH</c> command: creates a new SQLite file with the generated large
/// conference imported and published as release 1.0, ready for the app to serve.
/// </summary>
public static class SeedCommand
{
    public const string Name = "seed";

    private const string Usage = "Usage: seed --database PATH (a SQLite file that does not exist yet).";

    /// <summary>Runs the command and returns the process exit code: 0 on success, 2 for invalid arguments, 1 for a failed step.</summary>
    public static async Task<int> RunAsync(string[] arguments)
    {
        var databasePath = ParseDatabasePath(arguments);
        if (databasePath is null)
        {
            var problem = arguments.Length == 0 ? "Missing --database PATH." : $"Invalid arguments: {string.Join(' ', arguments)}.";
            await Console.Error.WriteLineAsync($"{problem} {Usage}");
            return 2;
        }

        databasePath = Path.GetFullPath(databasePath);
        if (File.Exists(databasePath))
        {
            await Console.Error.WriteLineAsync($"The database {databasePath} already exists. Delete it or name a new file. {Usage}");
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        try
        {
            await SeedAsync(databasePath);
            return 0;
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync($"Seeding {databasePath} failed: {exception.Message}");
            return 1;
        }
    }

    /// <summary>Migrates a new database through the app's start-up, imports the large conference and publishes it.</summary>
    /// <exception cref="InvalidOperationException">The import or the publish failed.</exception>
    public static async Task SeedAsync(string databasePath)
    {
        var stopwatch = Stopwatch.StartNew();
        var generated = new LargeConferenceGenerator().Generate(LargeConferenceSize.Standard);

        // Resolving the services starts the host, which applies the migrations to the new file.
        await using var host = new LargeConferenceHost(databasePath);
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ConferenceDbContext>();

        await LargeConferenceImport.CreateConferenceAsync(db, generated, CancellationToken.None);
        var plan = await LargeConferenceImport.ImportAsync(db, generated, CancellationToken.None);
        Console.WriteLine($"Imported {plan.Count(ImportAction.Create)} items of the large conference in {stopwatch.Elapsed.TotalSeconds:F1} s.");

        await PublishAsync(services);
        Console.WriteLine($"Published /{LargeConferenceImport.ConferenceSlug} as release {ReleaseNames.First} into {databasePath} after {stopwatch.Elapsed.TotalSeconds:F1} s.");
    }

    // Publishes as an organizer would after confirming the conflicts the page lists, if there are any.
    private static async Task PublishAsync(IServiceProvider services)
    {
        var conference = await services.GetRequiredService<OrganizeQueries>().FindConferenceAsync(LargeConferenceImport.ConferenceSlug, CancellationToken.None)
            ?? throw new InvalidOperationException($"The conference {LargeConferenceImport.ConferenceSlug} is missing after the import.");
        var conflicts = await services.GetRequiredService<ConflictQueries>().ListAsync(conference, CancellationToken.None);
        var conflictCount = conflicts?.Conflicts.Count ?? 0;

        var request = new PublishRequest(ReleaseNames.First, "The generated large conference.", conflictCount > 0, conflictCount);
        var result = await services.GetRequiredService<PublishOperation>().PublishAsync(conference, request, CancellationToken.None);
        if (result.Outcome != ChangeOutcome.Saved)
        {
            throw new InvalidOperationException($"Publishing failed ({result.Outcome}): {string.Join(" ", result.Errors.Select(e => e.Message))}");
        }
    }

    private static string? ParseDatabasePath(string[] arguments)
    {
        if (arguments.Length == 2 && arguments[0] == "--database" && !string.IsNullOrWhiteSpace(arguments[1]))
        {
            return arguments[1];
        }

        const string Prefix = "--database=";
        if (arguments.Length == 1 && arguments[0].StartsWith(Prefix, StringComparison.Ordinal) && arguments[0].Length > Prefix.Length)
        {
            return arguments[0][Prefix.Length..];
        }

        return null;
    }
}
