using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Alter.Table;

public interface IAlterTableAddColumnOrAlterColumnSyntax : IFluentSyntax
{
    IAlterTableColumnAsTypeSyntax AddColumn(string name);

    IAlterTableColumnAsTypeSyntax AlterColumn(string name);
}
