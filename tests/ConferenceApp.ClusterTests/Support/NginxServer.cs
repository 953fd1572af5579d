using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ConferenceApp.ClusterTests.Support;

/// <summary>
/// Debian's nginx, started with the repository's deploy/nginx/cluster.conf on a free port of
/// 127.0.0.1, with the two upstream servers pointed at the test's app instances. Its
/// configuration, pid file, logs and temp files stay in a folder of its own.
/// </summary>
internal sealed partial class NginxServer : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/sbin/nginx";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _folder;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private NginxServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>nginx's error log, where it notes each failed upstream and each retry.</summary>
    public string ErrorLog => File.Exists(ErrorLogPath) ? File.ReadAllText(ErrorLogPath) : "";

    private string ErrorLogPath => Path.Combine(_folder, "error.log");

    /// <summary>Reserves the port before the app instances start, because their Site:PublicUrl names it.</summary>
    public static NginxServer Reserve(string folder) => new(folder, FreePort.Next());

    public async Task StartAsync(params AppInstance[] upstreams)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing. Install Debian's nginx package (scripts/test installs it when missing).");
        }

        Directory.CreateDirectory(_folder);
        var configPath = WriteConfiguration(upstreams);

        var info = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", _folder + "/", "-c", configPath, "-e", ErrorLogPath })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start.");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {_process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}{Environment.NewLine}{ErrorLog}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"nginx did not listen on port {Port} within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{ErrorLog}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            // SIGKILL of the master alone would leave its workers holding the port.
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    /// <summary>
    /// Writes nginx.conf around the repository's cluster.conf, with the upstream servers and the
    /// listening port replaced, and returns its path.
    /// </summary>
    private string WriteConfiguration(AppInstance[] upstreams)
    {
        var cluster = File.ReadAllText(BuildPaths.NginxClusterConfig);
        var servers = ServerPattern().Matches(cluster);
        if (servers.Count != upstreams.Length)
        {
            throw new InvalidOperationException($"{BuildPaths.NginxClusterConfig} names {servers.Count} upstream servers; the test starts {upstreams.Length} instances.");
        }

        var index = 0;
        cluster = ServerPattern().Replace(cluster, match => $"server 127.0.0.1:{upstreams[index++].Port}{match.Groups["options"].Value};");
        cluster = ListenPattern().Replace(cluster, $"listen 127.0.0.1:{Port};");
        File.WriteAllText(Path.Combine(_folder, "cluster.conf"), cluster);

        // As root, nginx would switch its workers to the user "nobody", which could not write the temp folders.
        var user = Environment.UserName == "root" ? "user root;" : "";
        var main = $$"""
            {{user}}
            daemon off;
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{ErrorLogPath}} warn;

            events {
                worker_connections 512;
            }

            http {
                access_log off;
                client_body_temp_path {{_folder}}/client_body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                include {{_folder}}/cluster.conf;
            }
            """;
        var path = Path.Combine(_folder, "nginx.conf");
        File.WriteAllText(path, main);
        return path;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    [GeneratedRegex(@"server\s+app-\d+:8080(?<options>[^;]*);")]
    private static partial Regex ServerPattern();

    [GeneratedRegex(@"listen\s+80;")]
    private static partial Regex ListenPattern();
}
