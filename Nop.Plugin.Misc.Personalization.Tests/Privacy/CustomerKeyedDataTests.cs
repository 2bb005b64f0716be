using Moq;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Privacy;

namespace Nop.Plugin.Misc.Personalization.Tests.Privacy;

/// <summary>
/// Keeps erasure complete: a new entity with a customer id, or a new customer attribute, must be placed in
/// <see cref="CustomerKeyedData"/>, and the eraser covers exactly its list.
/// </summary>
[TestFixture]
public class CustomerKeyedDataTests
{
    [Test]
    public void EveryEntityWithACustomerIdIsErasedOrKeptOnPurpose()
    {
        var customerKeyed = PersonalizationTables.ByEntity.Keys
            .Where(entity => entity.GetProperty(nameof(PersonalizationEvent.CustomerId)) != null);

        CustomerKeyedData.Erased.Concat(CustomerKeyedData.Kept).Should().BeEquivalentTo(customerKeyed);
        CustomerKeyedData.Erased.Should().NotIntersectWith(CustomerKeyedData.Kept);
    }

    [Test]
    public void TheEraserAndTheSweepCoverExactlyTheErasedEntities()
    {
        var tables = new CustomerKeyedTables(Mock.Of<IRepository<PersonalizationEvent>>(), Mock.Of<IRepository<PersonalizationProfile>>(),
            Mock.Of<IRepository<PersonalizationPrediction>>(), Mock.Of<IRepository<PersonalizationRoleMapping>>(), Mock.Of<IRepository<Customer>>(),
            Mock.Of<IRepository<PersonalizationCartReminder>>(), Mock.Of<IRepository<PersonalizationEmailSend>>());

        tables.All.Select(table => table.Entity).Should().BeEquivalentTo(CustomerKeyedData.Erased);
    }

    [Test]
    public void EveryCustomerAttributeThePluginDeclaresIsErasedOrAChoiceKeptOnPurpose()
    {
        var assembly = typeof(PersonalizationEvent).Assembly;
        var constants = assembly.GetTypes()
            .SelectMany(type => type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static))
            .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string) && field.Name.EndsWith("_ATTRIBUTE", StringComparison.Ordinal))
            .Select(field => (string)field.GetRawConstantValue());
        var properties = assembly.GetTypes()
            .SelectMany(type => type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static))
            .Where(property => property.PropertyType == typeof(string) && property.Name.EndsWith("Attribute", StringComparison.Ordinal))
            .Select(property => (string)property.GetValue(null));
        var declared = constants.Concat(properties)
            .Where(key => key.StartsWith("Personalization.", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        declared.Should().HaveCountGreaterThan(1, "the reminder mark and the reminder opt-out at least");
        CustomerKeyedData.CustomerAttributes.Concat(CustomerKeyedData.CustomerChoices).Should().BeEquivalentTo(declared);
        CustomerKeyedData.CustomerAttributes.Should().NotIntersectWith(CustomerKeyedData.CustomerChoices);
    }
}
