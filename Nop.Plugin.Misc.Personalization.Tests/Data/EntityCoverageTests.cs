using Nop.Core;
using Nop.Plugin.Misc.Personalization.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Tests.Data;

/// <summary>
/// Keeps the database tests complete: a new entity needs a table name and a repository test case.
/// </summary>
[TestFixture]
public class EntityCoverageTests
{
    [Test]
    public void EveryPluginEntityHasATableName()
    {
        var entities = typeof(PersonalizationEvent).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(BaseEntity).IsAssignableFrom(type));

        PersonalizationTables.ByEntity.Keys.Should().BeEquivalentTo(entities);
    }

    [Test]
    public void EveryPluginEntityHasARepositoryTestCase()
    {
        var covered = RepositoryCrudFixtures.All.Select(fixture => (Type)fixture.Arguments[0]).Distinct();

        covered.Should().BeEquivalentTo(PersonalizationTables.ByEntity.Keys);
    }

    [Test]
    public void TheNameCompatibilityNamesEveryTableWithThePluginPrefix()
    {
        var names = new PersonalizationNameCompatibility();

        names.TableNames.Should().BeEquivalentTo(PersonalizationTables.ByEntity);
        names.TableNames.Values.Should().OnlyContain(table => table.StartsWith("Personalization_"));
        names.ColumnName.Should().BeEmpty();
    }
}
