namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// Folders of the source tree, found by walking up from the test's output folder to the solution file.
/// </summary>
public static class RepositoryFolders
{
    private const string SOLUTION_FILE = "Nop.Plugin.Misc.Personalization.slnx";
    private const string PLUGIN_FOLDER = "Nop.Plugin.Misc.Personalization";

    public static string Plugin => Path.Combine(Root(), PLUGIN_FOLDER);

    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SOLUTION_FILE)))
                return directory.FullName;
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains {SOLUTION_FILE}");
    }
}
