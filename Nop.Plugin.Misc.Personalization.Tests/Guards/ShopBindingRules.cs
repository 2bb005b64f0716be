using System.Reflection;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>
/// What a nopCommerce 4.90.6 shop can bind a plugin reference to (nop-api.md §11): its own assemblies at 4.90.0.0,
/// the .NET 9 / ASP.NET Core 9 shared framework, and the third-party libraries it ships, each at most at the version it
/// loads. The runtime binds a reference only to the same or a higher version, and the plugin ships none of these.
/// Besides, the libraries the plugin ships itself because the shop does not load them (<see cref="ShippedLibraries"/>),
/// each at the version the zip holds.
/// </summary>
public sealed class ShopBindingRules
{
    private const string FLUENT_MIGRATOR_TOKEN = "aacfc7de5acabf05";

    private static readonly Version _nopVersion = new(4, 90, 0, 0);

    private static readonly string[] _nopAssemblies = ["Nop.Core", "Nop.Data", "Nop.Services", "Nop.Web.Framework", "Nop.Web"];

    private static readonly Dictionary<string, Version> _thirdParty = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FluentMigrator"] = new(7, 1, 0, 0),
        ["FluentMigrator.Abstractions"] = new(7, 1, 0, 0),
        ["FluentMigrator.Runner"] = new(7, 1, 0, 0),
        ["FluentMigrator.Runner.Core"] = new(7, 1, 0, 0),
        ["Npgsql"] = new(9, 0, 3, 0),
        ["Newtonsoft.Json"] = new(13, 0, 0, 0),
        ["Autofac"] = new(8, 1, 0, 0),
        ["Autofac.Extensions.DependencyInjection"] = new(10, 0, 0, 0),
        ["AutoMapper"] = new(14, 0, 0, 0),
        ["FluentValidation"] = new(11, 0, 0, 0),
        ["FluentValidation.AspNetCore"] = new(11, 0, 0, 0),
        ["MailKit"] = new(4, 13, 0, 0),
        ["MimeKit"] = new(4, 13, 0, 0)
    };

    /// <summary>What the zip ships next to the plugin dll, at their assembly versions: Lucene.NET 4.8.0-beta00018 (the search
    /// index, assembly 4.0.0.0) and its dependency J2N 2.1.0.</summary>
    public static readonly IReadOnlyDictionary<string, Version> ShippedLibraries = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase)
    {
        ["Lucene.Net"] = new(4, 0, 0, 0),
        ["Lucene.Net.Analysis.Common"] = new(4, 0, 0, 0),
        ["J2N"] = new(2, 0, 0, 0)
    };

    private readonly IReadOnlyDictionary<string, Version> _sharedFramework;

    public ShopBindingRules(IReadOnlyDictionary<string, Version> sharedFramework) => _sharedFramework = sharedFramework;

    /// <summary>Rules over the net9.0 reference packs that built the plugin (Microsoft.NETCore.App.Ref, Microsoft.AspNetCore.App.Ref).</summary>
    public static ShopBindingRules ForNet9SharedFramework() => new(SharedFrameworkReferencePacks.Net9Assemblies());

    public IReadOnlyList<string> Violations(IEnumerable<AssemblyName> references) =>
        references.Select(Violation).Where(violation => violation != null).ToList();

    private string Violation(AssemblyName reference)
    {
        var name = reference.Name;
        var version = reference.Version;
        var display = $"{name}, Version={version}";
        if (name.StartsWith("linq2db", StringComparison.OrdinalIgnoreCase))
            return $"{display}: the plugin must not reference linq2db (the shop's is 5.4.1; use IRepository<T>)";
        if (_nopAssemblies.Contains(name))
            return version == _nopVersion ? null : $"{display}: nopCommerce assemblies are {_nopVersion}";
        if (_thirdParty.TryGetValue(name, out var shopVersion))
        {
            if (version > shopVersion)
                return $"{display}: a 4.90.6 shop loads {shopVersion}, the reference would not bind";
            if (name.StartsWith("FluentMigrator", StringComparison.OrdinalIgnoreCase) && TokenOf(reference) != FLUENT_MIGRATOR_TOKEN)
                return $"{display}: public key token '{TokenOf(reference)}' is not FluentMigrator's {FLUENT_MIGRATOR_TOKEN}";
            return null;
        }

        if (ShippedLibraries.TryGetValue(name, out var shippedVersion))
            return version > shippedVersion ? $"{display}: the package ships {shippedVersion}" : null;
        if (_sharedFramework.TryGetValue(name, out var frameworkVersion))
            return version > frameworkVersion ? $"{display}: the .NET 9 shared framework has {frameworkVersion}" : null;
        return $"{display}: neither the .NET 9 / ASP.NET Core 9 shared framework nor a 4.90.6 shop provides it";
    }

    private static string TokenOf(AssemblyName reference) =>
        Convert.ToHexString(reference.GetPublicKeyToken() ?? []).ToLowerInvariant();
}
