using FluentMigrator.Builders.Delete.Column;
using FluentMigrator.Builders.Delete.Index;
using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Delete;

public interface IDeleteExpressionRoot : IFluentSyntax
{
    IIfExistsOrInSchemaSyntax Table(string tableName);

    IDeleteColumnFromTableSyntax Column(string columnName);

    IDeleteDataOrInSchemaSyntax FromTable(string tableName);

    IDeleteIndexForTableSyntax Index(string indexName);

    IDeleteIndexForTableSyntax Index();
}
