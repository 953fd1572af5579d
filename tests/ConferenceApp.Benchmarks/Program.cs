using BenchmarkDotNet.Running;

namespace ConferenceApp.Benchmarks;

/// <summary>
/// The entry point, a named class because top-level statements would declare a second global
/// <c>Program</c> beside the app's, which <see cref="LargeConferenceHost"/> hosts.
/// </summary>
public static class BenchmarksEntryPoint
{
    /// <summary>
    /// Runs <c>seed --database PATH</c> (see <see cref="SeedCommand"/>), <c>soak ...</c> (see
    /// <see cref="SoakCommand"/>), or else the benchmarks that the
    /// arguments select, such as <c>--filter '*Import*'</c>. See docs/benchmarks.md.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == SeedCommand.Name)
        {
            return await SeedCommand.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == SoakCommand.Name)
        {
            return await SoakCommand.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarksEntryPoint).Assembly).Run(args);
        return 0;
    }
}
