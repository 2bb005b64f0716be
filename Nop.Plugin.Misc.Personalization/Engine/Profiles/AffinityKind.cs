namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// What an affinity points at: a category, manufacturer or price band, or an attribute (specification option, tag,
/// product attribute value) by its nopCommerce id. The letter is its prefix in the compact text form ("c12:0.83").
/// </summary>
public enum AffinityKind : byte
{
    Category = (byte)'c',
    Manufacturer = (byte)'m',
    PriceBand = (byte)'p',
    SpecificationOption = (byte)'s',
    Tag = (byte)'t',
    AttributeValue = (byte)'v'
}
