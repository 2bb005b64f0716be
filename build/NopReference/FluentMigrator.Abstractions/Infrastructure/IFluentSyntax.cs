using System.ComponentModel;

namespace FluentMigrator.Infrastructure;

// The real interface re-declares object's members only to hide them from IntelliSense; every implementer gets them from object.
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFluentSyntax
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    Type GetType();

    [EditorBrowsable(EditorBrowsableState.Never)]
    int GetHashCode();

    [EditorBrowsable(EditorBrowsableState.Never)]
    string ToString();

    [EditorBrowsable(EditorBrowsableState.Never)]
    bool Equals(object other);
}
