namespace FluentMigrator.Builders.Create.Table;

public interface ICreateTableWithColumnOrSchemaSyntax : ICreateTableWithColumnSyntax
{
    ICreateTableWithColumnSyntax InSchema(string schemaName);
}
