using System.Globalization;
using Microsoft.OpenApi;

namespace ConferenceApp.Features.Interop.Api;

/// <summary>The browsable page of the API: its endpoints as the OpenAPI document describes them.</summary>
public sealed record ApiDocsPage(string DocumentUrl, string? ExampleConference, IReadOnlyList<ApiEndpointDoc> Endpoints);

/// <summary>One GET operation with an example address, or null when no conference is published to fill it in.</summary>
public sealed record ApiEndpointDoc(
    string Path,
    string Summary,
    string? Description,
    IReadOnlyList<ApiParameterDoc> Parameters,
    IReadOnlyList<ApiResponseDoc> Responses,
    string? ExampleUrl);

public sealed record ApiParameterDoc(string Name, string In, bool Required, string Type, string? Default, string? Range, string? Description);

public sealed record ApiResponseDoc(string Status, string Description, string? MediaType, string? Schema);

/// <summary>Route values that fill in the example addresses, such as {conference} = wids-tlv-2023.</summary>
public sealed record ApiExamples(string Conference, string? Talk, string? Speaker, int? Session);

/// <summary>Reads the endpoints out of the OpenAPI document for <see cref="ApiDocsPage"/>.</summary>
public static class ApiDocsReader
{
    /// <summary>
    /// Lists the document's GET operations in its path order. HEAD operations are left out because
    /// each one repeats a GET, and the page states that every endpoint accepts HEAD.
    /// </summary>
    public static IReadOnlyList<ApiEndpointDoc> Endpoints(OpenApiDocument document, ApiExamples? examples)
    {
        var endpoints = new List<ApiEndpointDoc>();
        foreach (var (path, item) in document.Paths)
        {
            if (item.Operations?.GetValueOrDefault(HttpMethod.Get) is not { } operation)
            {
                continue;
            }

            var parameters = (operation.Parameters ?? []).Select(Parameter).ToList();
            var responses = (operation.Responses ?? []).Select(r => Response(r.Key, r.Value)).ToList();
            endpoints.Add(new ApiEndpointDoc(path, operation.Summary ?? path, operation.Description, parameters, responses, Example(path, examples)));
        }

        return endpoints;
    }

    /// <summary>Fills in the route values of <paramref name="path"/>, or returns null when an example for one of them is missing.</summary>
    public static string? Example(string path, ApiExamples? examples)
    {
        if (examples is null)
        {
            return null;
        }

        var filled = path.Replace("{conference}", Uri.EscapeDataString(examples.Conference), StringComparison.Ordinal);
        string? value = null;
        if (filled.Contains("/talks/{slug}", StringComparison.Ordinal))
        {
            value = examples.Talk;
        }
        else if (filled.Contains("/speakers/{slug}", StringComparison.Ordinal))
        {
            value = examples.Speaker;
        }
        else if (filled.Contains("/sessions/{id}", StringComparison.Ordinal))
        {
            value = examples.Session?.ToString(CultureInfo.InvariantCulture);
        }
        else if (!filled.Contains('{', StringComparison.Ordinal))
        {
            return filled;
        }

        return value is null ? null : filled.Replace("{slug}", Uri.EscapeDataString(value), StringComparison.Ordinal).Replace("{id}", value, StringComparison.Ordinal);
    }

    private static ApiParameterDoc Parameter(IOpenApiParameter parameter)
    {
        var schema = parameter.Schema;
        var type = schema?.Type is { } jsonType ? jsonType.ToString().ToLowerInvariant() : "string";
        var range = schema?.Minimum is null && schema?.Maximum is null
            ? null
            : schema?.Maximum is null or "2147483647" ? $"{schema?.Minimum} or more" : $"{schema?.Minimum} to {schema?.Maximum}";

        return new ApiParameterDoc(
            parameter.Name ?? "",
            parameter.In?.ToString().ToLowerInvariant() ?? "",
            parameter.Required,
            type,
            schema?.Default?.ToJsonString(),
            range,
            parameter.Description);
    }

    private static ApiResponseDoc Response(string status, IOpenApiResponse response)
    {
        if (response.Content is not { Count: > 0 } content)
        {
            return new ApiResponseDoc(status, response.Description ?? "", null, null);
        }

        var (mediaType, body) = content.First();
        var schema = body.Schema is OpenApiSchemaReference reference ? reference.Reference.Id : null;
        return new ApiResponseDoc(status, response.Description ?? "", mediaType, schema);
    }
}
