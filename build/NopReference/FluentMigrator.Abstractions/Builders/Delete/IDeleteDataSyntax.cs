using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Delete;

public interface IDeleteDataSyntax : IFluentSyntax
{
    IDeleteDataSyntax Row(object dataAsAnonymousType);

    void AllRows();

    void IsNull(string columnName);
}
