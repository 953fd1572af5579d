using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConferenceApp.Tests.Support;

/// <summary>
/// Counts the SQL commands that EF Core sends while counting is on, for tests of a request's query
/// count. The email outbox's commands are left out: its dispatcher polls on its own timer in the
/// background, so under a busy machine one of its polls can fall inside a request's window.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _commands = new();
    private int _count;
    private volatile bool _counting;

    /// <summary>Runs <paramref name="action"/> and returns how many commands were sent meanwhile.</summary>
    public async Task<int> CountAsync(Func<Task> action)
    {
        Interlocked.Exchange(ref _count, 0);
        _commands.Clear();
        _counting = true;
        try
        {
            await action();
        }
        finally
        {
            _counting = false;
        }

        return Volatile.Read(ref _count);
    }

    /// <summary>The text of the commands counted by the last <see cref="CountAsync"/>, for failure messages.</summary>
    public IReadOnlyList<string> LastCommands => [.. _commands];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    private void Count(DbCommand command)
    {
        if (_counting && !command.CommandText.Contains("\"OutboxMessages\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
            _commands.Enqueue(command.CommandText);
        }
    }
}
