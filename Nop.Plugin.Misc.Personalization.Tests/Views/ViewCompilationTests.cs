using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// nopCommerce compiles plugin views only when the shop first renders them, so a broken view must fail here instead.
/// </summary>
[TestFixture]
public class ViewCompilationTests
{
    private RazorViewCompiler _compiler;

    [OneTimeSetUp]
    public void CreateCompiler()
    {
        _compiler = new RazorViewCompiler(PluginViewsFolder.Path, ViewCompilationReferences.Create());
    }

    public static IEnumerable<TestCaseData> PluginViews() =>
        PluginViewsFolder.ViewPaths().Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    [TestCaseSource(nameof(PluginViews))]
    public void ViewCompiles(string viewPath)
    {
        var errors = _compiler.Compile(viewPath);

        errors.Should().BeEmpty("the view must compile in the shop; errors:{0}{1}",
            Environment.NewLine, string.Join(Environment.NewLine, errors));
    }

    [Test]
    public void ViewsCompileAgainstTheFrameworkThePluginTargets()
    {
        var pluginRuntime = typeof(PersonalizationPlugin).Assembly.GetReferencedAssemblies().Single(name => name.Name == "System.Runtime");

        var viewRuntime = ViewCompilationReferences.Create()
            .OfType<PortableExecutableReference>()
            .Select(reference => AssemblyName.GetAssemblyName(reference.FilePath))
            .Single(name => name.Name == "System.Runtime");

        viewRuntime.Version.Should().Be(pluginRuntime.Version);
    }

    [Test]
    public void TheConfigurationPageIsAmongTheViews()
    {
        PluginViewsFolder.ViewPaths().Should().Contain("/Configure.cshtml");
    }
}
