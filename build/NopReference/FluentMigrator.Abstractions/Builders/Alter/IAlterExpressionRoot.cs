using FluentMigrator.Builders.Alter.Table;
using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Alter;

public interface IAlterExpressionRoot : IFluentSyntax
{
    IAlterTableAddColumnOrAlterColumnOrSchemaOrDescriptionSyntax Table(string tableName);
}
