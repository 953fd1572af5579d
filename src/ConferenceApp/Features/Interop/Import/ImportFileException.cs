namespace ConferenceApp.Features.Interop.Import;

/// <summary>Thrown when a whole file cannot be read (not XML, not JSON, a required header missing). The message is shown to the organizer.</summary>
public sealed class ImportFileException(string message) : Exception(message);
