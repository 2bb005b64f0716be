namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Model of Views/Shared/_PersonalizationTracking.cshtml: what the click script of one rendered placement needs.
/// </summary>
/// <param name="Token">Signed list of the products this render showed to this customer.</param>
/// <param name="EndpointUrl">The click endpoint, with the working language's prefix when SEO-friendly language URLs are on.</param>
public sealed record ClickTrackingModel(int PlacementId, string Token, string EndpointUrl);
