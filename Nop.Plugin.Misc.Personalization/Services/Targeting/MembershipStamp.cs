namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

/// <summary>
/// The newest profile row: its id and when it was computed. Any stored refresh changes it (see
/// <see cref="SegmentMembershipReader.ReadStampAsync"/>); <see cref="None"/> when no profile is stored.
/// </summary>
public readonly record struct MembershipStamp(int NewestProfileId, DateTime ComputedOnUtc)
{
    public static MembershipStamp None => default;
}
