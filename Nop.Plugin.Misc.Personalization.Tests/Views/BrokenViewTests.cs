namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// Proves the view check can fail: broken views in a temporary folder, beside a copy of the plugin's view imports,
/// must report their errors at the right line.
/// </summary>
[TestFixture]
public class BrokenViewTests
{
    private const string VIEW_IMPORTS = "_ViewImports.cshtml";

    private string _folder;
    private RazorViewCompiler _compiler;

    [OneTimeSetUp]
    public void CreateFolderAndCompiler()
    {
        _folder = Directory.CreateTempSubdirectory("personalization-views-").FullName;
        File.Copy(Path.Combine(PluginViewsFolder.Path, VIEW_IMPORTS), Path.Combine(_folder, VIEW_IMPORTS));
        _compiler = new RazorViewCompiler(_folder, ViewCompilationReferences.Create());
    }

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void AValidViewBesideTheBrokenOnesCompiles()
    {
        var errors = Compile("/Valid.cshtml",
            "@model ConfigurationModel",
            "<nop-label asp-for=\"Enabled\" />",
            "<nop-editor asp-for=\"Enabled\" />",
            "<p>@T(\"Admin.Common.Save\")</p>");

        errors.Should().BeEmpty();
    }

    [Test]
    public void TagHelperForAMissingModelPropertyFails()
    {
        var errors = Compile("/Nested/MissingProperty.cshtml",
            "@model ConfigurationModel",
            "<nop-label asp-for=\"Enabled\" />",
            "<nop-editor asp-for=\"NoSuchProperty\" />");

        errors.Should().ContainSingle(error => error.Id == "CS1061" && error.Message.Contains("NoSuchProperty"))
            .Which.Should().Match<ViewDiagnostic>(error => error.Line == 3 && error.FilePath.EndsWith("MissingProperty.cshtml"));
    }

    [Test]
    public void ModelMemberThatDoesNotExistFails()
    {
        var errors = Compile("/UnknownMember.cshtml",
            "@model ConfigurationModel",
            "<p>@Model.NoSuchProperty</p>");

        errors.Should().Contain(error => error.Id == "CS1061" && error.Line == 2 && error.Message.Contains("NoSuchProperty"));
    }

    [Test]
    public void AttributeOfTheWrongTypeFails()
    {
        var errors = Compile("/WrongType.cshtml",
            "@model ConfigurationModel",
            "<nop-override-store-checkbox asp-for=\"Enabled_OverrideForStore\" asp-input=\"Enabled\" asp-store-scope=\"@Model.AvailableConsents\" />");

        errors.Should().Contain(error => error.Id.StartsWith("CS") && error.Line == 2);
    }

    [Test]
    public void RazorSyntaxErrorFails()
    {
        var errors = Compile("/Unclosed.cshtml",
            "@model ConfigurationModel",
            "@{",
            "    var title = \"unclosed code block\";");

        errors.Should().Contain(error => error.Id.StartsWith("RZ") && error.FilePath.EndsWith("Unclosed.cshtml"));
    }

    [Test]
    public void ErrorInTheViewImportsFailsTheViewsBelowThem()
    {
        var folder = Path.Combine(_folder, "BadImports");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, VIEW_IMPORTS), "@using Nop.Plugin.Misc.Personalization.NoSuchNamespace");

        var errors = Compile("/BadImports/Page.cshtml", "<p>imports are applied from every folder above</p>");

        errors.Should().Contain(error => error.Id == "CS0234" && error.FilePath.EndsWith(VIEW_IMPORTS));
    }

    private IReadOnlyList<ViewDiagnostic> Compile(string viewPath, params string[] lines)
    {
        var file = Path.Combine(_folder, viewPath.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(file));
        File.WriteAllText(file, string.Join("\n", lines));

        var errors = _compiler.Compile(viewPath);
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, errors));
        return errors;
    }
}
