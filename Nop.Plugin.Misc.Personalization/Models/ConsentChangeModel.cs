namespace Nop.Plugin.Misc.Personalization.Models;

/// <summary>
/// What a stricter consent mode would remove, shown for the owner to confirm.
/// </summary>
public record ConsentChangeModel(int Events, int Profiles, int Predictions);
