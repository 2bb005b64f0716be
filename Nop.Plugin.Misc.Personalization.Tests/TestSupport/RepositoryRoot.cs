namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport;

/// <summary>
/// Finds the repository from the test binaries, so tests can read sources, views and packages.
/// </summary>
public static class RepositoryRoot
{
    public const string SOLUTION_FILE = "Nop.Plugin.Misc.Personalization.slnx";

    public static string Path { get; } = Find();

    public static string PluginProject => System.IO.Path.Combine(Path, "Nop.Plugin.Misc.Personalization");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, SOLUTION_FILE)))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No {SOLUTION_FILE} above {AppContext.BaseDirectory}.");
    }
}
