using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ConferenceApp.Tests.Support;

/// <summary>One log entry: its category, level, formatted message and the template's named values.</summary>
public sealed record LogRecord(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>The named values of the scopes around the entry, such as the request id that ASP.NET Core adds per request; the innermost scope wins a name.</summary>
    public IReadOnlyDictionary<string, object?> ScopeValues { get; init; } = new Dictionary<string, object?>();

    /// <summary>The exception logged with the entry, if any.</summary>
    public Exception? Exception { get; init; }
}

/// <summary>A logger provider that keeps every entry in memory, so tests can read what the app logged.</summary>
public sealed class LogCollector : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _records, () => _scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<LogRecord> records, Func<IExternalScopeProvider> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => scopes().Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Structured log calls pass their template's values as key-value pairs.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : new Dictionary<string, object?>();

            var scopeValues = new Dictionary<string, object?>();
            scopes().ForEachScope(
                (scope, collected) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> scopePairs)
                    {
                        foreach (var (key, value) in scopePairs)
                        {
                            collected[key] = value;
                        }
                    }
                },
                scopeValues);

            records.Enqueue(new LogRecord(category, logLevel, formatter(state, exception), values) { ScopeValues = scopeValues, Exception = exception });
        }
    }
}
