namespace ConferenceApp.Features.Interop.Import;

public static class ImportSetup
{
    /// <summary>Registers the program import and binds the "Import" section. MVC finds the controller by itself.</summary>
    public static IServiceCollection AddProgramImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>()
            .Bind(configuration.GetSection(ImportOptions.Section))
            .Validate(o => o.MaxFileBytes > 0, $"{ImportOptions.Section}:MaxFileBytes must be a positive number of bytes.")
            .Validate(o => o.MaxItems > 0, $"{ImportOptions.Section}:MaxItems must be a positive number of items.")
            .ValidateOnStart();

        services.AddScoped<ImportDraftReader>();
        services.AddScoped<ImportApplier>();
        services.AddScoped<ImportOperations>();
        services.AddSingleton<ImportConfirmations>();
        return services;
    }
}
