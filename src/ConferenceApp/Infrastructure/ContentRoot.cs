namespace ConferenceApp.Infrastructure;

/// <summary>Where the app finds appsettings.json and wwwroot.</summary>
public static class ContentRoot
{
    /// <summary>
    /// Returns the app's own folder when it has an appsettings.json and the working folder has
    /// none, as when a published app is started from another folder. Otherwise returns null, which
    /// keeps ASP.NET Core's default: the working folder (the project folder under dotnet run).
    /// </summary>
    public static string? ForPublishedApp()
    {
        const string Settings = "appsettings.json";
        var working = Directory.GetCurrentDirectory();
        var own = AppContext.BaseDirectory;
        return !File.Exists(Path.Combine(working, Settings)) && File.Exists(Path.Combine(own, Settings)) ? own : null;
    }
}
