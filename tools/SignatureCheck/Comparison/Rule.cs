namespace SignatureCheck.Comparison;

/// <summary>What kind of difference a mismatch is; tests and summaries group by it.</summary>
public enum Rule
{
    MissingType,
    Namespace,
    Assembly,
    Kind,
    Modifiers,
    Accessibility,
    BaseType,
    Interfaces,
    GenericParameters,
    GenericConstraints,
    MissingMember,
    DeclaredOnBaseType,
    ReturnType,
    ParameterName,
    ParameterType,
    ParameterModifier,
    DefaultValue,
    Accessors,
    ConstantValue,
    EnumValue,
    EnumUnderlyingType,
    MissingInterfaceMember,
    MissingAbstractMember,
    SettingsConstructor
}
