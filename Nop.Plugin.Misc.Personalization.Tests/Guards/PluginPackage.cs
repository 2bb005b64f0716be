using System.Diagnostics;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>The zip build/package.sh writes; rebuilt when missing or older than the plugin dll.</summary>
public static class PluginPackage
{
    private static readonly TimeSpan _packageTimeout = TimeSpan.FromMinutes(8);

    public static string ZipPath() => Path.Combine(RepositoryPaths.Root(), "artifacts", PluginPackageInspector.SYSTEM_NAME + ".zip");

    public static string EnsureFresh()
    {
        var zip = ZipPath();
        if (!File.Exists(zip) || File.GetLastWriteTimeUtc(zip) < NewestPluginBuild())
            RunPackageScript();
        return zip;
    }

    /// <summary>View paths relative to the plugin's Views folder, as the package must ship them.</summary>
    public static IReadOnlyList<string> SourceViews()
    {
        var views = Path.Combine(RepositoryPaths.Root(), "Nop.Plugin.Misc.Personalization", "Views");
        return Directory.Exists(views)
            ? Directory.EnumerateFiles(views, "*.cshtml", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(views, file).Replace('\\', '/'))
                .ToList()
            : [];
    }

    private static DateTime NewestPluginBuild()
    {
        var release = Path.Combine(RepositoryPaths.Root(), "Nop.Plugin.Misc.Personalization", "bin", "Release",
            RepositoryPaths.PLUGIN_FRAMEWORK, RepositoryPaths.PLUGIN_DLL);
        return new[] { RepositoryPaths.PluginDll(), release }.Where(File.Exists).Max(File.GetLastWriteTimeUtc);
    }

    private static void RunPackageScript()
    {
        var start = new ProcessStartInfo("bash", ["build/package.sh"])
        {
            WorkingDirectory = RepositoryPaths.Root(),
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        using var process = Process.Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(_packageTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"build/package.sh did not finish within {_packageTimeout}");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"build/package.sh failed ({process.ExitCode}):\n{output.Result}\n{errors.Result}");
    }
}
