using System.Text.RegularExpressions;
using System.Xml.Linq;
using Nop.Plugin.Misc.Personalization.Localization;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Plugin;

[TestFixture]
public class LocaleResourcesTests
{
    [Test]
    public void EmbeddedEnglishResourcesLoad()
    {
        var resources = LocaleResources.LoadEnglish();

        resources.Should().ContainKey("Plugins.Misc.Personalization.Fields.Enabled");
        resources.Keys.Should().OnlyContain(key => key.StartsWith(PersonalizationDefaults.ResourcePrefix, StringComparison.Ordinal),
            "uninstall deletes resources by the plugin's prefix");
        resources.Values.Should().OnlyContain(value => !string.IsNullOrWhiteSpace(value));
    }

    [Test]
    public void EveryResourceKeyUsedInCodeOrViewsIsInstalled()
    {
        var installed = LocaleResources.LoadEnglish();
        var keyPattern = new Regex("\"(Plugins\\.Misc\\.Personalization\\.[A-Za-z0-9_.]+)\"");
        var sources = Directory.EnumerateFiles(RepositoryRoot.PluginProject, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

        var used = sources
            .SelectMany(path => keyPattern.Matches(File.ReadAllText(path)).Select(match => (path, key: match.Groups[1].Value)))
            .Where(use => !use.key.EndsWith(".", StringComparison.Ordinal))
            .ToList();

        used.Should().NotBeEmpty();
        used.Where(use => !installed.ContainsKey(use.key))
            .Select(use => $"{Path.GetFileName(use.path)}: {use.key}")
            .Should().BeEmpty();
    }

    [Test]
    public void EveryTrainingProfileHasADisplayName()
    {
        var installed = LocaleResources.LoadEnglish();

        TrainingProfiles.Candidates(PersonalizationSettings.Defaults())
            .Select(profile => "Plugins.Misc.Personalization.Status.Profile." + profile.Name)
            .Where(key => !installed.ContainsKey(key))
            .Should().BeEmpty("the status card shows the profile in use by its localized name");
    }

    [Test]
    public void EveryNamedFieldHasAHint()
    {
        var installed = LocaleResources.LoadEnglish();

        installed.Keys.Where(key => key.StartsWith("Plugins.Misc.Personalization.Fields.", StringComparison.Ordinal) && !key.EndsWith(".Hint", StringComparison.Ordinal))
            .Where(key => !installed.ContainsKey(key + ".Hint"))
            .Should().BeEmpty();
    }

    [Test]
    public void DuplicateOrNamelessResourcesAreRejected()
    {
        var duplicate = XDocument.Parse("<Language><LocaleResource Name=\"A\"><Value>1</Value></LocaleResource><LocaleResource Name=\"A\"><Value>2</Value></LocaleResource></Language>");
        var nameless = XDocument.Parse("<Language><LocaleResource><Value>1</Value></LocaleResource></Language>");

        FluentActions.Invoking(() => LocaleResources.Parse(duplicate)).Should().Throw<InvalidDataException>().WithMessage("*A*twice*");
        FluentActions.Invoking(() => LocaleResources.Parse(nameless)).Should().Throw<InvalidDataException>();
    }
}
