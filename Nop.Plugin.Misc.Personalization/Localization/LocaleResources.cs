using System.Reflection;
using System.Xml.Linq;

namespace Nop.Plugin.Misc.Personalization.Localization;

/// <summary>
/// Reads the plugin's locale strings from the embedded resource file, so texts live in one translatable file rather than in C#.
/// </summary>
public static class LocaleResources
{
    public static IDictionary<string, string> LoadEnglish() =>
        Load(typeof(LocaleResources).Assembly, PersonalizationDefaults.LocaleResourceFile);

    public static IDictionary<string, string> Load(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from {assembly.GetName().Name}.");

        return Parse(XDocument.Load(stream));
    }

    public static IDictionary<string, string> Parse(XDocument document)
    {
        var resources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in document.Root?.Elements("LocaleResource") ?? [])
        {
            var name = (string)element.Attribute("Name");
            if (string.IsNullOrWhiteSpace(name))
                throw new InvalidDataException("A LocaleResource has no Name.");
            if (!resources.TryAdd(name, (string)element.Element("Value") ?? string.Empty))
                throw new InvalidDataException($"Locale resource '{name}' is declared twice.");
        }

        return resources;
    }
}
