namespace FluentMigrator.Builders.Delete;

public interface IDeleteDataOrInSchemaSyntax : IDeleteDataSyntax
{
    IDeleteDataSyntax InSchema(string schemaName);
}
