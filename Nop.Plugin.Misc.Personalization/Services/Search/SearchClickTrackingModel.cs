namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Model of Views/Search/SearchClickTracking.cshtml: the signed query of one search page and where its clicks go.
/// </summary>
/// <param name="EndpointUrl">The beacon endpoint, with the working language's prefix when SEO-friendly language URLs are on.</param>
public sealed record SearchClickTrackingModel(string Token, string EndpointUrl);
