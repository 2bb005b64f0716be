using LinkCheck;

const int OK = 0;
const int FAILURES = 1;
const int USAGE = 2;

var options = LinkCheckOptions.Parse(args, out var error);
if (options == null)
{
    Console.Error.WriteLine($"LinkCheck: {error}");
    Console.Error.WriteLine("usage: LinkCheck <assembly.dll>... --real <folder|dll>... [--facade <surface.dll>...] [--only <assembly-name-prefix>...]");
    return USAGE;
}

LinkReport report;
try
{
    report = LinkChecker.Run(options);
}
catch (Exception exception) when (exception is IOException or BadImageFormatException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"LinkCheck: {exception.Message}");
    return USAGE;
}

foreach (var note in report.Notes)
    Console.WriteLine($"note: {note}");
foreach (var failure in report.Failures)
    Console.WriteLine($"FAIL {failure}");
var counts = string.Join(", ", report.Counts.OrderBy(pair => pair.Key).Select(pair => $"{pair.Value} {pair.Key}"));
Console.WriteLine($"LinkCheck: checked {counts}; {report.Failures.Count} failure(s)");
return report.Failures.Count == 0 ? OK : FAILURES;
