using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Delete.Index;

public interface IDeleteIndexOnColumnSyntax : IFluentSyntax
{
    IDeleteIndexOptionsSyntax OnColumn(string columnName);

    IDeleteIndexOptionsSyntax OnColumns(params string[] columnNames);
}
