using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Engine.Segments;

/// <summary>
/// Recursive-descent parser of the segment rule language:
/// <code>
/// rule       := or
/// or         := and ('or' and)*
/// and        := unary ('and' unary)*
/// unary      := 'not' unary | '(' rule ')' | comparison
/// comparison := field op value | field ['not'] 'in' '(' value (',' value)* ')'
/// field      := name | 'affinity' '.' kind '[' id ']'
///             | 'affinity' '.' 'attribute' '(' text ',' text ')' | 'affinity' '.' 'tag' '(' text ')'
/// kind       := 'category' | 'manufacturer' | 'price_band' | 'specification' | 'tag' | 'attribute_value'
/// text       := '"' characters ('""' for a quote) '"'
/// op         := '=' | '==' | '!=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
/// </code>
/// Keywords, field names and stage names are case-insensitive.
/// </summary>
internal sealed class RuleParser
{
    private const string START_OF_CONDITION = "a field name, 'not' or '('";

    private readonly IReadOnlyList<Token> _tokens;
    private readonly AttributeVocabulary _vocabulary;
    private int _next;

    /// <param name="vocabulary">The shop's attribute and tag names, to find the ids a named field stands for.</param>
    public RuleParser(string text, AttributeVocabulary vocabulary = null)
    {
        _tokens = RuleLexer.Tokenize(text);
        _vocabulary = vocabulary ?? AttributeVocabulary.Empty;
    }

    private Token Current => _tokens[_next];

    public SegmentRule ParseRule()
    {
        var rule = ParseOr();
        if (Current.Kind != TokenKind.End)
            throw Error(Current.Kind == TokenKind.CloseParen ? "'and', 'or' or end of rule (unmatched ')')" : "'and', 'or' or end of rule");

        return rule;
    }

    private SegmentRule ParseOr()
    {
        var rule = ParseAnd();
        while (Current.IsKeyword("or"))
        {
            _next++;
            rule = new OrRule(rule, ParseAnd());
        }

        return rule;
    }

    private SegmentRule ParseAnd()
    {
        var rule = ParseUnary();
        while (Current.IsKeyword("and"))
        {
            _next++;
            rule = new AndRule(rule, ParseUnary());
        }

        return rule;
    }

    private SegmentRule ParseUnary()
    {
        if (Current.IsKeyword("not"))
        {
            _next++;
            return new NotRule(ParseUnary());
        }

        if (Current.Kind == TokenKind.OpenParen)
        {
            _next++;
            var inner = ParseOr();
            Expect(TokenKind.CloseParen, "')'");
            return inner;
        }

        return ParseComparison();
    }

    private SegmentRule ParseComparison()
    {
        var field = ParseField();
        var negated = false;
        if (Current.IsKeyword("not"))
        {
            _next++;
            negated = true;
            if (!Current.IsKeyword("in"))
                throw Error("'in' after 'not'");
        }

        if (Current.IsKeyword("in"))
        {
            _next++;
            Expect(TokenKind.OpenParen, "'(' to start the list of values");
            var values = new List<double> { ParseValue(field) };
            while (Current.Kind == TokenKind.Comma)
            {
                _next++;
                values.Add(ParseValue(field));
            }

            Expect(TokenKind.CloseParen, "',' or ')' to end the list of values");
            var list = new InRule(field, values);
            return negated ? new NotRule(list) : list;
        }

        if (Current.Kind != TokenKind.Operator)
            throw Error(field.IsLifecycle ? "'=', '!=' or 'in' after lifecycle" : "a comparison (=, !=, <, <=, >, >=) or 'in'");

        var opToken = Current;
        var op = opToken.Text switch
        {
            "=" or "==" => ComparisonOperator.Equal,
            "!=" or "<>" => ComparisonOperator.NotEqual,
            "<" => ComparisonOperator.Less,
            "<=" => ComparisonOperator.LessOrEqual,
            ">" => ComparisonOperator.Greater,
            ">=" => ComparisonOperator.GreaterOrEqual,
            _ => throw Error("a comparison (=, !=, <, <=, >, >=) or 'in'")
        };
        if (field.IsLifecycle && op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
            throw Error("'=', '!=' or 'in' after lifecycle (stages have no order)");

        _next++;
        return new ComparisonRule(field, op, ParseValue(field));
    }

    private SegmentField ParseField()
    {
        var name = Current;
        if (name.Kind != TokenKind.Identifier || name.IsKeyword("and") || name.IsKeyword("or") || name.IsKeyword("in"))
            throw Error(START_OF_CONDITION);

        if (string.Equals(name.Text, SegmentField.LIFECYCLE, StringComparison.OrdinalIgnoreCase))
        {
            _next++;
            return new SegmentField(SegmentField.LIFECYCLE);
        }

        if (SegmentField.IsScalar(name.Text))
        {
            _next++;
            return new SegmentField(name.Text.ToLowerInvariant());
        }

        if (!string.Equals(name.Text, SegmentField.AFFINITY, StringComparison.OrdinalIgnoreCase))
            throw Error($"a field name ({string.Join(", ", KnownFields())})");

        _next++;
        Expect(TokenKind.Dot, "'.' after affinity (e.g. affinity.category[12])");
        var kind = Current;
        var named = kind.IsKeyword(SegmentField.ATTRIBUTE) || kind.IsKeyword(SegmentField.TAG);
        if (kind.Kind != TokenKind.Identifier || !(SegmentField.IsAffinityKind(kind.Text) || named))
            throw Error($"an affinity kind ({string.Join(", ", SegmentField.AffinityNames.Append(SegmentField.ATTRIBUTE))})");

        _next++;
        if (named && Current.Kind == TokenKind.OpenParen)
            return ParseNamedAffinity(kind.Text.ToLowerInvariant());
        if (kind.IsKeyword(SegmentField.ATTRIBUTE))
            throw Error("'(' and the attribute's and value's names, e.g. affinity.attribute(\"Material\", \"Wool\")");

        Expect(TokenKind.OpenBracket, $"'[' and an id after affinity.{kind.Text.ToLowerInvariant()}");
        var id = Current;
        if (id.Kind != TokenKind.Number || !int.TryParse(id.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            throw Error("a whole-number id");

        _next++;
        Expect(TokenKind.CloseBracket, "']'");
        return new SegmentField($"{SegmentField.AFFINITY}.{kind.Text.ToLowerInvariant()}", index);
    }

    /// <summary>affinity.attribute("Material", "Wool") or affinity.tag("wool"), after the kind.</summary>
    private SegmentField ParseNamedAffinity(string kind)
    {
        _next++;
        var isTag = kind == SegmentField.TAG;
        var first = ExpectText(isTag ? "the tag's name in quotes, e.g. affinity.tag(\"wool\")" : "the attribute's name in quotes, e.g. affinity.attribute(\"Material\", \"Wool\")");
        string attribute = null;
        var value = first;
        if (!isTag)
        {
            Expect(TokenKind.Comma, $"',' and the value's name after \"{first}\"");
            attribute = first;
            value = ExpectText("the value's name in quotes, e.g. \"Wool\"");
        }

        Expect(TokenKind.CloseParen, "')'");
        IReadOnlyList<(AffinityKind, int)> targets = isTag
            ? _vocabulary.Tag(value).Select(id => (AffinityKind.Tag, id)).ToArray()
            : _vocabulary.Attribute(attribute, value);
        return new SegmentField($"{SegmentField.AFFINITY}.{kind}") { AttributeName = attribute, ValueName = value, Targets = targets };
    }

    private string ExpectText(string expected)
    {
        var token = Current;
        if (token.Kind != TokenKind.Text || string.IsNullOrWhiteSpace(token.Text))
            throw Error(expected);

        _next++;
        return token.Text;
    }

    private double ParseValue(SegmentField field)
    {
        var token = Current;
        if (field.IsLifecycle)
        {
            if (token.Kind != TokenKind.Identifier || !SegmentField.TryStage(token.Text, out var stage))
                throw Error($"a lifecycle stage ({string.Join(", ", SegmentField.StageNames)})");

            _next++;
            return (double)stage;
        }

        if (token.Kind != TokenKind.Number || !double.TryParse(token.Text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error($"a number for {field}");
        if (field.Index == null && SegmentField.OutOfRange(field.Name, value) is { } meaning)
            throw Error($"{meaning} for {field}");

        _next++;
        return value;
    }

    private void Expect(TokenKind kind, string expected)
    {
        if (Current.Kind != kind)
            throw Error(expected);

        _next++;
    }

    private SegmentRuleException Error(string expected)
    {
        return new SegmentRuleException(new SegmentRuleError(Current.Position + 1, expected, Current.Describe()));
    }

    private static IEnumerable<string> KnownFields()
    {
        return new[] { SegmentField.LIFECYCLE }
            .Concat(SegmentField.ScalarNames)
            .Concat(SegmentField.AffinityNames.Select(kind => $"{SegmentField.AFFINITY}.{kind}[id]"))
            .Append($"{SegmentField.AFFINITY}.{SegmentField.ATTRIBUTE}(\"name\", \"value\")")
            .Append($"{SegmentField.AFFINITY}.{SegmentField.TAG}(\"name\")");
    }
}
