using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Delete.Index;

public interface IDeleteIndexForTableSyntax : IFluentSyntax
{
    IDeleteIndexOnColumnOrInSchemaSyntax OnTable(string tableName);
}
