using StackExchange.Redis;

namespace ConferenceApp.Infrastructure.Caching;

/// <summary>
/// The one connection to Redis that the output cache, the eviction counters and the readiness
/// check share. It exists only when <c>Redis:Configuration</c> is set.
/// </summary>
/// <remarks>
/// The app starts and serves pages while Redis is unreachable: the connection is retried in the
/// background, and every command fails at once instead of waiting in a queue, so that callers can
/// serve the page uncached.
/// </remarks>
public sealed class RedisConnection : IAsyncDisposable
{
    public const string ConfigurationKey = "Redis:Configuration";

    // Key prefix of everything this app stores in Redis, so that one server can serve several apps.
    public const string KeyPrefix = "conferenceapp:";

    private static readonly TimeSpan FailureLogInterval = TimeSpan.FromSeconds(30);

    /// <summary>How long a command may take before it counts as failed, unless the configuration sets its own.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private readonly ConfigurationOptions _options;
    private readonly ILogger<RedisConnection> _logger;
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;
    private readonly Lock _failureLock = new();
    private DateTime _lastFailureLogUtc = DateTime.MinValue;
    private int _unloggedFailures;

    public RedisConnection(string configuration, ILogger<RedisConnection> logger)
    {
        _options = ConfigurationOptions.Parse(configuration);
        _options.AbortOnConnectFail = false;
        _options.BacklogPolicy = BacklogPolicy.FailFast;

        // A slow cache is worse than none, because a hung Redis would hold every request for
        // StackExchange.Redis's default 5 s. Timeouts given in the configuration string win.
        if (!Mentions(configuration, "syncTimeout"))
        {
            _options.SyncTimeout = (int)CommandTimeout.TotalMilliseconds;
        }

        if (!Mentions(configuration, "asyncTimeout"))
        {
            _options.AsyncTimeout = (int)CommandTimeout.TotalMilliseconds;
        }

        if (!Mentions(configuration, "connectTimeout"))
        {
            _options.ConnectTimeout = (int)ConnectTimeout.TotalMilliseconds;
        }

        _logger = logger;
        _multiplexer = new Lazy<Task<IConnectionMultiplexer>>(ConnectAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static bool Mentions(string configuration, string option) =>
        configuration.Contains(option + "=", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configured endpoints, such as "redis:6379", for log messages.</summary>
    public string Endpoints => string.Join(", ", _options.EndPoints.Select(endpoint => endpoint.ToString()));

    public Task<IConnectionMultiplexer> GetMultiplexerAsync() => _multiplexer.Value;

    public async Task<IDatabase> GetDatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    /// <summary>Returns the database for callers that cannot await, such as a synchronous SaveChanges.</summary>
    public IDatabase GetDatabase() => _multiplexer.Value.GetAwaiter().GetResult().GetDatabase();

    /// <summary>
    /// True for the exceptions that a command throws while Redis is unreachable or slow. Callers
    /// that catch them carry on without the cache and report them with <see cref="LogFailure"/>.
    /// </summary>
    public static bool IsRedisFailure(Exception exception) => exception is RedisException or TimeoutException or OperationCanceledException;

    /// <summary>
    /// Logs a failed Redis command as a warning, at most once every 30 seconds, with the number of
    /// failures since the last warning, so that an outage does not log once per request.
    /// </summary>
    public void LogFailure(Exception? exception, string operation)
    {
        int skipped;
        lock (_failureLock)
        {
            var now = DateTime.UtcNow;
            if (now - _lastFailureLogUtc < FailureLogInterval)
            {
                _unloggedFailures++;
                return;
            }

            skipped = _unloggedFailures;
            _unloggedFailures = 0;
            _lastFailureLogUtc = now;
        }

        _logger.LogWarning(
            exception,
            "Redis at {RedisEndpoints} failed during {Operation}; pages are served without the shared cache meanwhile. {SkippedFailures} more failures since the last warning were not logged.",
            Endpoints, operation, skipped);
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            var multiplexer = await _multiplexer.Value;
            await multiplexer.DisposeAsync();
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(_options);
        // The multiplexer reports each failed reconnection attempt, so these share the rate limit.
        multiplexer.ConnectionFailed += (_, failure) => LogFailure(failure.Exception, $"a connection attempt ({failure.FailureType})");
        multiplexer.ConnectionRestored += (_, restored) =>
            _logger.LogInformation("The connection to Redis at {RedisEndpoint} is restored.", restored.EndPoint);

        if (!multiplexer.IsConnected)
        {
            _logger.LogWarning("Redis at {RedisEndpoints} is not reachable at start; the app serves pages uncached until it is.", Endpoints);
        }

        return multiplexer;
    }
}
