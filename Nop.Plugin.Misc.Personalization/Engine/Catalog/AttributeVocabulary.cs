using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Engine.Catalog;

/// <summary>
/// One name of an attribute value in one language: the attribute's name (null for a tag) and the value's.
/// </summary>
public readonly record struct AttributeTerm(AffinityKind Kind, int Id, string AttributeName, string ValueName);

/// <summary>
/// Finds attribute values (specification options, product attribute values) and tags by their names in any language,
/// so a rule written with English names matches the same ids as one written with German names. Names compare without
/// case and surrounding spaces.
/// </summary>
public sealed class AttributeVocabulary
{
    public static readonly AttributeVocabulary Empty = new([]);

    private readonly Dictionary<(string Attribute, string Value), (AffinityKind Kind, int Id)[]> _attributes;
    private readonly Dictionary<string, int[]> _tags;

    public AttributeVocabulary(IEnumerable<AttributeTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var attributes = new Dictionary<(string, string), HashSet<(AffinityKind, int)>>();
        var tags = new Dictionary<string, HashSet<int>>();
        foreach (var term in terms)
        {
            if (string.IsNullOrWhiteSpace(term.ValueName))
                continue;
            if (term.Kind == AffinityKind.Tag)
            {
                if (!tags.TryGetValue(Normalize(term.ValueName), out var ids))
                    tags[Normalize(term.ValueName)] = ids = [];
                ids.Add(term.Id);
            }
            else if (!string.IsNullOrWhiteSpace(term.AttributeName))
            {
                var key = (Normalize(term.AttributeName), Normalize(term.ValueName));
                if (!attributes.TryGetValue(key, out var targets))
                    attributes[key] = targets = [];
                targets.Add((term.Kind, term.Id));
            }
        }

        _attributes = attributes.ToDictionary(pair => pair.Key, pair => pair.Value.Order().ToArray());
        _tags = tags.ToDictionary(pair => pair.Key, pair => pair.Value.Order().ToArray());
    }

    /// <summary>Specification options and product attribute values named so in some language; empty when none.</summary>
    public IReadOnlyList<(AffinityKind Kind, int Id)> Attribute(string attributeName, string valueName)
    {
        if (string.IsNullOrWhiteSpace(attributeName) || string.IsNullOrWhiteSpace(valueName))
            return [];
        return _attributes.TryGetValue((Normalize(attributeName), Normalize(valueName)), out var targets) ? targets : [];
    }

    /// <summary>Tags named so in some language; empty when none.</summary>
    public IReadOnlyList<int> Tag(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return [];
        return _tags.TryGetValue(Normalize(name), out var ids) ? ids : [];
    }

    private static string Normalize(string name) => name.Trim().ToUpperInvariant();
}
