namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// What a genuine tracking token says: which e-mail, sent to whom from which store, opened or clicked towards what.
/// </summary>
/// <param name="EmailId">The id of the e-mail's send record.</param>
/// <param name="CustomerId">The recipient; 0 for a newsletter subscriber without an account.</param>
/// <param name="TargetId">The product id of a product link; 0 otherwise.</param>
public sealed record EmailTrackingSubject(EmailKind Kind, int EmailId, int CustomerId, int StoreId, EmailTarget Target, int TargetId);
