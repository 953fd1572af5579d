namespace ConferenceApp.Features.Interop.Frab;

public static class FrabSetup
{
    /// <summary>Registers the frab schedule exports; they read releases through <c>ReleaseSnapshots</c>, which the program feature registers.</summary>
    public static IServiceCollection AddFrabExport(this IServiceCollection services)
    {
        services.AddScoped<FrabQueries>();
        return services;
    }
}
