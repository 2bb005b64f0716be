using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Delete.Index;

public interface IDeleteIndexOptionsSyntax : IFluentSyntax
{
}
