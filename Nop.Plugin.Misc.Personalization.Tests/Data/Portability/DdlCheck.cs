using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Portability;

/// <summary>
/// Reads generated DDL (CREATE TABLE, ALTER TABLE ADD / ALTER COLUMN, CREATE INDEX, with the engine's quoted
/// identifiers) and lists what the engine would refuse under <see cref="DdlLimits"/>. Column types are taken from
/// the statements themselves, so an index is measured by the types the generator actually wrote.
/// </summary>
public static class DdlCheck
{
    public static IList<string> Violations(IEnumerable<string> statements, DdlLimits limits)
    {
        var id = $@"{Regex.Escape(limits.Open.ToString())}(?<id>[^{Regex.Escape(limits.Close.ToString())}]+){Regex.Escape(limits.Close.ToString())}";
        var type = @"(?<type>[A-Za-z][A-Za-z0-9]*(\s*\([^)]*\))?)";
        var columnDefinition = new Regex($@"(^|[(,]|\bADD(\s+COLUMN)?|\bALTER\s+COLUMN|\bMODIFY(\s+COLUMN)?)\s*{id.Replace("<id>", "<column>")}\s+{type}", RegexOptions.IgnoreCase);
        var table = new Regex($@"^\s*(CREATE|ALTER)\s+TABLE\s+({id}\.)?{id.Replace("<id>", "<table>")}", RegexOptions.IgnoreCase);
        var index = new Regex($@"^\s*CREATE\s+(?<unique>UNIQUE\s+)?(?<clustered>CLUSTERED\s+|NONCLUSTERED\s+)?INDEX\s+{id.Replace("<id>", "<index>")}\s+ON\s+({id}\.)?{id.Replace("<id>", "<table>")}\s*\((?<keys>[^)]*)\)", RegexOptions.IgnoreCase);
        var primaryKey = new Regex($@"PRIMARY\s+KEY\s*(CLUSTERED\s*)?\((?<keys>[^)]*)\)", RegexOptions.IgnoreCase);
        var anyIdentifier = new Regex(id);

        var violations = new List<string>();
        var columns = new Dictionary<(string Table, string Column), string>();
        foreach (var statement in statements.SelectMany(text => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            foreach (Match identifier in anyIdentifier.Matches(statement))
            {
                if (identifier.Groups["id"].Value.Length > limits.MaxIdentifier)
                    violations.Add($"{limits.Engine}: identifier {identifier.Groups["id"].Value} is longer than {limits.MaxIdentifier} characters");
            }

            var indexMatch = index.Match(statement);
            if (indexMatch.Success)
            {
                var clustered = indexMatch.Groups["clustered"].Value.Trim().Equals("CLUSTERED", StringComparison.OrdinalIgnoreCase);
                CheckKey(indexMatch.Groups["index"].Value, indexMatch.Groups["table"].Value, indexMatch.Groups["keys"].Value, clustered);
                continue;
            }

            var tableMatch = table.Match(statement);
            if (!tableMatch.Success)
                continue;

            var tableName = tableMatch.Groups["table"].Value;
            var body = statement[tableMatch.Length..];
            foreach (Match column in columnDefinition.Matches(body))
            {
                var columnType = column.Groups["type"].Value;
                if (columnType.Equals("CONSTRAINT", StringComparison.OrdinalIgnoreCase) || columnType.Equals("PRIMARY", StringComparison.OrdinalIgnoreCase))
                    continue;
                try
                {
                    limits.KeyBytes(columnType);
                    columns[(tableName, column.Groups["column"].Value)] = columnType;
                }
                catch (NotSupportedException unknown)
                {
                    violations.Add($"{tableName}.{column.Groups["column"].Value}: {unknown.Message}");
                }
            }

            var keyMatch = primaryKey.Match(body);
            if (keyMatch.Success)
                CheckKey($"primary key of {tableName}", tableName, keyMatch.Groups["keys"].Value, clustered: true);
        }

        return violations;

        void CheckKey(string name, string tableName, string keys, bool clustered)
        {
            var bytes = 0;
            foreach (Match key in anyIdentifier.Matches(keys))
            {
                var column = key.Groups["id"].Value;
                if (!columns.TryGetValue((tableName, column), out var columnType))
                {
                    violations.Add($"{name}: column {tableName}.{column} is not defined by any statement");
                    continue;
                }

                var keyBytes = limits.KeyBytes(columnType);
                if (keyBytes is null)
                    violations.Add($"{name}: {tableName}.{column} ({columnType}) cannot be an index key on {limits.Engine}");
                else
                    bytes += keyBytes.Value;
            }

            var limit = clustered ? limits.MaxClusteredKey : limits.MaxIndexKey;
            if (bytes > limit)
                violations.Add($"{name}: key of {bytes} bytes exceeds {limits.Engine}'s {limit}");
        }
    }
}
