using System.Globalization;

namespace Evaluation;

/// <summary>Options of the evaluation tool.</summary>
public sealed class CommandLine
{
    public string OutDir { get; private set; }
    public string DataPath { get; private set; }
    public bool Validate { get; private set; }
    public long SyntheticEvents { get; private set; }
    public int SyntheticProducts { get; private set; } = 100_000;
    public int Seed { get; private set; } = 42;
    public int SyntheticCustomers { get; private set; } = 200_000;
    public int Parallelism { get; private set; } = 1;

    /// <summary>Threads recommending for the users of a task (thread-safe methods only, i.e. the engine).</summary>
    public int RecommendThreads { get; private set; } = 1;
    public HashSet<string> Methods { get; private set; } = new(StringComparer.Ordinal) { "engine", "popularity", "also_purchased", "repeat" };
    /// <summary>Validation: tune only these settings (comma-separated names as printed), all when empty.</summary>
    public HashSet<string> TuneOnly { get; private set; } = new(StringComparer.Ordinal);

    public int Rounds { get; private set; } = 2;

    /// <summary>Validation: length of each validation window in days (the test window is 39 days).</summary>
    public int ValidationDays { get; private set; } = 28;

    /// <summary>Validation: consecutive windows, each ending where the next later one starts; the objective is their mean.</summary>
    public int ValidationWindows { get; private set; } = 1;

    /// <summary>Validation: items asked per user and written with --out (for analysis; metrics use the first 10).</summary>
    public int ListLength { get; private set; } = 10;

    /// <summary>The engine's settings: "tuned" (chosen by --validate, the default), "shop" (what a fresh install starts from) or "auto" (what such a shop's data would choose).</summary>
    public string Settings { get; private set; } = "tuned";

    /// <summary>
    /// Validation: "both" (discovery NDCG / 0.124 + all NDCG / 0.413) or "all" (all NDCG / 0.413 only, a change that
    /// costs discovery more than 5% of its starting value being refused).
    /// </summary>
    public string Objective { get; private set; } = "both";

    /// <summary>Synthetic: build the customer insights (profiles, segments, predictions) instead of training the models.</summary>
    public bool Insights { get; private set; }

    /// <summary>Synthetic: the plugin's whole hourly run (events in a list, every store's models, then the insights).</summary>
    public bool TrainingRun { get; private set; }

    /// <summary>Run only issue #13's complementary-timing check (timed complements against untimed "bought together").</summary>
    public bool Complements { get; private set; }

    /// <summary>Issue #13's one seasonal run: the engine with the seasonal settings fixed in advance (<see cref="SeasonalRun"/>).</summary>
    public bool Seasonal { get; private set; }

    /// <summary>Run only issue #13's predicted-lifetime check (BG/NBD against the lifecycle stage).</summary>
    public bool Lifetime { get; private set; }

    /// <summary>Run only issue #13's cold-start check (content neighbours of hidden products against category only).</summary>
    public bool ColdStart { get; private set; }

    /// <summary>Synthetic: after training, "for you" from a cold scratch pool by this many concurrent callers (0 = skip).</summary>
    public int Callers { get; private set; }

    /// <summary>Synthetic training run: the plugin's memory guard in MB (0 = read every event).</summary>
    public int MemoryGuardMegabytes { get; private set; }

    public static CommandLine Parse(string[] args)
    {
        var options = new CommandLine();
        for (var i = 0; i < args.Length; i++)
        {
            string Next()
            {
                if (i + 1 >= args.Length)
                    throw new ArgumentException($"{args[i]} needs a value");
                return args[++i];
            }

            switch (args[i])
            {
                case "--out":
                    options.OutDir = Next();
                    break;
                case "--data":
                    options.DataPath = Next();
                    break;
                case "--validate":
                    options.Validate = true;
                    break;
                case "--synthetic":
                    options.SyntheticEvents = long.Parse(Next().Replace("_", string.Empty), CultureInfo.InvariantCulture);
                    break;
                case "--objective":
                    options.Objective = Next() is var objective && objective is "both" or "all"
                        ? objective
                        : throw new ArgumentException("--objective takes both or all");
                    break;
                case "--insights":
                    options.Insights = true;
                    break;
                case "--training-run":
                    options.TrainingRun = true;
                    break;
                case "--callers":
                    options.Callers = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--memory-guard":
                    options.MemoryGuardMegabytes = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--products":
                    options.SyntheticProducts = int.Parse(Next().Replace("_", string.Empty), CultureInfo.InvariantCulture);
                    break;
                case "--customers":
                    options.SyntheticCustomers = int.Parse(Next().Replace("_", string.Empty), CultureInfo.InvariantCulture);
                    break;
                case "--parallelism":
                    options.Parallelism = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--recommend-threads":
                    options.RecommendThreads = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    options.Seed = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--methods":
                    options.Methods = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                    break;
                case "--tune":
                    options.TuneOnly = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                    break;
                case "--rounds":
                    options.Rounds = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--validation-days":
                    options.ValidationDays = Positive(Next());
                    break;
                case "--validation-windows":
                    options.ValidationWindows = Positive(Next());
                    break;
                case "--list-length":
                    options.ListLength = Positive(Next());
                    break;
                case "--settings":
                    options.Settings = Next() is var settings && settings is "tuned" or "shop" or "auto"
                        ? settings
                        : throw new ArgumentException("--settings takes tuned, shop or auto");
                    break;
                case "--complements":
                    options.Complements = true;
                    break;
                case "--lifetime":
                    options.Lifetime = true;
                    break;
                case "--seasonal":
                    options.Seasonal = true;
                    break;
                case "--cold-start":
                    options.ColdStart = true;
                    break;
                case "--help":
                case "-h":
                    Usage();
                    return null;
                default:
                    Console.Error.WriteLine($"unknown argument: {args[i]}");
                    Usage();
                    return null;
            }
        }
        return options;
    }

    private static int Positive(string text)
    {
        var value = int.Parse(text, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"expected a positive number, got {text}");
    }

    private static void Usage()
    {
        Console.Error.WriteLine("""
            usage: Evaluation [--out DIR] [--data PATH] [--methods engine,popularity,also_purchased,repeat] [--parallelism T]
                              [--recommend-threads T] [--settings tuned|shop|auto]
                   Evaluation --complements [--settings tuned|shop|auto]   timed complements against "bought together" (issue #13)
                   Evaluation --seasonal [--out DIR]   the engine with the seasonal settings fixed in advance (issue #13; docs/benchmarks.md)
                   Evaluation --cold-start             content neighbours of a hidden 10% of products against category only (issue #13)
                   Evaluation --lifetime [--out DIR]   BG/NBD purchases in the test period against the lifecycle stage (issue #13)
                   Evaluation --validate [--data PATH]          choose engine settings on the last 4 train weeks [--tune A,B] [--rounds R]
                              [--validation-days D] [--validation-windows W]   W windows of D days ending at the test start
                              [--list-length N] [--out DIR]   write the validation lists (N items per user; use --tune none)
                              [--objective both|all]   what the search maximises (all: all-items NDCG, discovery kept within 5%)
                   Evaluation --synthetic N [--products P] [--customers C] [--seed S] [--parallelism T]   train on a seeded synthetic funnel
                              [--insights]   build the daily customer insights from it instead of training
                              [--callers N]   then "for you" from a cold pool by N concurrent callers
                              [--training-run [--memory-guard MB]]   the plugin's hourly run (models, then insights) on the newest events the guard allows
            """);
    }
}
