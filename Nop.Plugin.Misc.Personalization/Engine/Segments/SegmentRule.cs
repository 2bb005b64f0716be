using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Engine.Segments;

/// <summary>
/// A parsed segment rule: a pure predicate over a profile. <see cref="ToString"/> gives the canonical text.
/// </summary>
public abstract class SegmentRule
{
    public abstract bool Matches(CustomerProfile profile);

    /// <summary>Every field the rule compares, in the order written.</summary>
    public abstract IEnumerable<SegmentField> Fields();

    /// <exception cref="SegmentRuleException">The text is not a valid rule; the message says where and what was expected.</exception>
    /// <param name="vocabulary">
    /// The shop's attribute and tag names in every language, so <c>affinity.attribute("Material", "Wool")</c> finds its
    /// ids; without it such a field has no ids and is 0 for everyone (fine for checking the syntax only).
    /// </param>
    public static SegmentRule Parse(string text, AttributeVocabulary vocabulary = null)
    {
        return new RuleParser(text ?? string.Empty, vocabulary).ParseRule();
    }

    public static bool TryParse(string text, out SegmentRule rule, out SegmentRuleError error) => TryParse(text, null, out rule, out error);

    public static bool TryParse(string text, AttributeVocabulary vocabulary, out SegmentRule rule, out SegmentRuleError error)
    {
        try
        {
            rule = Parse(text, vocabulary);
            error = null;
            return true;
        }
        catch (SegmentRuleException exception)
        {
            rule = null;
            error = exception.Error;
            return false;
        }
    }

    internal abstract int Precedence { get; }

    internal string Wrap(SegmentRule child)
    {
        return child.Precedence < Precedence ? $"({child})" : child.ToString();
    }

    internal static string FormatValue(SegmentField field, double value)
    {
        return field.IsLifecycle ? SegmentField.StageName((LifecycleStage)(byte)value) : value.ToString("R", CultureInfo.InvariantCulture);
    }
}

public sealed class OrRule : SegmentRule
{
    public OrRule(SegmentRule left, SegmentRule right)
    {
        Left = left;
        Right = right;
    }

    public SegmentRule Left { get; }

    public SegmentRule Right { get; }

    internal override int Precedence => 1;

    public override bool Matches(CustomerProfile profile)
    {
        return Left.Matches(profile) || Right.Matches(profile);
    }

    public override IEnumerable<SegmentField> Fields() => Left.Fields().Concat(Right.Fields());

    public override string ToString()
    {
        return $"{Wrap(Left)} or {Wrap(Right)}";
    }
}

public sealed class AndRule : SegmentRule
{
    public AndRule(SegmentRule left, SegmentRule right)
    {
        Left = left;
        Right = right;
    }

    public SegmentRule Left { get; }

    public SegmentRule Right { get; }

    internal override int Precedence => 2;

    public override bool Matches(CustomerProfile profile)
    {
        return Left.Matches(profile) && Right.Matches(profile);
    }

    public override IEnumerable<SegmentField> Fields() => Left.Fields().Concat(Right.Fields());

    public override string ToString()
    {
        return $"{Wrap(Left)} and {Wrap(Right)}";
    }
}

public sealed class NotRule : SegmentRule
{
    public NotRule(SegmentRule inner)
    {
        Inner = inner;
    }

    public SegmentRule Inner { get; }

    internal override int Precedence => 3;

    public override bool Matches(CustomerProfile profile)
    {
        return !Inner.Matches(profile);
    }

    public override IEnumerable<SegmentField> Fields() => Inner.Fields();

    public override string ToString()
    {
        return Inner is NotRule or OrRule or AndRule ? $"not ({Inner})" : $"not {Inner}";
    }
}

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual
}

public sealed class ComparisonRule : SegmentRule
{
    public ComparisonRule(SegmentField field, ComparisonOperator op, double value)
    {
        Field = field;
        Operator = op;
        Value = value;
    }

    public SegmentField Field { get; }

    public ComparisonOperator Operator { get; }

    public double Value { get; }

    internal override int Precedence => 4;

    public override IEnumerable<SegmentField> Fields() => [Field];

    public override bool Matches(CustomerProfile profile)
    {
        var actual = Field.ValueOf(profile);
        if (actual == null)
            return false;

        return Operator switch
        {
            ComparisonOperator.Equal => actual.Value == Value,
            ComparisonOperator.NotEqual => actual.Value != Value,
            ComparisonOperator.Less => actual.Value < Value,
            ComparisonOperator.LessOrEqual => actual.Value <= Value,
            ComparisonOperator.Greater => actual.Value > Value,
            _ => actual.Value >= Value
        };
    }

    public override string ToString()
    {
        var op = Operator switch
        {
            ComparisonOperator.Equal => "=",
            ComparisonOperator.NotEqual => "!=",
            ComparisonOperator.Less => "<",
            ComparisonOperator.LessOrEqual => "<=",
            ComparisonOperator.Greater => ">",
            _ => ">="
        };
        return $"{Field} {op} {FormatValue(Field, Value)}";
    }
}

public sealed class InRule : SegmentRule
{
    public InRule(SegmentField field, IReadOnlyList<double> values)
    {
        Field = field;
        Values = values;
    }

    public SegmentField Field { get; }

    public IReadOnlyList<double> Values { get; }

    internal override int Precedence => 4;

    public override IEnumerable<SegmentField> Fields() => [Field];

    public override bool Matches(CustomerProfile profile)
    {
        var actual = Field.ValueOf(profile);
        return actual != null && Values.Contains(actual.Value);
    }

    public override string ToString()
    {
        return $"{Field} in ({string.Join(", ", Values.Select(value => FormatValue(Field, value)))})";
    }
}
