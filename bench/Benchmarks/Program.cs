BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Benchmarks.BenchData).Assembly).Run(args);
