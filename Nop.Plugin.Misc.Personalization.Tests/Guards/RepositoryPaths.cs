using System.Reflection;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>Where the guards find the built plugin, the surfaces and the package, whatever folder the tests run from.</summary>
public static class RepositoryPaths
{
    public const string PLUGIN_DLL = "Nop.Plugin.Misc.Personalization.dll";
    public const string PLUGIN_FRAMEWORK = "net9.0";

    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !directory.EnumerateFiles("*.slnx").Any())
            directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException($"No *.slnx above {AppContext.BaseDirectory}");
    }

    /// <summary>The configuration the tests were built in (Debug/Release), to pick the matching build outputs.</summary>
    public static string Configuration() =>
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The plugin dll copied next to the tests by the project reference, else the plugin's own output.</summary>
    public static string PluginDll()
    {
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, PLUGIN_DLL),
            Path.Combine(Root(), "Nop.Plugin.Misc.Personalization", "bin", Configuration(), PLUGIN_FRAMEWORK, PLUGIN_DLL)
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"Plugin not built; looked at {string.Join(", ", candidates)}");
    }

    /// <summary>Nop.Data of the compile surface: the tests load it, and it calls FluentMigrator's MigrationAttribute.</summary>
    public static string NopDataSurfaceDll() => Path.Combine(AppContext.BaseDirectory, "Nop.Data.dll");

    public static IReadOnlyList<string> FluentMigratorSurfaceDlls() =>
        new[] { "FluentMigrator", "FluentMigrator.Abstractions" }
            .Select(name => Path.Combine(Root(), "build", "NopReference", name, "bin", Configuration(), PLUGIN_FRAMEWORK, name + ".dll"))
            .ToList();

    /// <summary>The real FluentMigrator assemblies the test process itself loaded (from the NuGet package).</summary>
    public static IReadOnlyList<string> RealFluentMigratorDlls() =>
        [typeof(FluentMigrator.Migration).Assembly.Location, typeof(FluentMigrator.IMigration).Assembly.Location];
}
