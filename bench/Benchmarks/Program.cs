if (args.Length == 2 && args[0] == "--retention-scale")
    return await Benchmarks.RetentionScaleRun.RunAsync(long.Parse(args[1].Replace("_", string.Empty), System.Globalization.CultureInfo.InvariantCulture));

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Benchmarks.BenchData).Assembly).Run(args);
return 0;
