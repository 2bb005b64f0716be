using System.Data.Common;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.DataProvider.PostgreSQL;
using LinqToDB.Internal.DataProvider.PostgreSQL;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// linq2db's PostgreSQL provider configured as nopCommerce 4.90 configures it: the 9.2 dialect, and string
/// parameters sent as citext, so the plugin's queries meet the same SQL in the tests as in a shop.
/// </summary>
public sealed class ShopPostgreSqlDataProvider : PostgreSQLDataProvider
{
    private const string CITEXT = "citext";

    public ShopPostgreSqlDataProvider() : base(ProviderName.PostgreSQL92, PostgreSQLVersion.v92)
    {
    }

    public override void SetParameter(DataConnection dataConnection, DbParameter parameter, string name, DbDataType dataType, object value)
    {
        var sentType = value is string && dataType.SystemType == typeof(string) ? dataType.WithDbType(CITEXT) : dataType;
        base.SetParameter(dataConnection, parameter, name, sentType, value);
    }
}
