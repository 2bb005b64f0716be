using Microsoft.CodeAnalysis;

namespace SignatureCheck.Comparison;

/// <summary>
/// A type (or a list of types) written two ways: fully qualified where Roslyn resolved it, and by simple names only.
/// Third-party types (FluentMigrator, linq2db, ...) are unresolved on the real side, so when either side holds an
/// unresolved type the simple-name form is compared instead; both sides go through the same normalisation.
/// </summary>
public sealed record TypeText(string Qualified, string Simple, bool HasUnresolved)
{
    public static readonly TypeText Empty = new(string.Empty, string.Empty, false);

    /// <param name="methodTypeParametersByPosition">Writes a method's type parameters as !!0, !!1, ... so that
    /// M&lt;T&gt;(T) and M&lt;TEntity&gt;(TEntity) pair up when matching overloads.</param>
    public static TypeText Of(ITypeSymbol type, bool methodTypeParametersByPosition = false)
    {
        if (type == null)
        {
            return Empty;
        }

        var writer = new Writer(methodTypeParametersByPosition);
        return new TypeText(writer.Write(type, qualified: true), writer.Write(type, qualified: false), ContainsUnresolved(type));
    }

    public static TypeText Join(string separator, IEnumerable<TypeText> parts)
    {
        var list = parts.ToList();
        return new TypeText(
            string.Join(separator, list.Select(p => p.Qualified)),
            string.Join(separator, list.Select(p => p.Simple)),
            list.Any(p => p.HasUnresolved));
    }

    public bool Matches(TypeText other)
    {
        return Qualified == other.Qualified || ((HasUnresolved || other.HasUnresolved) && Simple == other.Simple);
    }

    public override string ToString()
    {
        return Qualified;
    }

    private static bool ContainsUnresolved(ITypeSymbol type)
    {
        return type switch
        {
            IErrorTypeSymbol => true,
            IArrayTypeSymbol array => ContainsUnresolved(array.ElementType),
            IPointerTypeSymbol pointer => ContainsUnresolved(pointer.PointedAtType),
            INamedTypeSymbol named => named.TypeArguments.Any(ContainsUnresolved)
                || (named.ContainingType != null && ContainsUnresolved(named.ContainingType)),
            _ => false
        };
    }

    private sealed class Writer(bool methodTypeParametersByPosition)
    {
        public string Write(ITypeSymbol type, bool qualified)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return Write(array.ElementType, qualified) + "[" + new string(',', array.Rank - 1) + "]";
                case IPointerTypeSymbol pointer:
                    return Write(pointer.PointedAtType, qualified) + "*";
                case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } parameter when methodTypeParametersByPosition:
                    return "!!" + parameter.Ordinal;
                case ITypeParameterSymbol parameter:
                    return parameter.Name;
                case IDynamicTypeSymbol:
                    return "dynamic";
                case INamedTypeSymbol named:
                    return WriteNamed(named, qualified);
                default:
                    return type.ToDisplayString();
            }
        }

        public string WriteNamed(INamedTypeSymbol named, bool qualified)
        {
            if (named.IsTupleType && named.TupleElements.Length > 0)
            {
                var elements = named.TupleElements.Select(e =>
                    Write(e.Type, qualified) + (e.IsExplicitlyNamedTupleElement ? " " + e.Name : string.Empty));
                return "(" + string.Join(", ", elements) + ")";
            }

            // int, string, object ... as keywords; other special types (IDisposable, DateTime) keep their namespace.
            if (named.SpecialType != SpecialType.None && named.TypeArguments.Length == 0)
            {
                var keyword = named.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                if (keyword != named.Name)
                {
                    return keyword;
                }
            }

            if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return Write(named.TypeArguments[0], qualified) + "?";
            }

            var name = named.Name;
            if (qualified && named.TypeKind != TypeKind.Error)
            {
                name = named.ContainingType != null
                    ? WriteNamed(named.ContainingType, qualified) + "." + name
                    : named.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
            }

            return named.TypeArguments.Length == 0
                ? name
                : name + "<" + string.Join(", ", named.TypeArguments.Select(t => Write(t, qualified))) + ">";
        }
    }
}
