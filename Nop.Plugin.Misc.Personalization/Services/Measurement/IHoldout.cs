using Nop.Core.Domain.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Which customers see no personalised widget, so the lift of the others can be measured.
/// </summary>
public interface IHoldout
{
    /// <summary>
    /// Whether the customer is in the holdout group of the current store's settings. Held-out customers are still
    /// captured like everyone else; only the widgets stay empty for them.
    /// </summary>
    /// <returns>A task whose result is true when the customer must not see personalised widgets.</returns>
    Task<bool> IsHeldOutAsync(Customer customer);
}
