namespace ConferenceApp.Features.Program;

public static class ProgramSetup
{
    public static IServiceCollection AddProgramFeature(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ProgramQueries>();
        return services;
    }
}
