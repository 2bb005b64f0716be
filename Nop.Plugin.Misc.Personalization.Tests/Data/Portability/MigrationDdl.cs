using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner.Generators;
using FluentMigrator.Runner.Generators.MySql;
using FluentMigrator.Runner.Generators.SqlServer;
using Nop.Plugin.Misc.Personalization.Data;
using Nop.Plugin.Misc.Personalization.Migrations;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Portability;

/// <summary>
/// The DDL FluentMigrator's generators write for the plugin's migrations, without a server: on a fresh install
/// (nothing exists: every table and index is created) and on an update (the tables exist without what later versions
/// added). nopCommerce 4.90.6 runs SQL Server migrations with AddSqlServer (the 2016 generator) and MySQL ones with
/// MySql5 and its own type map.
/// </summary>
public static class MigrationDdl
{
    public static IReadOnlyList<string> SqlServer() => Generate(new SqlServer2016Generator());

    public static IReadOnlyList<string> MySql() => Generate(new MySql5Generator(new MySqlQuoter(), new ShopMySqlTypeMap()));

    private static IReadOnlyList<string> Generate(IMigrationGenerator generator)
    {
        var install = Expressions(new SchemaMigration(), new AssumedSchema(tablesExist: false));
        var updates = typeof(SchemaMigration).Assembly.GetTypes()
            .Where(type => typeof(IMigration).IsAssignableFrom(type) && !type.IsAbstract && type != typeof(SchemaMigration))
            .SelectMany(type => Expressions((IMigration)Activator.CreateInstance(type), new AssumedSchema(tablesExist: true)));

        //the generators overload Generate per expression type
        return install.Concat(updates).Select(expression => (string)generator.Generate((dynamic)expression)).ToList();
    }

    private static IEnumerable<IMigrationExpression> Expressions(IMigration migration, IQuerySchema schema)
    {
        var context = new MigrationContext(schema, null, null);
        migration.GetUpExpressions(context);
        return context.Expressions;
    }

    /// <summary>
    /// A database as the migrations' existence checks see it: with or without the plugin's tables, and with only the
    /// byte columns of version 0.3.0 (so the widening runs); no other column or index.
    /// </summary>
    private sealed class AssumedSchema : IQuerySchema
    {
        private readonly bool _tablesExist;

        public AssumedSchema(bool tablesExist)
        {
            _tablesExist = tablesExist;
        }

        public string DatabaseType => "Generator";

        public IList<string> DatabaseTypeAliases => [];

        public bool SchemaExists(string schemaName) => true;

        public bool TableExists(string schemaName, string tableName) => _tablesExist && PersonalizationTables.ByEntity.Values.Contains(tableName);

        public bool ColumnExists(string schemaName, string tableName, string columnName) =>
            TableExists(schemaName, tableName) && IntegerColumnsMigration.WidenedColumns.TryGetValue(tableName, out var columns) && columns.Contains(columnName);

        public bool ConstraintExists(string schemaName, string tableName, string constraintName) => false;

        public bool IndexExists(string schemaName, string tableName, string indexName) => false;

        public bool SequenceExists(string schemaName, string sequenceName) => false;

        public bool DefaultValueExists(string schemaName, string tableName, string columnName, object defaultValue) => false;
    }
}
