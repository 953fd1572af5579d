using ConferenceApp.Features.Organize.Conferences;
using ConferenceApp.Features.Organize.Rooms;
using ConferenceApp.Features.Organize.Sessions;
using ConferenceApp.Features.Organize.Speakers;
using ConferenceApp.Features.Organize.Talks;
using ConferenceApp.Features.Organize.TimeSlots;

namespace ConferenceApp.Features.Organize;

public static class OrganizeSetup
{
    /// <summary>Registers the organizer area's queries and operations. MVC finds its controllers by itself.</summary>
    public static IServiceCollection AddOrganizeFeature(this IServiceCollection services)
    {
        services.AddScoped<OrganizeQueries>();
        services.AddScoped<ChangeSaver>();

        services.AddScoped<ConferenceQueries>();
        services.AddScoped<ConferenceOperations>();
        services.AddScoped<RoomQueries>();
        services.AddScoped<RoomOperations>();
        services.AddScoped<SessionQueries>();
        services.AddScoped<SessionOperations>();
        services.AddScoped<SpeakerQueries>();
        services.AddScoped<SpeakerOperations>();
        services.AddScoped<TalkQueries>();
        services.AddScoped<TalkOperations>();
        services.AddScoped<TimeSlotQueries>();
        services.AddScoped<TimeSlotOperations>();
        services.AddScoped<Conflicts.ConflictQueries>();
        services.AddScoped<Audit.AuditQueries>();
        services.AddScoped<Releases.SnapshotReader>();
        services.AddScoped<Releases.ReleaseQueries>();
        services.AddScoped<Releases.PublishOperation>();
        services.AddScoped<Releases.MovedTalkMailer>();
        services.AddScoped<Schedule.ScheduleQueries>();
        services.AddScoped<Schedule.MoveSession>();
        services.AddScoped<Schedule.MoveTalk>();
        return services;
    }
}
