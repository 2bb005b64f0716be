using System.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>
/// The shop's linq2db 5.4.1 must be able to translate every query the plugin writes. The tests' linq2db 6 and the test
/// shop's translate span calls, so the guard sits at compile level: the language version, and the built dll itself.
/// </summary>
[TestFixture]
public class QueryTranslationGuardTests
{
    private const string QUERY_WITH_ARRAY_CONTAINS = """
        using System;
        using System.Linq;
        using System.Linq.Expressions;
        public static class Queries
        {
            private static readonly int[] Types = [1, 2];
            public static Expression<Func<int, bool>> OfTypes() => type => Types.Contains(type);
        }
        """;

    [Test]
    public void NoQueryInThePluginCallsASpanMethod()
    {
        ExpressionTreeSpanCalls.In(RepositoryPaths.PluginDll()).Should().BeEmpty();
    }

    [Test]
    public void TheCheckFindsArrayContainsCompiledAsCSharp14()
    {
        var image = InMemoryCompiler.Compile("SpanQueries", QUERY_WITH_ARRAY_CONTAINS, QueryReferences(), languageVersion: LanguageVersion.Preview);

        ExpressionTreeSpanCalls.In(image).Should().Contain(call => call.EndsWith("Queries.OfTypes → MemoryExtensions.Contains"));
    }

    [Test]
    public void TheCheckPassesArrayContainsCompiledAsCSharp13()
    {
        var image = InMemoryCompiler.Compile("EnumerableQueries", QUERY_WITH_ARRAY_CONTAINS, QueryReferences(), languageVersion: LanguageVersion.CSharp13);

        ExpressionTreeSpanCalls.In(image).Should().BeEmpty();
    }

    [TestCase("Nop.Plugin.Misc.Personalization/Nop.Plugin.Misc.Personalization.csproj")]
    [TestCase("build/NopReference/Nop.Core/Nop.Core.csproj")]
    public async Task ThePluginAndItsSurfaceCompileAsCSharp13(string project)
    {
        var start = new ProcessStartInfo("dotnet", ["msbuild", Path.Combine(RepositoryRoot.Path, project), "-getProperty:LangVersion", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        using var msbuild = Process.Start(start)!;
        var output = await msbuild.StandardOutput.ReadToEndAsync();
        await msbuild.WaitForExitAsync();

        msbuild.ExitCode.Should().Be(0, await msbuild.StandardError.ReadToEndAsync());
        output.Trim().Should().Be("13", "C# 14 turns array.Contains(x) in a query into a span call the shop's linq2db 5.4.1 cannot translate");
    }

    private static IEnumerable<string> QueryReferences()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return new[] { "System.Linq.dll", "System.Linq.Expressions.dll", "System.Memory.dll" }.Select(file => Path.Combine(runtime, file));
    }
}
