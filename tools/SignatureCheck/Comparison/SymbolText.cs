using Microsoft.CodeAnalysis;

namespace SignatureCheck.Comparison;

/// <summary>How symbols are named in the report.</summary>
public static class SymbolText
{
    // C#-like declaration, as a reader would type it into the surface.
    private static readonly SymbolDisplayFormat _declaration = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints
            | SymbolDisplayGenericsOptions.IncludeVariance,
        memberOptions: SymbolDisplayMemberOptions.IncludeModifiers | SymbolDisplayMemberOptions.IncludeType
            | SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeAccessibility
            | SymbolDisplayMemberOptions.IncludeRef | SymbolDisplayMemberOptions.IncludeConstantValue,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
            | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut
            | SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    public static string Kind(ISymbol symbol)
    {
        return symbol switch
        {
            INamedTypeSymbol { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            INamedTypeSymbol { IsRecord: true } => "record",
            INamedTypeSymbol type => type.TypeKind.ToString().ToLowerInvariant(),
            IMethodSymbol { MethodKind: MethodKind.Constructor } => "constructor",
            IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } => "operator",
            IMethodSymbol { MethodKind: MethodKind.Conversion } => "conversion operator",
            IMethodSymbol => "method",
            IPropertySymbol { IsIndexer: true } => "indexer",
            IPropertySymbol => "property",
            IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } => "enum member",
            IFieldSymbol { IsConst: true } => "const",
            IFieldSymbol => "field",
            IEventSymbol => "event",
            _ => symbol.Kind.ToString().ToLowerInvariant()
        };
    }

    /// <summary>Qualified name; members carry their parameter types so overloads stay apart.</summary>
    public static string Name(ISymbol symbol)
    {
        if (symbol is INamedTypeSymbol type)
        {
            return QualifiedTypeName(type);
        }

        var owner = QualifiedTypeName(symbol.ContainingType);
        var parameters = symbol switch
        {
            IMethodSymbol method => method.Parameters,
            IPropertySymbol { IsIndexer: true } indexer => indexer.Parameters,
            _ => default
        };
        var name = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? symbol.ContainingType.Name : symbol.Name;
        if (symbol is IMethodSymbol { TypeParameters.Length: > 0 } generic)
        {
            name += "<" + string.Join(", ", generic.TypeParameters.Select(t => t.Name)) + ">";
        }

        if (parameters.IsDefault)
        {
            return owner + "." + name;
        }

        var types = string.Join(", ", parameters.Select(p => TypeText.Of(p.Type).Simple));
        return symbol is IPropertySymbol ? $"{owner}.this[{types}]" : $"{owner}.{name}({types})";
    }

    public static string Declaration(ISymbol symbol)
    {
        return symbol.ToDisplayString(_declaration);
    }

    public static (string File, int Line) Location(ISymbol symbol)
    {
        var location = symbol.Locations.FirstOrDefault(l => l.IsInSource)
            ?? symbol.ContainingType?.Locations.FirstOrDefault(l => l.IsInSource);
        if (location == null)
        {
            return (string.Empty, 0);
        }

        var span = location.GetLineSpan();
        return (span.Path, span.StartLinePosition.Line + 1);
    }

    private static string QualifiedTypeName(INamedTypeSymbol type)
    {
        var name = type.Name + (type.TypeParameters.Length > 0 ? "<" + string.Join(", ", type.TypeParameters.Select(t => t.Name)) + ">" : string.Empty);
        if (type.ContainingType != null)
        {
            return QualifiedTypeName(type.ContainingType) + "." + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }
}
