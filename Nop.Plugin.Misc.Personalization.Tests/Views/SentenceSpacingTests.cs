namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// Two localized sentences written from a code block render without a space between them unless the view adds one.
/// </summary>
[TestFixture]
public class SentenceSpacingTests
{
    private const string VIEW_IMPORTS = "_ViewImports.cshtml";

    private RazorViewCompiler _pluginViews;
    private RazorViewCompiler _samples;
    private string _folder;

    [OneTimeSetUp]
    public void CreateCompilers()
    {
        var references = ViewCompilationReferences.Create();
        _pluginViews = new RazorViewCompiler(PluginViewsFolder.Path, references);
        _folder = Directory.CreateTempSubdirectory("personalization-sentences-").FullName;
        File.Copy(Path.Combine(PluginViewsFolder.Path, VIEW_IMPORTS), Path.Combine(_folder, VIEW_IMPORTS));
        _samples = new RazorViewCompiler(_folder, references);
    }

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        Directory.Delete(_folder, recursive: true);
    }

    public static IEnumerable<TestCaseData> PluginViews() =>
        PluginViewsFolder.ViewPaths().Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    [TestCaseSource(nameof(PluginViews))]
    public void LocalizedSentencesAreSeparated(string viewPath)
    {
        RunTogetherSentences.Find(_pluginViews.Parse(viewPath)).Should().BeEmpty();
    }

    [Test]
    public void SentencesWrittenFromCodeBlocksRunTogether()
    {
        var found = Find("/RunTogether.cshtml",
            "<p>",
            "    @if (true)",
            "    {",
            "        @T(\"First\")",
            "    }",
            "    @if (true)",
            "    {",
            "        @T(\"Second\")",
            "    }",
            "</p>");

        found.Should().ContainSingle().Which.Should().Contain("First").And.Contain("Second");
    }

    [Test]
    public void MarkupBetweenSentencesSeparatesThem()
    {
        var found = Find("/Separated.cshtml",
            "<p>",
            "    @T(\"First\")",
            "    @if (true)",
            "    {",
            "        <text>@T(\"Second\") </text>",
            "    }",
            "    @if (true)",
            "    {",
            "        @T(\"Third\")",
            "    }",
            "</p>",
            "<p>@T(\"Fourth\")</p><p>@T(\"Fifth\")</p>");

        found.Should().BeEmpty();
    }

    private IReadOnlyList<string> Find(string viewPath, params string[] lines)
    {
        File.WriteAllLines(Path.Combine(_folder, viewPath.TrimStart('/')), lines);
        return RunTogetherSentences.Find(_samples.Parse(viewPath));
    }
}
