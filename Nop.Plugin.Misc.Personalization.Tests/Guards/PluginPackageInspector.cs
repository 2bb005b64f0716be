using System.IO.Compression;
using System.Text.Json;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>
/// What the admin's "Upload plugin or theme" zip must look like: one top folder named after the system name, holding
/// plugin.json, the plugin dll, logo.png and the views, and no assembly the shop already has (nopCommerce marks a plugin
/// that ships one of those as incompatible).
/// </summary>
public static class PluginPackageInspector
{
    public const string SYSTEM_NAME = "Misc.Personalization";
    public const string GROUP = "Misc";
    public const string SUPPORTED_VERSION = "4.90";

    // Assemblies a 4.90.6 shop ships: its own, the packages of Nop.Core/Data/Services/Web.Framework/Web and their dependencies.
    private static readonly string[] _shopAssemblyPrefixes =
    [
        "Nop.", "FluentMigrator", "linq2db", "Npgsql", "Autofac", "AutoMapper", "FluentValidation", "MailKit", "MimeKit",
        "BouncyCastle", "Newtonsoft.Json", "Microsoft.", "System.", "netstandard", "mscorlib", "Azure.", "ClosedXML",
        "DocumentFormat.OpenXml", "DeepL", "Google.", "HarfBuzzSharp", "Humanizer", "LigerShark.", "WebOptimizer", "Markdig",
        "MaxMind.", "MySqlConnector", "Nito.", "PdfRpt", "SkiaSharp", "Svg.", "WebMarkupMin", "NUglify", "StackExchange.Redis"
    ];

    public static bool IsShopAssembly(string fileName) =>
        _shopAssemblyPrefixes.Any(prefix => fileName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <param name="expectedViews">Paths of the plugin's views relative to its Views folder ('/'-separated).</param>
    public static IReadOnlyList<string> Problems(ZipArchive zip, IReadOnlyCollection<string> expectedViews)
    {
        var problems = new List<string>();
        var files = zip.Entries.Where(entry => !entry.FullName.EndsWith('/')).Select(entry => entry.FullName.Replace('\\', '/')).ToList();
        var topFolders = files.Select(path => path.Contains('/') ? path[..path.IndexOf('/')] : "(root)").Distinct().ToList();
        if (topFolders.Count != 1 || topFolders[0] != SYSTEM_NAME)
            problems.Add($"expected one top folder '{SYSTEM_NAME}/', found: {string.Join(", ", topFolders)}");

        var prefix = SYSTEM_NAME + "/";
        var descriptor = ReadDescriptor(zip, prefix + "plugin.json", problems);
        var pluginDll = descriptor?.FileName;
        if (pluginDll != null && !files.Contains(prefix + pluginDll))
            problems.Add($"plugin.json names {pluginDll}, which is not in {prefix}");
        if (!files.Contains(prefix + "logo.png"))
            problems.Add($"{prefix}logo.png is missing");

        foreach (var view in expectedViews)
        {
            if (!files.Contains(prefix + "Views/" + view))
                problems.Add($"view {view} is not shipped under {prefix}Views/");
        }

        foreach (var file in files.Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            var name = Path.GetFileName(file);
            if (!string.Equals(name, pluginDll, StringComparison.OrdinalIgnoreCase) && IsShopAssembly(name))
                problems.Add($"{file}: a 4.90.6 shop already has this assembly; shipping it makes the plugin incompatible");
        }

        return problems;
    }

    private static PluginDescriptor ReadDescriptor(ZipArchive zip, string path, List<string> problems)
    {
        var entry = zip.GetEntry(path);
        if (entry == null)
        {
            problems.Add($"{path} is missing");
            return null;
        }

        using var stream = entry.Open();
        var descriptor = JsonSerializer.Deserialize<PluginDescriptor>(stream);
        if (descriptor.SystemName != SYSTEM_NAME)
            problems.Add($"plugin.json SystemName is '{descriptor.SystemName}', expected '{SYSTEM_NAME}'");
        if (descriptor.Group != GROUP)
            problems.Add($"plugin.json Group is '{descriptor.Group}', expected '{GROUP}'");
        if (descriptor.SupportedVersions is not [SUPPORTED_VERSION])
            problems.Add($"plugin.json SupportedVersions is [{string.Join(", ", descriptor.SupportedVersions ?? [])}], expected [\"{SUPPORTED_VERSION}\"]");
        if (string.IsNullOrEmpty(descriptor.FileName))
            problems.Add("plugin.json has no FileName");
        return descriptor;
    }

    private sealed record PluginDescriptor(string SystemName, string Group, string[] SupportedVersions, string FileName);
}
