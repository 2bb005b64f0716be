using System.Data;
using FluentMigrator.Runner.Generators.MySql;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// The FluentMigrator MySQL type map a nopCommerce 4.90.6 shop runs migrations with (Nop.Data registers its own
/// MySql5TypeMap subclass): long strings become TEXT, MEDIUMTEXT or LONGTEXT in the database's character set, where
/// FluentMigrator's own map would force utf8 (3-byte) on them. The shop adds CHARACTER SET / COLLATE only when its
/// data settings name them, which an installation does not by default.
/// </summary>
public sealed class ShopMySqlTypeMap : MySql5TypeMap
{
    protected override void SetupMySqlTypeMaps()
    {
        base.SetupMySqlTypeMaps();

        foreach (var type in new[] { DbType.StringFixedLength, DbType.String })
        {
            SetTypeMap(type, "TEXT", TextCapacity);
            SetTypeMap(type, "MEDIUMTEXT", MediumTextCapacity);
            SetTypeMap(type, "LONGTEXT", LongTextCapacity);
        }
    }
}
