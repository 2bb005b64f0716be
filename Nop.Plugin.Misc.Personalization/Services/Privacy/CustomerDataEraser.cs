using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Services.Common;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Erases everything the plugin holds on one customer: their rows in every customer-keyed table (in batches, so a
/// long history never holds one long transaction), the customer attributes the plugin writes, and this node's
/// in-memory copies. An erasure log row tells the other nodes to forget the customer too, and lets the daily sweep
/// delete events of theirs a node's queue writes later.
/// </summary>
public class CustomerDataEraser
{
    private readonly CustomerForgetting _forgetting;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly ErasureOptions _options;
    private readonly RoleMappingLedger _roleMappings;
    private readonly IReadOnlyList<CustomerRows> _tables;

    public CustomerDataEraser(CustomerForgetting forgetting,
        IGenericAttributeService genericAttributeService,
        ErasureOptions options,
        RoleMappingLedger roleMappings,
        CustomerKeyedTables tables)
    {
        _forgetting = forgetting;
        _genericAttributeService = genericAttributeService;
        _options = options;
        _roleMappings = roleMappings;
        _tables = tables.All;
    }

    public async Task<ErasureCounts> EraseAsync(int customerId, CancellationToken cancellationToken = default)
    {
        if (customerId <= 0)
            return ErasureCounts.None;

        //forgotten first: a failure half-way still makes every node forget, and the sweep finishes deleted customers
        await _forgetting.ForgetAsync([customerId]);

        //before the ledger rows go: they say which of the customer's roles the sync added
        var roleMappings = await _roleMappings.RemoveCustomerAsync(customerId);

        var deleted = new Dictionary<Type, int>();
        foreach (var table in _tables)
            deleted[table.Entity] = await table.DeleteAsync([customerId], _options.BatchSize, cancellationToken);

        var attributes = (await _genericAttributeService.GetAttributesForEntityAsync(customerId, nameof(Customer)))
            .Where(attribute => CustomerKeyedData.CustomerAttributes.Contains(attribute.Key, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (attributes.Count > 0)
            await _genericAttributeService.DeleteAttributesAsync(attributes);

        return CustomerKeyedTables.Count(deleted) with { Attributes = attributes.Count, RoleMappings = roleMappings };
    }
}
