using SignatureCheck;
using SignatureCheck.Comparison;

namespace Nop.Plugin.Misc.Personalization.Tests.Tools.SignatureCheck;

[TestFixture]
public class SignatureCheckerTests
{
    private FakeSourceTrees _trees;

    [SetUp]
    public void SetUp()
    {
        _trees = new FakeSourceTrees();
    }

    [TearDown]
    public void TearDown()
    {
        _trees.Dispose();
    }

    [Test]
    public void IdenticalDeclarationsWrittenDifferentlyHaveNoMismatch()
    {
        var result = Check();

        result.Mismatches.Select(Report.Line).Should().BeEmpty();
        result.TypesChecked.Should().Be(12);
        result.MembersChecked.Should().BeGreaterThan(10);
    }

    [TestCase("Nop.Core/Service.cs", "Task<List<string>> GetAsync", "Task<IList<string>> GetAsync", Rule.ReturnType, "Service.GetAsync")]
    [TestCase("Nop.Core/Service.cs", "(int pageIndex = 0,", "(int page = 0,", Rule.ParameterName, "Service.GetAsync")]
    [TestCase("Nop.Core/Service.cs", "(int pageIndex = 0,", "(long pageIndex = 0,", Rule.ParameterType, "Service.GetAsync")]
    [TestCase("Nop.Core/Service.cs", "(int id)", "(ref int id)", Rule.ParameterModifier, "Service.Load<T>")]
    [TestCase("Nop.Core/Service.cs", "pageSize = 2147483647", "pageSize = 100", Rule.DefaultValue, "Service.GetAsync")]
    [TestCase("Nop.Core/Service.cs", "Kind kind = Kind.Second", "Kind kind = Kind.First", Rule.DefaultValue, "Service.GetAsync")]
    [TestCase("Nop.Core/Service.cs", "string name = null,", "string name = \"\",", Rule.DefaultValue, "Service.GetAsync")]
    [TestCase("Nop.Data/Repository.cs", "= DataType.Undefined", "= DataType.Int32", Rule.DefaultValue, "Repository.Find")]
    [TestCase("Nop.Core/Service.cs", "public virtual T Load<T>", "public T Load<T>", Rule.Modifiers, "Service.Load<T>")]
    [TestCase("Nop.Core/Service.cs", "public static int Count", "public int Count", Rule.Modifiers, "Service.Count")]
    [TestCase("Nop.Core/Service.cs", "where T : BaseEntity, new()", "where T : BaseEntity", Rule.GenericConstraints, "Service.Load<T>")]
    [TestCase("Nop.Core/Service.cs", "where T : BaseEntity, new()", "where T : Widget, new()", Rule.GenericConstraints, "Service.Load<T>")]
    [TestCase("Nop.Core/Service.cs", "Load<T>(int id) where T", "Load<TEntity>(int id) where TEntity", Rule.GenericParameters, "Service.Load<TEntity>")]
    [TestCase("Nop.Core/Service.cs", "public int Size", "public long Size", Rule.ReturnType, "Service.Options.Size")]
    [TestCase("Nop.Core/Service.cs", "event EventHandler Changed", "event Action Changed", Rule.ReturnType, "Service.Changed")]
    [TestCase("Nop.Core/Service.cs", "this[int index]", "this[long index]", Rule.ParameterType, "Service.this[long]")]
    [TestCase("Nop.Core/Service.cs", "+(Service left, Service right)", "+(Service left, int right)", Rule.ParameterType, "Service.op_Addition")]
    [TestCase("Nop.Core/Service.cs", "Handler(string name, object state)", "Handler(string name, object context)", Rule.ParameterName, "Nop.Core.Handler")]
    [TestCase("Nop.Core/Service.cs", "public const int MAX = 5 + 5;", "public const int MAX = 11;", Rule.ConstantValue, "Service.MAX")]
    [TestCase("Nop.Core/Service.cs", "public virtual T Load<T>", "public virtual void Reset()\n    {\n    }\n\n    public virtual T Load<T>", Rule.MissingMember, "Service.Reset")]
    [TestCase("Nop.Core/BaseEntity.cs", "{ get; set; }", "{ get; }", Rule.Accessors, "BaseEntity.Id")]
    [TestCase("Nop.Core/BaseEntity.cs", "{ get; set; }", "{ get; protected set; }", Rule.Accessors, "BaseEntity.Id")]
    [TestCase("Nop.Core/Widget.cs", ": BaseEntity, IDisposable", ": BaseEntity", Rule.Interfaces, "Nop.Core.Widget")]
    [TestCase("Nop.Core/Widget.cs", ": BaseEntity, IDisposable", ": IDisposable", Rule.BaseType, "Nop.Core.Widget")]
    [TestCase("Nop.Core/Widget.cs", "public partial class Widget", "public sealed partial class Widget", Rule.Modifiers, "Nop.Core.Widget")]
    [TestCase("Nop.Core/Widget.cs", "public partial class Widget", "public partial record Widget", Rule.Kind, "Nop.Core.Widget")]
    [TestCase("Nop.Core/IWidget.cs", "    bool HideInWidgetList { get; }\n", "", Rule.MissingInterfaceMember, "Nop.Core.IWidget")]
    [TestCase("Nop.Core/BasePlugin.cs", "    public abstract string SystemName { get; }\n", "", Rule.MissingAbstractMember, "Nop.Core.BasePlugin")]
    [TestCase("Nop.Core/Kind.cs", "Third = 10", "Third = 11", Rule.EnumValue, "Kind.Third")]
    [TestCase("Nop.Core/Kind.cs", "Third = 10", "Third = 10,\n    Fourth", Rule.MissingMember, "Kind.Fourth")]
    [TestCase("Nop.Core/Kind.cs", "public enum Kind", "public enum Kind : long", Rule.EnumUnderlyingType, "Nop.Core.Kind")]
    [TestCase("Nop.Core/ShopSettings.cs", "public bool Enabled", "public ShopSettings(bool enabled)\n    {\n    }\n\n    public bool Enabled", Rule.SettingsConstructor, "Nop.Core.ShopSettings")]
    [TestCase("Nop.Core/Kind.cs", "namespace Nop.Core;", "namespace Nop.Core.Domain;", Rule.Namespace, "Nop.Core.Domain.Kind")]
    [TestCase("Nop.Core/Kind.cs", "public enum Kind\n{", "public enum Kinds\n{", Rule.MissingType, "Nop.Core.Kinds")]
    public void EachBrokenRuleIsReported(string file, string oldText, string newText, Rule rule, string symbol)
    {
        _trees.Replace(file, oldText, newText);

        var result = Check();
        Report.Write(result, TestContext.Out);

        result.Mismatches.Should().Contain(m => m.Rule == rule && m.Symbol.Contains(symbol),
            "the surface breaks {0}; reported: {1}", rule, string.Join("\n", result.Mismatches.Select(Report.Line)));
    }

    [Test]
    public void RenamedMethodTypeParameterIsReportedOnceNotInEveryUse()
    {
        _trees.Replace("Nop.Core/Service.cs", "T Load<T>(int id) where T :", "TEntity Load<TEntity>(int id) where TEntity :");

        var result = Check();

        result.Mismatches.Should().ContainSingle().Which.Rule.Should().Be(Rule.GenericParameters);
    }

    [Test]
    public void TypeInTheWrongAssemblyFolderIsReported()
    {
        _trees.Move("Nop.Data/Repository.cs", "Nop.Core/Repository.cs");
        _trees.Replace("Nop.Core/Repository.cs", "using Nop.Core;\n", string.Empty);

        var result = Check();

        result.Mismatches.Should().ContainSingle(m => m.Rule == Rule.Assembly)
            .Which.Should().Match<Mismatch>(m => m.Surface == "Nop.Core" && m.Real == "Nop.Data" && m.Symbol == "Nop.Data.Repository");
    }

    [Test]
    public void MismatchLineNamesFileLineSymbolAndBothSides()
    {
        _trees.Replace("Nop.Core/Service.cs", "(int pageIndex = 0,", "(int page = 0,");

        var mismatch = Check().Mismatches.Should().ContainSingle().Subject;
        var line = Report.Line(mismatch);

        var surfaceFile = Path.Combine(_trees.SurfaceRoot, "Nop.Core", "Service.cs");
        var realFile = Path.Combine(_trees.RealRoot, "Libraries", "Nop.Core", "Core.cs");
        line.Should().Be($"{surfaceFile}:{LineOf(surfaceFile, "GetAsync(")}: method Nop.Core.Service.GetAsync(int, int, string, Kind): "
            + "parameter 1 (page): name differs (surface: page, real: pageIndex) "
            + $"[real at {realFile}:{LineOf(realFile, "GetAsync(")}]");
    }

    [Test]
    public void MissingInterfaceMemberShowsTheDeclarationToAdd()
    {
        _trees.Replace("Nop.Core/IWidget.cs", "    bool HideInWidgetList { get; }\n", string.Empty);

        var mismatch = Check().Mismatches.Should().ContainSingle().Subject;

        mismatch.Real.Should().Be("bool HideInWidgetList { get; }");
    }

    private static int LineOf(string file, string text)
    {
        return Array.FindIndex(File.ReadAllLines(file), line => line.Contains(text)) + 1;
    }

    private CheckResult Check()
    {
        _trees.Write();
        return SignatureChecker.Run(_trees.RealRoot, _trees.SurfaceRoot);
    }
}
