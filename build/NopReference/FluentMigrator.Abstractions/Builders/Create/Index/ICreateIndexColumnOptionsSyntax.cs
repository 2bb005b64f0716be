using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create.Index;

public interface ICreateIndexColumnOptionsSyntax : IFluentSyntax
{
    ICreateIndexMoreColumnOptionsSyntax Ascending();

    ICreateIndexMoreColumnOptionsSyntax Descending();

    ICreateIndexColumnUniqueOptionsSyntax Unique();
}
