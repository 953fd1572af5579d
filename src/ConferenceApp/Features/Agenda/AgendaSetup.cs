namespace ConferenceApp.Features.Agenda;

public static class AgendaSetup
{
    /// <summary>Registers the agenda page and the private feeds of starred items. It needs <c>AddProgramFeature</c>.</summary>
    public static IServiceCollection AddAgendaFeature(this IServiceCollection services)
    {
        services.AddScoped<AgendaQueries>();
        services.AddScoped<AgendaFeedOperations>();
        services.AddAgendaFeedRateLimitProblem();
        return services;
    }
}
