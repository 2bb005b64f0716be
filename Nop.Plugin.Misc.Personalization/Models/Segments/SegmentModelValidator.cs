using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Segments;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;

namespace Nop.Plugin.Misc.Personalization.Models.Segments;

/// <summary>
/// Checks a segment form before anything is saved. Returns resource keys with arguments so messages stay localisable;
/// a rule that does not parse gets the parser's position, expectation and finding.
/// </summary>
public static class SegmentModelValidator
{
    /// <summary>The Name column's length (<see cref="Migrations.SchemaMigration"/>).</summary>
    public const int MAX_NAME_LENGTH = 200;

    /// <summary>A rule is a handful of conditions; the cap keeps a pasted accident out of every daily refresh.</summary>
    public const int MAX_RULE_LENGTH = 2000;

    public const string RULE_SYNTAX = "Plugins.Misc.Personalization.Segments.Validation.RuleSyntax";

    public sealed record Error(string Property, string ResourceKey, object[] Arguments);

    /// <param name="otherNames">The names of every other segment (the one being edited excluded).</param>
    public static IReadOnlyList<Error> Validate(SegmentModel model, IEnumerable<string> otherNames)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(otherNames);
        var errors = new List<Error>();

        var name = SegmentNames.Normalize(model.Name);
        if (name.Length == 0)
            errors.Add(new Error(nameof(model.Name), "Plugins.Misc.Personalization.Segments.Validation.NameRequired", []));
        else if (name.Length > MAX_NAME_LENGTH)
            errors.Add(new Error(nameof(model.Name), "Plugins.Misc.Personalization.Segments.Validation.NameLength", [MAX_NAME_LENGTH]));
        else if (otherNames.Any(other => SegmentNames.Same(other, name)))
            errors.Add(new Error(nameof(model.Name), "Plugins.Misc.Personalization.Segments.Validation.NameTaken", []));

        if (string.IsNullOrWhiteSpace(model.Rule))
            errors.Add(new Error(nameof(model.Rule), "Plugins.Misc.Personalization.Segments.Validation.RuleRequired", []));
        else if (model.Rule.Length > MAX_RULE_LENGTH)
            errors.Add(new Error(nameof(model.Rule), "Plugins.Misc.Personalization.Segments.Validation.RuleLength", [MAX_RULE_LENGTH]));
        else if (!SegmentRule.TryParse(model.Rule, out _, out var syntax))
            errors.Add(new Error(nameof(model.Rule), RULE_SYNTAX, [syntax.Position, syntax.Expected, syntax.Found]));

        if (model.DisplayOrder < 0)
            errors.Add(new Error(nameof(model.DisplayOrder), "Plugins.Misc.Personalization.Segments.Validation.DisplayOrder", []));

        return errors;
    }

    /// <summary>Whether a valid rule names attribute values or tags, so the shop's names are worth reading to check them.</summary>
    public static bool NamesAttributes(string rule) =>
        SegmentRule.TryParse(rule, out var parsed, out _) && parsed.Fields().Any(field => field.IsNamed);

    /// <summary>
    /// Checks that each attribute value and tag a valid rule names exists in some language of the shop: a name nothing
    /// carries (a typo, a deleted option) would make the condition 0 for every customer without a word.
    /// </summary>
    public static IReadOnlyList<Error> ValidateNames(string rule, AttributeVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (!SegmentRule.TryParse(rule, vocabulary, out var parsed, out _))
            return [];

        return parsed.Fields()
            .Where(field => field.IsNamed && field.Targets.Count == 0)
            .DistinctBy(field => field.ToString())
            .Select(field => field.AttributeName == null
                ? new Error(nameof(SegmentModel.Rule), "Plugins.Misc.Personalization.Segments.Validation.UnknownTag", [field.ValueName])
                : new Error(nameof(SegmentModel.Rule), "Plugins.Misc.Personalization.Segments.Validation.UnknownAttribute", [field.AttributeName, field.ValueName]))
            .ToList();
    }

    /// <summary>
    /// Checks the customer role to sync: none (0), or a role that exists, is safe to have its members rewritten daily
    /// and that no other segment syncs.
    /// </summary>
    /// <param name="roles">Every customer role with its safety (<see cref="SyncableRoles.GetRolesAsync"/>).</param>
    /// <param name="otherSegments">Every other segment (the one being edited excluded).</param>
    public static IReadOnlyList<Error> ValidateRole(int customerRoleId, IEnumerable<RoleChoice> roles, IEnumerable<PersonalizationSegment> otherSegments)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(otherSegments);
        if (customerRoleId is 0 or SegmentRoleLinker.CREATE_ROLE)
            return [];

        const string FIELD = nameof(SegmentModel.CustomerRoleId);
        var choice = roles.FirstOrDefault(role => role.Role.Id == customerRoleId);
        var error = choice?.Safety switch
        {
            null => new Error(FIELD, "Plugins.Misc.Personalization.Segments.Validation.RoleUnknown", [customerRoleId]),
            RoleSafety.SystemRole => new Error(FIELD, "Plugins.Misc.Personalization.Segments.Validation.RoleSystem", [choice.Role.Name]),
            RoleSafety.GrantsPermissions => new Error(FIELD, "Plugins.Misc.Personalization.Segments.Validation.RolePermissions", [choice.Role.Name]),
            RoleSafety.AssignedByPurchase => new Error(FIELD, "Plugins.Misc.Personalization.Segments.Validation.RolePurchase", [choice.Role.Name]),
            RoleSafety.Safe => null,
            _ => new Error(FIELD, "Plugins.Misc.Personalization.Segments.Validation.RoleUnknown", [customerRoleId])
        };
        if (error != null)
            return [error];

        var other = otherSegments.FirstOrDefault(segment => segment.CustomerRoleId == customerRoleId);
        return other == null ? [] : [new Error(FIELD, "Plugins.Misc.Personalization.Segments.Validation.RoleTaken", [choice.Role.Name, other.Name])];
    }

    /// <summary>
    /// The rule as it is stored: the parser's canonical text. Only for a rule <see cref="Validate"/> accepted.
    /// </summary>
    public static string CanonicalRule(string rule) => SegmentRule.Parse(rule).ToString();

    /// <summary>
    /// Where a non-empty rule stops parsing; null when it parses.
    /// </summary>
    public static int? ErrorPosition(string rule) =>
        !string.IsNullOrWhiteSpace(rule) && !SegmentRule.TryParse(rule, out _, out var error) ? error.Position : null;
}
