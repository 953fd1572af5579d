using ConferenceApp.Infrastructure.Email;
using ConferenceApp.Infrastructure.Text;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace ConferenceApp.Infrastructure;

/// <summary>Registers the services that features share: Markdown rendering and email.</summary>
public static class ServicesSetup
{
    public static IServiceCollection AddConferenceServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MarkdownRenderer>();

        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<EmailSender>();
        services.AddSingleton<IEmailSender, IdentityEmailSender>();
        return services;
    }
}
