if (args.Length == 2 && args[0] == "--retention-scale")
    return await Benchmarks.RetentionScaleRun.RunAsync(long.Parse(args[1].Replace("_", string.Empty), System.Globalization.CultureInfo.InvariantCulture));

if (args.Length >= 1 && args[0] == "--search-latency")
    return await Benchmarks.SearchLatencyRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Benchmarks.BenchData).Assembly).Run(args);
return 0;
