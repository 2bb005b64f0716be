using Microsoft.CodeAnalysis;

namespace SignatureCheck.Comparison;

/// <summary>Enum members carry numbers into the shop's database and switch statements: each surface member must exist with the real value.</summary>
public static class EnumRules
{
    /// <returns>How many members were compared.</returns>
    public static int Compare(INamedTypeSymbol surface, INamedTypeSymbol real, Findings findings)
    {
        findings.Compare(Rule.EnumUnderlyingType, surface, real, "underlying type differs",
            TypeText.Of(surface.EnumUnderlyingType), TypeText.Of(real.EnumUnderlyingType));

        var realMembers = real.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue)
            .ToDictionary(f => f.Name, StringComparer.Ordinal);
        var surfaceMembers = surface.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
        foreach (var member in surfaceMembers)
        {
            if (!realMembers.TryGetValue(member.Name, out var realMember))
            {
                findings.Add(Rule.MissingMember, member, real, "no such member in the real enum", member.Name,
                    string.Join(", ", realMembers.Values.Select(f => $"{f.Name} = {ConstantText.ValueKey(f.ConstantValue)}")));
                continue;
            }

            findings.Compare(Rule.EnumValue, member, realMember, "value differs",
                ConstantText.ValueKey(member.ConstantValue), ConstantText.ValueKey(realMember.ConstantValue));
        }

        return surfaceMembers.Count;
    }
}
