using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ConferenceApp.Tests.Support;

/// <summary>One log entry: its category, level, formatted message and the template's named values.</summary>
public sealed record LogRecord(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);

/// <summary>A logger provider that keeps every entry in memory, so tests can read what the app logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _records);

    public void Dispose()
    {
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Structured log calls pass their template's values as key-value pairs.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : new Dictionary<string, object?>();

            records.Enqueue(new LogRecord(category, logLevel, formatter(state, exception), values));
        }
    }
}
