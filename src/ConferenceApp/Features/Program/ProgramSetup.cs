namespace ConferenceApp.Features.Program;

public static class ProgramSetup
{
    public static IServiceCollection AddProgramFeature(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddScoped<ReleaseSnapshots>();
        services.AddScoped<ProgramQueries>();
        services.AddScoped<ChangelogQueries>();
        services.AddScoped<SitemapQueries>();
        return services;
    }
}
