using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ConferenceApp.Benchmarks;

/// <summary>
/// Hosts the whole app in memory, in the Production environment, on a SQLite file that the caller
/// owns. The demo conference is never loaded, and the log shows warnings and errors only.
/// </summary>
public sealed class LargeConferenceHost(string databasePath, bool outputCache = true) : WebApplicationFactory<global::Program>
{
    public string DatabasePath { get; } = databasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!;

        builder.UseContentRoot(AppContentRoot());
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:DefaultConnection", $"Data Source={DatabasePath}");
        builder.UseSetting("DemoData:LoadIntoEmptyDatabase", "false");
        builder.UseSetting("Site:PublicUrl", "http://127.0.0.1");
        builder.UseSetting("DataProtection:KeysFolder", Path.Combine(folder, "keys"));
        builder.UseSetting("Email:PickupFolder", Path.Combine(folder, "mail"));
        builder.UseSetting("OutputCache:Enabled", outputCache ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    // WebApplicationFactory reads the app's project folder from this manifest in the current folder,
    // which is the repository root under `dotnet run`, so the manifest is read beside the assembly instead.
    private static string AppContentRoot()
    {
        var manifestPath = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var folders = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifestPath))
            ?? throw new InvalidOperationException($"{manifestPath} is empty.");
        var appAssembly = typeof(global::Program).Assembly.FullName!;
        return folders.TryGetValue(appAssembly, out var folder)
            ? folder
            : throw new InvalidOperationException($"{manifestPath} does not name the project folder of {appAssembly}.");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);

        // Pooled connections keep the file open after the host stops.
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
