using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace ConferenceApp.ClusterTests.Support;

/// <summary>
/// One instance of the built app, started as a child process on a free port of 127.0.0.1 with the
/// cluster's shared database and Redis. It counts as started once /health/ready returns 200.
/// </summary>
internal sealed class AppInstance : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private AppInstance(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The instance's own address, such as http://127.0.0.1:41234, bypassing the load balancer.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string Output => string.Join(Environment.NewLine, _output);

    public bool HasExited => _process.HasExited;

    /// <summary>Runs the create-organizer command against the cluster's database, as an operator does before the first start.</summary>
    public static async Task CreateOrganizerAsync(ClusterSettings settings, string email, string password)
    {
        using var command = Process.Start(StartInfo(settings, "create-organizer", "--email", email))
            ?? throw new InvalidOperationException("The create-organizer command did not start.");

        await command.StandardInput.WriteLineAsync(password);
        command.StandardInput.Close();

        var standardOutput = command.StandardOutput.ReadToEndAsync();
        var standardError = command.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await command.WaitForExitAsync(timeout.Token);

        if (command.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"create-organizer failed with exit code {command.ExitCode}:{Environment.NewLine}{await standardOutput}{await standardError}");
        }
    }

    public static async Task<AppInstance> StartAsync(string name, ClusterSettings settings)
    {
        if (!File.Exists(BuildPaths.AppAssemblyPath))
        {
            throw new InvalidOperationException($"The app is not built: {BuildPaths.AppAssemblyPath} is missing. Build ConferenceApp.sln first.");
        }

        var port = FreePort.Next();
        var process = Process.Start(StartInfo(settings, "--urls", $"http://127.0.0.1:{port}"))
            ?? throw new InvalidOperationException($"App instance {name} did not start.");
        var instance = new AppInstance(name, port, process);
        process.OutputDataReceived += (_, line) => instance.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => instance.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();

        try
        {
            await instance.WaitUntilReadyAsync();
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the process with SIGKILL, as a crash or an out-of-memory kill would, without any shutdown.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(ClusterSettings settings, params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = BuildPaths.AppContentRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        info.ArgumentList.Add(BuildPaths.AppAssemblyPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        settings.Database.ApplyTo(info.Environment);
        info.Environment["Redis__Configuration"] = settings.RedisConfiguration;
        info.Environment["Site__PublicUrl"] = settings.PublicUrl;
        info.Environment["DemoData__LoadIntoEmptyDatabase"] = "true";
        info.Environment["Email__PickupFolder"] = settings.MailFolder;
        foreach (var (name, value) in settings.Environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"App instance {Name} exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseUrl + "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not responding within the client's timeout yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"App instance {Name} was not ready on {BaseUrl}/health/ready within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{Output}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}

/// <summary>What every instance of one cluster shares: the database, Redis, the public address and the mail folder.</summary>
internal sealed record ClusterSettings(ClusterDatabase Database, string RedisConfiguration, string PublicUrl, string MailFolder)
{
    /// <summary>More configuration for every instance, as environment variables such as "RateLimits__SignInPerAccount__PermitLimit".</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
