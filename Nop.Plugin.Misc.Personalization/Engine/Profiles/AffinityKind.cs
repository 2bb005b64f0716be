namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// What an affinity points at. The letter is its prefix in the compact text form ("c12:0.83").
/// </summary>
public enum AffinityKind : byte
{
    Category = (byte)'c',
    Manufacturer = (byte)'m',
    PriceBand = (byte)'p'
}
