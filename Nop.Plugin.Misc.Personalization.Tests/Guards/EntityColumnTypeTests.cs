using System.ComponentModel.DataAnnotations.Schema;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Data;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>
/// nopCommerce silently drops an entity property whose type it does not map (byte, short, enum, float, double…):
/// in a shop every insert leaves it out and every query on it fails. Plugin entities use only the types it maps.
/// </summary>
[TestFixture]
public class EntityColumnTypeTests
{
    [Test]
    public void EveryPluginEntityPropertyIsOfATypeNopCommerceMaps()
    {
        var dropped = PersonalizationTables.ByEntity.Keys
            .SelectMany(entity => NopColumnRules.Dropped(entity).Select(property => $"{entity.Name}.{property.Name} ({property.PropertyType.Name})"));

        dropped.Should().BeEmpty("nopCommerce maps only {0}", string.Join(", ", NopColumnRules.MappedTypes.Select(type => type.Name)));
    }

    [Test]
    public void TheRuleDropsWhatNopCommerceDropsAndKeepsWhatItMaps()
    {
        NopColumnRules.Dropped(typeof(MixedEntity)).Select(property => property.Name).Should()
            .BeEquivalentTo(nameof(MixedEntity.Kind), nameof(MixedEntity.Score), nameof(MixedEntity.Stage), nameof(MixedEntity.Level));
        NopColumnRules.Columns(typeof(MixedEntity)).Select(property => property.Name).Should()
            .BeEquivalentTo(nameof(MixedEntity.Count), nameof(MixedEntity.Total), nameof(MixedEntity.DoneOnUtc), nameof(MixedEntity.Note),
                nameof(MixedEntity.Payload), nameof(MixedEntity.Key));
    }

    [Test]
    public void TheTestMappingLeavesADroppedPropertyOutAsNopCommerceDoes()
    {
        var names = new SingleTable(typeof(MixedEntity), "Mixed");
        var columns = PersonalizationMappingSchema.Create(names).GetEntityDescriptor(typeof(MixedEntity)).Columns;

        columns.Select(column => column.ColumnName).Should().BeEquivalentTo("Id", nameof(MixedEntity.Count), nameof(MixedEntity.Total),
            nameof(MixedEntity.DoneOnUtc), nameof(MixedEntity.Note), nameof(MixedEntity.Payload), nameof(MixedEntity.Key));
        columns.Single(column => column.ColumnName == nameof(MixedEntity.DoneOnUtc)).CanBeNull.Should().BeTrue();
        columns.Single(column => column.ColumnName == nameof(MixedEntity.Count)).CanBeNull.Should().BeFalse();
        columns.Single(column => column.ColumnName == nameof(MixedEntity.Note)).CanBeNull.Should().BeTrue();
    }

    public enum Stage
    {
        First
    }

    public class MixedEntity : BaseEntity
    {
        public int Count { get; set; }

        public decimal Total { get; set; }

        public DateTime? DoneOnUtc { get; set; }

        public string Note { get; set; }

        public byte[] Payload { get; set; }

        public Guid Key { get; set; }

        public byte Kind { get; set; }

        public double Score { get; set; }

        public Stage Stage { get; set; }

        public short? Level { get; set; }

        [NotMapped]
        public byte Ignored { get; set; }

        public int ReadOnly => Count;
    }

    private sealed class SingleTable : Nop.Data.Mapping.INameCompatibility
    {
        private readonly Type _entity;
        private readonly string _table;

        public SingleTable(Type entity, string table)
        {
            _entity = entity;
            _table = table;
        }

        public Dictionary<Type, string> TableNames => new() { [_entity] = _table };

        public Dictionary<(Type, string), string> ColumnName => new();
    }
}
