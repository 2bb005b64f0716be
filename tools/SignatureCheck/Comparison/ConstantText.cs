using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SignatureCheck.Comparison;

/// <summary>
/// Default values and constants compared as values (0 == 0x0, int.MaxValue == 2147483647, enum members by value).
/// Where the type is unresolved (a third-party enum on the real side) the value cannot be computed, so the
/// written expression is compared instead, down to its last two names (Ns.Enum.Member == Enum.Member).
/// </summary>
public sealed record ConstantText(string Key, string Display)
{
    public static readonly ConstantText None = new("(none)", "(none)");

    /// <summary>Compares two default values: as values when both are known, else as written.</summary>
    public static bool SameDefault(IParameterSymbol surface, IParameterSymbol real, out ConstantText surfaceText, out ConstantText realText)
    {
        var asWritten = !IsKnown(surface) || !IsKnown(real);
        surfaceText = OfDefault(surface, asWritten);
        realText = OfDefault(real, asWritten);
        return surfaceText.Key == realText.Key;
    }

    private static ConstantText OfDefault(IParameterSymbol parameter, bool asWritten)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return None;
        }

        return asWritten ? Written(WrittenDefault(parameter) ?? "?") : Of(parameter.Type, parameter.ExplicitDefaultValue);
    }

    // Unresolved types, or a value Roslyn could not compute (it then reports null) for something not written as null/default.
    private static bool IsKnown(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return true;
        }

        if (TypeText.Of(parameter.Type).HasUnresolved)
        {
            return false;
        }

        var written = WrittenDefault(parameter);
        return parameter.ExplicitDefaultValue != null || written == null
            || written == "null" || written.StartsWith("default", StringComparison.Ordinal);
    }

    private static string WrittenDefault(IParameterSymbol parameter)
    {
        return parameter.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax())
            .OfType<ParameterSyntax>()
            .Select(syntax => syntax.Default?.Value.ToString())
            .FirstOrDefault();
    }

    public static ConstantText OfField(IFieldSymbol field)
    {
        return field.HasConstantValue ? Of(field.Type, field.ConstantValue) : None;
    }

    public static ConstantText Of(ITypeSymbol type, object value)
    {
        if (value == null)
        {
            var display = type is { IsValueType: true } && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
                ? "default"
                : "null";
            return new ConstantText("null", display);
        }

        var key = ValueKey(value);
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            var member = enumType.GetMembers().OfType<IFieldSymbol>()
                .FirstOrDefault(f => f.HasConstantValue && ValueKey(f.ConstantValue) == key);
            return new ConstantText(key, member != null ? $"{enumType.Name}.{member.Name} ({key})" : $"({enumType.Name}){key}");
        }

        return value switch
        {
            string text => new ConstantText("\"" + text + "\"", "\"" + text + "\""),
            char character => new ConstantText("'" + character + "'", "'" + character + "'"),
            bool flag => new ConstantText(flag ? "true" : "false", flag ? "true" : "false"),
            _ => new ConstantText(key, key)
        };
    }

    public static string ValueKey(object value)
    {
        return value switch
        {
            null => "null",
            float single => single.ToString("R", CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            IConvertible convertible when value is not string and not char and not bool =>
                convertible.ToDecimal(CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)
        };
    }

    private static ConstantText Written(string expression)
    {
        var compact = Regex.Replace(expression, @"\s+", string.Empty);
        var names = compact.Split('.');
        var key = Regex.IsMatch(compact, @"^[\w.]+$") && names.Length > 2 ? string.Join(".", names[^2..]) : compact;
        return new ConstantText("written:" + key, compact);
    }
}
