using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Engagement;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Engine.Segments;

/// <summary>
/// A profile value a rule can test. Lifecycle is compared by stage name; everything else is a number.
/// A field without a value (days_since_last_order of a customer who never ordered) makes every comparison false.
/// </summary>
public sealed record SegmentField(string Name, int? Index = null)
{
    public const string LIFECYCLE = "lifecycle";
    public const string AFFINITY = "affinity";
    public const string EMAIL_SENDS = "email_sends_90d";
    public const string EMAIL_OPENS = "email_opens_90d";
    public const string EMAIL_CLICKS = "email_clicks_90d";
    public const string EMAIL_CLICK_RATE = "email_click_rate";
    public const string ATTRIBUTE = "attribute";
    public const string TAG = "tag";

    private static readonly Dictionary<string, Func<CustomerProfile, double?>> _scalars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["recency"] = profile => profile.Recency,
        ["frequency"] = profile => profile.Frequency,
        ["monetary"] = profile => profile.Monetary,
        ["orders"] = profile => profile.Orders,
        ["days_since_last_order"] = profile => profile.DaysSinceLastOrder,
        ["median_gap_days"] = profile => profile.MedianGapDays,
        ["total_spent"] = profile => (double)profile.TotalSpent,
        ["average_order_value"] = profile => profile.Orders == 0 ? null : (double)profile.AverageOrderValue,
        ["p_alive"] = profile => profile.ProbabilityAlive,
        ["expected_purchases_90d"] = profile => profile.ExpectedPurchases,
        [EMAIL_SENDS] = profile => profile.Email?.Sent ?? 0,
        [EMAIL_OPENS] = profile => profile.Email?.Opened ?? 0,
        [EMAIL_CLICKS] = profile => profile.Email?.Clicked ?? 0,
        [EMAIL_CLICK_RATE] = profile => profile.Email?.ClickRate,
        ["days_since_email_open"] = profile => EmailEngagementSummary.DaysSince(profile.Email?.LastOpenUtc, profile.ComputedOnUtc),
        ["days_since_email_click"] = profile => EmailEngagementSummary.DaysSince(profile.Email?.LastClickUtc, profile.ComputedOnUtc)
    };

    //values a rule may compare these fields with; anything outside can never match and is most likely a typo (20 for 20%)
    private static readonly Dictionary<string, (double Min, double Max, string Meaning)> _ranges = new(StringComparer.OrdinalIgnoreCase)
    {
        [EMAIL_SENDS] = (0, double.MaxValue, "a count of e-mails, 0 or more"),
        [EMAIL_OPENS] = (0, double.MaxValue, "a count of e-mails, 0 or more"),
        [EMAIL_CLICKS] = (0, double.MaxValue, "a count of e-mails, 0 or more"),
        [EMAIL_CLICK_RATE] = (0, 1, "a share from 0 to 1 (0.2 = 20%)")
    };

    private static readonly Dictionary<string, AffinityKind> _affinities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["category"] = AffinityKind.Category,
        ["manufacturer"] = AffinityKind.Manufacturer,
        ["price_band"] = AffinityKind.PriceBand,
        ["specification"] = AffinityKind.SpecificationOption,
        [TAG] = AffinityKind.Tag,
        ["attribute_value"] = AffinityKind.AttributeValue
    };

    private static readonly Dictionary<string, LifecycleStage> _stages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = LifecycleStage.None,
        ["new"] = LifecycleStage.New,
        ["active"] = LifecycleStage.Active,
        ["at_risk"] = LifecycleStage.AtRisk,
        ["lapsed"] = LifecycleStage.Lapsed
    };

    /// <summary>
    /// For <c>affinity.attribute("Material", "Wool")</c> the attribute's name, for <c>affinity.tag("wool")</c> null.
    /// </summary>
    public string AttributeName { get; init; }

    /// <summary>The value's (or tag's) name of a field written with names; null for every other field.</summary>
    public string ValueName { get; init; }

    /// <summary>
    /// The ids the names stand for in some language, found when the rule was read with the shop's attribute names;
    /// the field's value is the strongest of their affinities (0 when none, or when read without names).
    /// </summary>
    public IReadOnlyList<(AffinityKind Kind, int Id)> Targets { get; init; } = [];

    public bool IsNamed => ValueName != null;

    public static IReadOnlyCollection<string> ScalarNames => _scalars.Keys;

    public static IReadOnlyCollection<string> AffinityNames => _affinities.Keys;

    public static IReadOnlyCollection<string> StageNames => _stages.Keys;

    public bool IsLifecycle => string.Equals(Name, LIFECYCLE, StringComparison.OrdinalIgnoreCase);

    internal static bool IsScalar(string name)
    {
        return _scalars.ContainsKey(name);
    }

    /// <returns>What values of the field mean, when <paramref name="value"/> lies outside them; null when it is a possible value.</returns>
    internal static string OutOfRange(string name, double value)
    {
        return _ranges.TryGetValue(name, out var range) && (value < range.Min || value > range.Max) ? range.Meaning : null;
    }

    internal static bool IsAffinityKind(string name)
    {
        return _affinities.ContainsKey(name);
    }

    internal static bool TryStage(string name, out LifecycleStage stage)
    {
        return _stages.TryGetValue(name, out stage);
    }

    internal static string StageName(LifecycleStage stage)
    {
        return _stages.First(pair => pair.Value == stage).Key;
    }

    public double? ValueOf(CustomerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);

        if (IsLifecycle)
            return (double)profile.Lifecycle;
        if (IsNamed)
            return Targets.Count == 0 ? 0 : Targets.Max(target => profile.AffinityTo(target.Kind, target.Id));
        if (Index != null)
        {
            var kind = _affinities[Name[(AFFINITY.Length + 1)..]];
            return profile.AffinityTo(kind, Index.Value);
        }

        return _scalars[Name](profile);
    }

    public override string ToString()
    {
        if (IsNamed)
            return AttributeName == null ? $"{Name}({Quote(ValueName)})" : $"{Name}({Quote(AttributeName)}, {Quote(ValueName)})";
        return Index == null ? Name : $"{Name}[{Index.Value.ToString(CultureInfo.InvariantCulture)}]";
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
