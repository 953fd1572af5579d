namespace ConferenceApp.Infrastructure;

/// <summary>
/// The site's public address, from <c>Site:PublicUrl</c> (such as https://program.example.org).
/// Links in emails (invitations, password resets) are built from the request's scheme and host;
/// with a public address set, every request is given that scheme and host, so a forged Host
/// header cannot put another site's address into a password-reset link. In Production the app
/// does not start without either a public address or a list of allowed hosts.
/// </summary>
public static class PublicAddress
{
    public const string Key = "Site:PublicUrl";

    /// <summary>
    /// Returns the site's address without a trailing slash, such as https://program.example.org,
    /// for absolute links. With <see cref="Key"/> set, <see cref="UsePublicAddress"/> has already
    /// given the request the public scheme, host and path base.
    /// </summary>
    public static string SiteUrl(this HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static WebApplication UsePublicAddress(this WebApplication app)
    {
        var configured = app.Configuration[Key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (app.Configuration["AllowedHosts"] is null or "*")
            {
                if (app.Environment.IsProduction())
                {
                    throw new InvalidOperationException(
                        $"{Key} is not set and AllowedHosts allows any host, so a forged Host header could put another site's address into password-reset links. Set {Key} (environment variable Site__PublicUrl) to the site's address, such as https://program.example.org, or set AllowedHosts to its host names.");
                }

                app.Logger.LogWarning(
                    "{Key} is not set and AllowedHosts allows any host, so links in emails use whatever Host header a request sends. Set {Key} to the site's address, such as https://program.example.org.",
                    Key, Key);
            }

            return app;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException($"{Key} must be an absolute http or https URL such as https://program.example.org; it is \"{configured}\".");
        }

        var host = new HostString(address.Authority);
        var pathBase = new PathString(address.AbsolutePath.TrimEnd('/'));
        app.Use((context, next) =>
        {
            context.Request.Scheme = address.Scheme;
            context.Request.Host = host;
            context.Request.PathBase = pathBase;
            return next(context);
        });

        return app;
    }
}
