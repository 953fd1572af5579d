using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConferenceApp.Tests.Support;

/// <summary>Counts the SQL commands that EF Core sends while counting is on, for tests of a request's query count.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;
    private volatile bool _counting;

    /// <summary>Runs <paramref name="action"/> and returns how many commands were sent meanwhile.</summary>
    public async Task<int> CountAsync(Func<Task> action)
    {
        Interlocked.Exchange(ref _count, 0);
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

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count()
    {
        if (_counting)
        {
            Interlocked.Increment(ref _count);
        }
    }
}
