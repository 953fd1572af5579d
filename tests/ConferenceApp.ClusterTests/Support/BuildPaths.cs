using System.Reflection;

namespace ConferenceApp.ClusterTests.Support;

/// <summary>Paths that the build wrote into this assembly: the repository and the built app.</summary>
internal static class BuildPaths
{
    public static string RepositoryRoot => Read("RepositoryRoot");

    public static string AppAssemblyPath => Read("AppAssemblyPath");

    /// <summary>The app's project folder, its content root, where wwwroot and appsettings.json are.</summary>
    public static string AppContentRoot => Path.Combine(RepositoryRoot, "src", "ConferenceApp");

    /// <summary>The load balancer's configuration that docker-compose.yml mounts into nginx.</summary>
    public static string NginxClusterConfig => Path.Combine(RepositoryRoot, "deploy", "nginx", "cluster.conf");

    private static string Read(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The assembly metadata {key} is missing; it is set in ConferenceApp.ClusterTests.csproj.");
}
