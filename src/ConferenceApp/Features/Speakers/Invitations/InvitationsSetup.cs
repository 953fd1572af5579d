namespace ConferenceApp.Features.Speakers.Invitations;

public static class InvitationsSetup
{
    /// <summary>Registers the invitation operations and their options, checked at start-up.</summary>
    public static IServiceCollection AddSpeakerInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvitationOptions>()
            .Bind(configuration.GetSection(InvitationOptions.Section))
            .Validate(options => options.InvitationLifetimeDays > 0, "Speakers:InvitationLifetimeDays must be a whole number of days greater than 0.")
            .ValidateOnStart();

        services.AddScoped<InvitationMailer>();
        services.AddScoped<InvitationOperations>();
        services.AddScoped<InvitationQueries>();
        services.AddScoped<InvitationAcceptance>();
        return services;
    }
}
