namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// Finds the plugin's Views folder in the source tree, so views are compiled from where they are edited.
/// </summary>
public static class PluginViewsFolder
{
    private const string SOLUTION_FILE = "Nop.Plugin.Misc.Personalization.slnx";
    private const string PLUGIN_FOLDER = "Nop.Plugin.Misc.Personalization";
    private const string VIEW_IMPORTS = "_ViewImports.cshtml";

    public static string Path => System.IO.Path.Combine(RepositoryRoot(), PLUGIN_FOLDER, "Views");

    /// <summary>
    /// Every compilable view as a Razor project path ("/Components/X/Default.cshtml"). View imports are not pages:
    /// they are compiled into every view below them.
    /// </summary>
    public static IEnumerable<string> ViewPaths()
    {
        var root = Path;
        return Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(file => !string.Equals(System.IO.Path.GetFileName(file), VIEW_IMPORTS, StringComparison.OrdinalIgnoreCase))
            .Select(file => "/" + System.IO.Path.GetRelativePath(root, file).Replace('\\', '/'))
            .OrderBy(path => path, StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, SOLUTION_FILE)))
                return directory.FullName;
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains {SOLUTION_FILE}");
    }
}
