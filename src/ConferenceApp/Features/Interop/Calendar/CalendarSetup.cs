namespace ConferenceApp.Features.Interop.Calendar;

public static class CalendarSetup
{
    /// <summary>Registers the iCalendar exports of the published program. It needs <c>AddProgramFeature</c> for the snapshot cache.</summary>
    public static IServiceCollection AddCalendarExports(this IServiceCollection services)
    {
        services.AddScoped<CalendarQueries>();
        return services;
    }
}
