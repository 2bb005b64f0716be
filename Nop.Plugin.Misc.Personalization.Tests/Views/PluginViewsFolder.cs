namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// The plugin's Views folder in the source tree, so views are compiled from where they are edited.
/// </summary>
public static class PluginViewsFolder
{
    private const string VIEW_IMPORTS = "_ViewImports.cshtml";

    public static string Path => System.IO.Path.Combine(RepositoryFolders.Plugin, "Views");

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
}
