namespace FluentMigrator.Builders.Delete.Index;

public interface IDeleteIndexOnColumnOrInSchemaSyntax : IDeleteIndexOnColumnSyntax
{
    IDeleteIndexOnColumnSyntax InSchema(string schemaName);
}
