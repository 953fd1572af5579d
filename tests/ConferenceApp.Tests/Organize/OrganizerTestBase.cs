using System.Globalization;
using ConferenceApp.Data;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Organize;

/// <summary>A fresh app over its own SQLite file with the demo conference, and a browser signed in as an organizer.</summary>
public abstract class OrganizerTestBase : IAsyncLifetime, IDisposable
{
    protected const string Conference = DemoConference.Slug;

    protected AppFactory App { get; } = new();

    protected OrganizerBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = new OrganizerBrowser(await App.CreateOrganizerClientAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    protected static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value);
}
