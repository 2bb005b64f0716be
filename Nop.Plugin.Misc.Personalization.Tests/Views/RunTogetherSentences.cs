using Microsoft.AspNetCore.Razor.Language.Intermediate;

namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// Finds localized texts a view writes one right after the other with nothing between them. Inside a code block
/// (<c>@if { @T("…") }</c>) the line breaks around an expression are C#, not output, so two such sentences render as
/// "…UTC.Sizes are…". Markup between them (a space, a tag) separates them; C# code (control flow) does not.
/// </summary>
public static class RunTogetherSentences
{
    public static IReadOnlyList<string> Find(DocumentIntermediateNode document)
    {
        var written = new List<(bool Separates, string Localized)>();
        Collect(document, written);

        var found = new List<string>();
        string previous = null;
        foreach (var (separates, localized) in written)
        {
            if (localized != null && previous != null)
                found.Add($"{previous} runs into {localized}");
            previous = separates ? null : localized ?? previous;
        }

        return found;
    }

    private static void Collect(IntermediateNode node, List<(bool Separates, string Localized)> written)
    {
        switch (node)
        {
            case HtmlContentIntermediateNode html:
                var text = Text(html);
                written.Add((text.Any(c => char.IsWhiteSpace(c) || c == '<'), null));
                return;
            case CSharpExpressionIntermediateNode expression:
                var code = Text(expression).Trim();
                //a localized text written as a sentence; anything else written counts as a separator
                written.Add(code.StartsWith("T(\"", StringComparison.Ordinal) ? (false, code) : (true, null));
                return;
            case CSharpCodeIntermediateNode:
                return;
            case TagHelperIntermediateNode:
                written.Add((true, null));
                return;
        }

        foreach (var child in node.Children)
            Collect(child, written);
    }

    private static string Text(IntermediateNode node) =>
        string.Concat(node.Children.OfType<IntermediateToken>().Select(token => token.Content));
}
