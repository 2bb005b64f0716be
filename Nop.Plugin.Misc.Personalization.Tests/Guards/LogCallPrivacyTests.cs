using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>
/// The plugin's log texts never carry personal data: every call of the shop log is read from the source, and a
/// value put into its text (an interpolation, also through a local variable) may not be an e-mail, a search text, a
/// name, an address or a customer. Exceptions are redacted by the log itself (<see cref="RedactedExceptionTests"/>).
/// </summary>
[TestFixture]
public partial class LogCallPrivacyTests
{
    private static readonly string[] _logMethods = ["Information", "Warning", "Error"];

    private static readonly HashSet<string> _personalWords =
    [
        "customer", "customerid", "customerguid", "guest", "guestid", "user", "username", "email", "mail", "query", "search",
        "searchterm", "term", "phone", "address", "ip", "ipaddress", "password", "token", "cookie", "firstname",
        "lastname", "fullname"
    ];

    private static readonly string[] _personalEndings = ["email", "query", "username", "ipaddress", "phone"];

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    private static bool IsPersonal(string expression) =>
        Identifier().Matches(expression)
            .Select(match => match.Value.Trim('_').ToLowerInvariant())
            .Any(word => _personalWords.Contains(word) || _personalEndings.Any(word.EndsWith));

    [Test]
    public void NoLogCallPutsPersonalDataInItsText()
    {
        var source = RepositoryRoot.PluginProject;
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();

        var calls = 0;
        var findings = new List<string>();
        foreach (var file in files)
        {
            var (count, found) = Check(File.ReadAllText(file));
            calls += count;
            findings.AddRange(found.Select(finding => $"{Path.GetRelativePath(source, file)}: {finding}"));
        }

        calls.Should().BeGreaterThan(25, "the scan must find the plugin's log calls");
        findings.Should().BeEmpty();
    }

    [TestCase("_log.Warning($\"no reminder for {customer.Email}.\");")]
    [TestCase("_log.Error($\"search {query} failed\", exception);")]
    [TestCase("var text = $\"customer {customerId} failed\"; _log.Warning(text);")]
    [TestCase("_log.Warning(\"a \" + customer.Username + \" b\");")]
    public void TheScanCatchesPersonalDataInALogText(string statement)
    {
        Check($"class C {{ void M() {{ {statement} }} }}").Findings.Should().ContainSingle();
    }

    [TestCase("_log.Warning($\"segment {segment.Id} ({segment.Name}) failed; {count} left, {_options.MaxCustomers} at most.\", exception);")]
    [TestCase("var text = $\"{lost} events lost\"; _log.Error(text);")]
    public void TheScanLetsCountsAndOwnerNamedThingsThrough(string statement)
    {
        Check($"class C {{ void M() {{ {statement} }} }}").Findings.Should().BeEmpty();
    }

    private static (int Calls, List<string> Findings) Check(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetRoot();
        var calls = 0;
        var findings = new List<string>();
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax and not MemberBindingExpressionSyntax)
                continue;
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.Text,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.Text,
                _ => null
            };
            var receiver = invocation.Expression is MemberAccessExpressionSyntax member ? member.Expression.ToString() : invocation.Parent?.ToString() ?? string.Empty;
            if (!_logMethods.Contains(name) || !receiver.Contains("log", StringComparison.OrdinalIgnoreCase)
                && !receiver.Contains("IShopLog", StringComparison.Ordinal))
                continue;
            if (invocation.ArgumentList.Arguments.Count == 0)
                continue;

            calls++;
            var text = invocation.ArgumentList.Arguments[0].Expression;
            foreach (var value in ValuesIn(text, invocation))
            {
                if (IsPersonal(value))
                    findings.Add($"line {invocation.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {value} in {invocation}");
            }
        }

        return (calls, findings);
    }

    /// <summary>
    /// The expressions whose values end up in the text: interpolation holes and concatenated non-literals, followed
    /// through local variables of the enclosing member.
    /// </summary>
    private static IEnumerable<string> ValuesIn(ExpressionSyntax text, SyntaxNode at)
    {
        switch (text)
        {
            case LiteralExpressionSyntax:
                yield break;
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var hole in interpolated.Contents.OfType<InterpolationSyntax>())
                    yield return hole.Expression.ToString();
                yield break;
            case BinaryExpressionSyntax binary:
                foreach (var value in ValuesIn(binary.Left, at).Concat(ValuesIn(binary.Right, at)))
                    yield return value;
                yield break;
            case ConditionalExpressionSyntax conditional:
                foreach (var value in ValuesIn(conditional.WhenTrue, at).Concat(ValuesIn(conditional.WhenFalse, at)))
                    yield return value;
                yield break;
            case ParenthesizedExpressionSyntax parenthesized:
                foreach (var value in ValuesIn(parenthesized.Expression, at))
                    yield return value;
                yield break;
            case IdentifierNameSyntax identifier:
                var scope = at.Ancestors().FirstOrDefault(node => node is MemberDeclarationSyntax) ?? at.SyntaxTree.GetRoot();
                var declarations = scope.DescendantNodes().OfType<VariableDeclaratorSyntax>()
                    .Where(declarator => declarator.Identifier.Text == identifier.Identifier.Text && declarator.Initializer != null)
                    .ToList();
                if (declarations.Count == 0)
                {
                    yield return identifier.Identifier.Text;
                    yield break;
                }

                foreach (var value in declarations.SelectMany(declarator => ValuesIn(declarator.Initializer!.Value, at)))
                    yield return value;
                yield break;
            default:
                yield return text.ToString();
                yield break;
        }
    }
}
