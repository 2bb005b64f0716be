using Nop.Core.Configuration;

namespace Nop.Core.Domain.Gdpr;

public partial class GdprSettings : ISettings
{
    public bool GdprEnabled { get; set; }

    public bool LogPrivacyPolicyConsent { get; set; }

    public bool LogNewsletterConsent { get; set; }

    public bool LogUserProfileChanges { get; set; }

    public int DeleteInactiveCustomersAfterMonths { get; set; }
}
