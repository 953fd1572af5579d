using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ConferenceApp.Features.Interop.Api;

/// <summary>Registers the JSON API and its OpenAPI document, served at <see cref="DocumentPath"/>.</summary>
public static class ApiSetup
{
    public const string DocumentPath = "/api/openapi.json";

    public static IServiceCollection AddJsonApi(this IServiceCollection services)
    {
        services.AddScoped<ApiQueries>();
        services.AddOpenApi(options =>
        {
            // The document describes the JSON API only, not the site's pages.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "ConferenceApp program API";
                document.Info.Version = "1";
                document.Info.Description = "The published program of each conference: read-only, public, in JSON. Every operation also accepts HEAD.";
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                DescribeWrittenNumbers(schema);
                if (context.JsonTypeInfo.Type == typeof(ApiTime))
                {
                    DescribeTime(schema);
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapJsonApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        return app;
    }

    // The schema generator allows numbers as strings, because the default web JSON options read them
    // that way. The API writes them as JSON numbers and reads them from the query only as digits.
    private static void DescribeWrittenNumbers(OpenApiSchema schema)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }

    private static OpenApiSchema? Property(OpenApiSchema schema, string name) =>
        schema.Properties is { } properties && properties.TryGetValue(name, out var property) ? property as OpenApiSchema : null;

    private static void DescribeTime(OpenApiSchema schema)
    {
        schema.Description = "A moment of the conference: the instant with the zone's UTC offset, the local time, and the IANA zone id.";
        if (Property(schema, "local") is { } local)
        {
            // A local time has no offset, so it is not an RFC 3339 date-time.
            local.Format = null;
            local.Description = "The local wall-clock time in the conference's zone, without offset, such as 2023-03-09T09:00:00.";
        }

        if (Property(schema, "instant") is { } instant)
        {
            instant.Description = "The instant in ISO 8601 with the UTC offset in force, such as 2023-03-09T09:00:00+02:00.";
        }

        if (Property(schema, "timeZone") is { } zone)
        {
            zone.Description = "The conference's IANA time zone id, such as Asia/Jerusalem.";
        }
    }
}
