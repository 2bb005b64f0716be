using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SignatureCheck.Comparison;

/// <summary>Modifiers, accessibility and accessors written as C# keywords, so differences read like the fix.</summary>
public static class Modifiers
{
    public static string Accessibility(ISymbol symbol)
    {
        return symbol.DeclaredAccessibility switch
        {
            Microsoft.CodeAnalysis.Accessibility.Public => "public",
            Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
            Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
            Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
            Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
            Microsoft.CodeAnalysis.Accessibility.Private => "private",
            _ => "(none)"
        };
    }

    /// <summary>Whether a plugin can see the symbol: public, or protected inside a type it can derive from.</summary>
    public static bool IsVisible(ISymbol symbol)
    {
        if (symbol.ContainingType != null && !IsVisible(symbol.ContainingType))
        {
            return false;
        }

        return symbol.DeclaredAccessibility switch
        {
            Microsoft.CodeAnalysis.Accessibility.Public => true,
            Microsoft.CodeAnalysis.Accessibility.Protected or Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal =>
                symbol.ContainingType is { IsSealed: false, IsStatic: false },
            _ => false
        };
    }

    public static string OfType(INamedTypeSymbol type)
    {
        var words = new List<string>();
        var isClass = type.TypeKind == TypeKind.Class;
        Add(words, type.IsStatic, "static");
        Add(words, isClass && type.IsAbstract && !type.IsStatic, "abstract");
        Add(words, isClass && type.IsSealed && !type.IsStatic, "sealed");
        Add(words, type.TypeKind == TypeKind.Struct && type.IsReadOnly, "readonly");
        Add(words, type.IsRefLikeType, "ref");
        Add(words, IsPartial(type), "partial");
        return Text(words);
    }

    public static string OfMember(ISymbol member)
    {
        var words = new List<string>();
        var inInterface = member.ContainingType?.TypeKind == TypeKind.Interface;
        Add(words, member.IsStatic && member is not IFieldSymbol { IsConst: true }, "static");
        // Interface members are implicitly abstract; saying so would only add noise.
        Add(words, member.IsAbstract && !inInterface, "abstract");
        Add(words, member.IsVirtual, "virtual");
        Add(words, member.IsOverride, "override");
        Add(words, member.IsSealed && member.ContainingType?.TypeKind != TypeKind.Struct, "sealed");
        Add(words, member.IsExtern, "extern");
        switch (member)
        {
            case IFieldSymbol field:
                Add(words, field.IsConst, "const");
                Add(words, field.IsReadOnly, "readonly");
                Add(words, field.IsVolatile, "volatile");
                Add(words, field.IsRequired, "required");
                break;
            case IPropertySymbol property:
                Add(words, property.IsRequired, "required");
                break;
        }

        return Text(words);
    }

    /// <summary>"get; set;" with an accessor's accessibility when it differs from the property's.</summary>
    public static string Accessors(IPropertySymbol property)
    {
        string Accessor(IMethodSymbol accessor, string keyword)
        {
            return accessor.DeclaredAccessibility == property.DeclaredAccessibility
                ? keyword + ";"
                : Accessibility(accessor) + " " + keyword + ";";
        }

        var parts = new List<string>();
        if (property.GetMethod != null)
        {
            parts.Add(Accessor(property.GetMethod, "get"));
        }

        if (property.SetMethod != null)
        {
            parts.Add(Accessor(property.SetMethod, property.SetMethod.IsInitOnly ? "init" : "set"));
        }

        return string.Join(" ", parts);
    }

    public static string OfParameter(IParameterSymbol parameter)
    {
        var words = new List<string>();
        Add(words, parameter.IsThis, "this");
        Add(words, parameter.IsParams, "params");
        Add(words, parameter.ScopedKind != ScopedKind.None && parameter.RefKind == RefKind.None, "scoped");
        words.Add(parameter.RefKind switch
        {
            RefKind.Ref => "ref",
            RefKind.Out => "out",
            RefKind.In => "in",
            RefKind.RefReadOnlyParameter => "ref readonly",
            _ => string.Empty
        });
        return Text(words.Where(w => w.Length > 0).ToList());
    }

    public static string OfReturn(IMethodSymbol method)
    {
        return method.RefKind switch
        {
            RefKind.Ref => "ref",
            RefKind.RefReadOnly => "ref readonly",
            _ => "(none)"
        };
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        return type.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax())
            .OfType<MemberDeclarationSyntax>()
            .Any(declaration => declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
    }

    private static void Add(List<string> words, bool condition, string word)
    {
        if (condition)
        {
            words.Add(word);
        }
    }

    private static string Text(List<string> words)
    {
        return words.Count == 0 ? "(none)" : string.Join(" ", words);
    }
}
