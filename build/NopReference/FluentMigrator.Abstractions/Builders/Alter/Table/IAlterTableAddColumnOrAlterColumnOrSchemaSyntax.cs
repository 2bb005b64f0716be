namespace FluentMigrator.Builders.Alter.Table;

public interface IAlterTableAddColumnOrAlterColumnOrSchemaSyntax : IAlterTableAddColumnOrAlterColumnSyntax
{
    IAlterTableAddColumnOrAlterColumnSyntax InSchema(string schemaName);
}
