using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Json.Schema;

namespace ConferenceApp.Tests.Interop;

/// <summary>
/// Validates exports against the c3voc schemas in Interop/Schemas (see the README there). Each
/// method returns every error and warning as one line, so an assert on an empty list names them all.
/// </summary>
public static class FrabSchemas
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Interop", "Schemas");

    private static readonly Lazy<XmlSchemaSet> Xsd = new(() =>
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(Path.Combine(Folder, "schedule.xml.xsd"));
        set.Add(null, reader);
        set.Compile();
        return set;
    });

    private static readonly Lazy<JsonSchema> Json = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "schema.json"))));

    /// <summary>Returns the schema errors and warnings of an XML document; a document that is not well-formed XML gives one line.</summary>
    public static List<string> XmlProblems(byte[] xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Xsd.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings
                | XmlSchemaValidationFlags.ProcessIdentityConstraints
                | XmlSchemaValidationFlags.AllowXmlAttributes,
        };
        settings.ValidationEventHandler += (_, e) =>
            problems.Add($"{e.Severity} at line {e.Exception.LineNumber}, column {e.Exception.LinePosition}: {e.Message}");

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            problems.Add($"Not well-formed: {e.Message}");
        }

        return problems;
    }

    /// <summary>Returns the schema errors of a JSON document, with format checks (date, date-time, uri, uuid) turned on.</summary>
    public static List<string> JsonProblems(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Json.Value.Evaluate(document.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });

        if (result.IsValid)
        {
            return [];
        }

        var problems = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}) {e.Key}: {e.Value}"))
            .ToList();
        return problems.Count > 0 ? problems : ["The document is invalid, and the validator gave no details."];
    }

    /// <summary>Parses an export that <see cref="XmlProblems"/> accepted.</summary>
    public static XDocument ParseXml(byte[] xml) => XDocument.Load(new MemoryStream(xml));
}
