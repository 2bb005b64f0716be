namespace Nop.Core.Domain.Gdpr;

public partial class GdprLog : BaseEntity
{
    public int CustomerId { get; set; }

    public int ConsentId { get; set; }

    public string CustomerInfo { get; set; }

    public int RequestTypeId { get; set; }

    public string RequestDetails { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public GdprRequestType RequestType
    {
        get => (GdprRequestType)RequestTypeId;
        set => RequestTypeId = (int)value;
    }
}
