namespace Nop.Plugin.Misc.Personalization.Models.Widgets;

/// <summary>
/// The room a placement loaded after the page gets in it: the signed token its request sends, where to send it, and
/// the height kept free meanwhile.
/// </summary>
public sealed record AfterPageSlotModel(string Token, string EndpointUrl, int ReservedHeight);
