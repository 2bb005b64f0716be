using SignatureCheck;

if (args.Length != 2 || !Directory.Exists(args[0]) || !Directory.Exists(args[1]))
{
    Console.Error.WriteLine("usage: SignatureCheck <nopSrcFolder> <surfaceFolder>");
    Console.Error.WriteLine("  e.g. dotnet run -c Release --project tools/SignatureCheck -- /work/nopsrc/src build/NopReference");
    foreach (var missing in args.Where(arg => !Directory.Exists(arg)))
    {
        Console.Error.WriteLine($"  folder not found: {missing}");
    }

    return 2;
}

CheckResult result;
try
{
    result = SignatureChecker.Run(args[0], args[1]);
}
catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Xml.XmlException)
{
    Console.Error.WriteLine($"cannot read the source trees: {exception.Message}");
    return 2;
}

Report.Write(result, Console.Out);
return result.Mismatches.Count == 0 ? 0 : 1;
