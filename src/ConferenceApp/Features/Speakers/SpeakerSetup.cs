namespace ConferenceApp.Features.Speakers;

public static class SpeakerSetup
{
    /// <summary>Registers the speaker area's services and binds the "Speakers" section. MVC finds the controllers by itself.</summary>
    public static IServiceCollection AddSpeakerFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SpeakerPhotoOptions>()
            .Bind(configuration.GetSection(SpeakerPhotoOptions.Section))
            .Validate(o => o.MaxPhotoBytes > 0, $"{SpeakerPhotoOptions.Section}:MaxPhotoBytes must be a positive number of bytes.")
            .ValidateOnStart();

        services.AddScoped<SpeakerAccess>();
        services.AddScoped<SpeakerAreaQueries>();
        services.AddScoped<SpeakerAreaOperations>();
        services.AddScoped<SpeakerPhotoOperations>();
        return services;
    }
}
