using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConferenceApp.BrowserTests.Support;

/// <summary>
/// The built app, started as a child process on a free port of 127.0.0.1, over a SQLite file in
/// a temp folder of its own. It starts the way an operator starts it: the create-organizer
/// command first, with the password on standard input, then the web server.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    // The limits under RateLimits in the app's configuration.
    private static readonly string[] RateLimitNames =
    [
        "SignInPerClient", "SignInPerAccount", "PasswordResetPerClient", "PasswordResetPerAccount",
        "InvitationPerClient", "ImportPerUser", "PhotoUploadPerUser", "AgendaFeedPerClient",
    ];

    public const string OrganizerEmail = "organizer@example.org";
    public const string OrganizerPassword = "correct horse battery staple";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _folder;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _server;

    private AppServer(string folder, int port)
    {
        _folder = folder;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary>The server's address, such as http://127.0.0.1:41234, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The folder where the app writes its outgoing mail as .eml files (no SMTP server is configured).</summary>
    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>What the server has written to standard output and standard error so far.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public static async Task<AppServer> StartAsync()
    {
        if (!File.Exists(BuildPaths.AppAssemblyPath))
        {
            throw new InvalidOperationException($"The app is not built: {BuildPaths.AppAssemblyPath} is missing. Build ConferenceApp.sln first.");
        }

        var folder = Path.Combine(Path.GetTempPath(), "conferenceapp-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        var server = new AppServer(folder, FreePort());
        try
        {
            await server.AddOrganizerAsync(OrganizerEmail);
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
            }

            await _server.WaitForExitAsync();
            _server.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is the OS's to clean up if a file in it is still open.
        }
    }

    // Asks the OS for a free port. Another process could take it before the app binds it, which
    // shows up as a start failure with "address already in use" in the app's output.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private ProcessStartInfo StartInfo(params string[] arguments)
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
        info.Environment["ConnectionStrings__DefaultConnection"] = $"Data Source={Path.Combine(_folder, "conference.db")}";
        info.Environment["DemoData__LoadIntoEmptyDatabase"] = "true";
        info.Environment["Email__PickupFolder"] = MailFolder;
        // Hebrew as a second language lets the tests reach the right-to-left layout and the chooser.
        info.Environment["Localization__SupportedCultures"] = "en,he";

        // The tests share one server and sign in far more often than people do. The limits stay
        // on with high values; the integration tests check the limits themselves.
        foreach (var limit in RateLimitNames)
        {
            info.Environment[$"RateLimits__{limit}__PermitLimit"] = "100000";
        }

        return info;
    }

    /// <summary>Creates an organizer account with <see cref="OrganizerPassword"/> through the create-organizer command, as an operator does.</summary>
    public async Task AddOrganizerAsync(string email)
    {
        using var command = Process.Start(StartInfo("create-organizer", "--email", email))
            ?? throw new InvalidOperationException("The create-organizer command did not start.");

        await command.StandardInput.WriteLineAsync(OrganizerPassword);
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

    private async Task StartServerAsync()
    {
        _server = Process.Start(StartInfo("--urls", BaseUrl))
            ?? throw new InvalidOperationException("The app did not start.");

        _server.OutputDataReceived += (_, line) => Keep(line.Data);
        _server.ErrorDataReceived += (_, line) => Keep(line.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        _server.StandardInput.Close();

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_server.ExitCode} before serving a request:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseUrl + "/"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"The app did not answer on {BaseUrl} within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{Output}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
