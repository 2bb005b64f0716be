namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>Rows deleted by one erasure or sweep.</summary>
public sealed record ErasureCounts(int Events, int Profiles, int Predictions, int Attributes, int RoleMappings = 0)
{
    public static ErasureCounts None { get; } = new(0, 0, 0, 0);

    public int Total => Events + Profiles + Predictions + Attributes + RoleMappings;
}
