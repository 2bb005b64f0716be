namespace Nop.Web.Framework.Models.ArtificialIntelligence;

public partial interface IMetaTagsSupportedModel
{
    public string MetaKeywords { get; set; }

    public string MetaDescription { get; set; }

    public string MetaTitle { get; set; }
}
