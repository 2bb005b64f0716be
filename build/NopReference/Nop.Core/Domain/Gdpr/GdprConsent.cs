using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Gdpr;

public partial class GdprConsent : BaseEntity, ILocalizedEntity
{
    public string Message { get; set; }

    public bool IsRequired { get; set; }

    public string RequiredMessage { get; set; }

    public bool DisplayDuringRegistration { get; set; }

    public bool DisplayOnCustomerInfoPage { get; set; }

    public int DisplayOrder { get; set; }
}
