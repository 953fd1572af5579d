using ConferenceApp.Infrastructure.Email;
using ConferenceApp.Infrastructure.Text;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConferenceApp.Infrastructure;

/// <summary>Registers the services that features share: Markdown rendering, email and the email outbox.</summary>
public static class ServicesSetup
{
    public static IServiceCollection AddConferenceServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MarkdownRenderer>();

        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(options => options.OutboxPollSeconds > 0, "Email:OutboxPollSeconds must be a whole number of seconds greater than 0.")
            .ValidateOnStart();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<IEmailSender, IdentityEmailSender>();

        services.AddScoped<EmailOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInterceptor, OutboxCommitInterceptor>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
