using System.Globalization;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Portability;

/// <summary>
/// What a database refuses in DDL, as far as the checks here go: identifier length, index key size from the key
/// columns' types, and the type names it knows. Bytes per type are the engine's documented storage sizes; a type
/// that may not be an index key (long text, long binary) has no size.
/// </summary>
public sealed class DdlLimits
{
    public static readonly DdlLimits SqlServer = new("SQL Server", '[', ']', maxIdentifier: 128, maxIndexKey: 1700, maxClusteredKey: 900, SqlServerKeyBytes);

    /// <summary>MySQL 5.7+/MariaDB with InnoDB's DYNAMIC rows and utf8mb4 (4 bytes a character).</summary>
    public static readonly DdlLimits MySql = new("MySQL", '`', '`', maxIdentifier: 64, maxIndexKey: 3072, maxClusteredKey: 3072, MySqlKeyBytes);

    private DdlLimits(string engine, char open, char close, int maxIdentifier, int maxIndexKey, int maxClusteredKey, Func<string, int, int, int?> keyBytes)
    {
        Engine = engine;
        Open = open;
        Close = close;
        MaxIdentifier = maxIdentifier;
        MaxIndexKey = maxIndexKey;
        MaxClusteredKey = maxClusteredKey;
        _keyBytes = keyBytes;
    }

    private readonly Func<string, int, int, int?> _keyBytes;

    public string Engine { get; }

    public char Open { get; }

    public char Close { get; }

    public int MaxIdentifier { get; }

    /// <summary>Nonclustered (secondary) index key, bytes.</summary>
    public int MaxIndexKey { get; }

    /// <summary>Clustered index (the primary key) key, bytes.</summary>
    public int MaxClusteredKey { get; }

    /// <summary>
    /// Bytes the type takes in an index key; null when the type may not be a key column.
    /// </summary>
    /// <exception cref="NotSupportedException">The engine has no such type.</exception>
    public int? KeyBytes(string type)
    {
        var match = Regex.Match(type.Trim(), @"^(?<name>[A-Za-z][A-Za-z0-9 ]*?)\s*(\((?<size>MAX|\d+)\s*(,\s*(?<scale>\d+))?\))?$", RegexOptions.IgnoreCase);
        if (!match.Success)
            throw new NotSupportedException($"{Engine} has no type {type}");

        var size = match.Groups["size"].Value;
        var length = size.Length == 0 ? 0 : size.Equals("MAX", StringComparison.OrdinalIgnoreCase) ? -1 : int.Parse(size, CultureInfo.InvariantCulture);
        return _keyBytes(match.Groups["name"].Value.ToUpperInvariant(), length, match.Groups["scale"].Success ? 1 : 0);
    }

    //length: 0 = none given, -1 = MAX
    private static int? SqlServerKeyBytes(string name, int length, int _) => name switch
    {
        "BIT" or "TINYINT" => 1,
        "SMALLINT" => 2,
        "INT" or "REAL" or "SMALLDATETIME" or "DATE" => name == "DATE" ? 3 : 4,
        "BIGINT" or "FLOAT" or "MONEY" or "DATETIME" or "DATETIME2" or "TIME" => 8,
        "DATETIMEOFFSET" => 10,
        "UNIQUEIDENTIFIER" => 16,
        "DECIMAL" or "NUMERIC" => length switch { 0 => 9, <= 9 => 5, <= 19 => 9, <= 28 => 13, _ => 17 },
        "NVARCHAR" or "NCHAR" => length < 0 ? null : 2 * Math.Max(length, 1),
        "VARCHAR" or "CHAR" or "VARBINARY" or "BINARY" => length < 0 ? null : Math.Max(length, 1),
        //deprecated large types, and XML: never a key column
        "NTEXT" or "TEXT" or "IMAGE" or "XML" => null,
        _ => throw new NotSupportedException($"SQL Server has no type {name}")
    };

    private static int? MySqlKeyBytes(string name, int length, int _) => name switch
    {
        "TINYINT" => 1,
        "SMALLINT" => 2,
        "INT" or "INTEGER" or "FLOAT" => 4,
        "BIGINT" or "DOUBLE" or "DATETIME" or "TIMESTAMP" => 8,
        "DATE" or "TIME" => 3,
        "DECIMAL" or "NUMERIC" => 4 * ((Math.Max(length, 10) + 8) / 9),
        //utf8mb4: 4 bytes a character, and a 2-byte length
        "VARCHAR" or "NVARCHAR" or "CHAR" or "NCHAR" => 4 * length + 2,
        "VARBINARY" or "BINARY" => length + 2,
        //a TEXT or BLOB key needs a prefix length, which FluentMigrator never writes
        "TINYTEXT" or "TEXT" or "MEDIUMTEXT" or "LONGTEXT" or "TINYBLOB" or "BLOB" or "MEDIUMBLOB" or "LONGBLOB" => null,
        _ => throw new NotSupportedException($"MySQL has no type {name}")
    };
}
