using System.Globalization;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// The timed blocks of a page benchmark, per number of clients and condition, summed up as medians, 90th percentiles,
/// throughput and the ratios to the baseline condition.
/// </summary>
public sealed class PageCostReport
{
    private readonly Dictionary<(int Clients, string Condition), List<TimedBlock>> _blocks = [];
    private readonly List<string> _conditions = [];
    private readonly List<string> _notes = [];

    public void Add(int clients, string condition, TimedBlock block)
    {
        if (!_conditions.Contains(condition))
            _conditions.Add(condition);
        if (!_blocks.TryGetValue((clients, condition), out var list))
            _blocks[(clients, condition)] = list = [];
        list.Add(block);
    }

    public void Note(string note) => _notes.Add(note);

    public (double P50, double P90, double Throughput, int Count) Summary(int clients, string condition)
    {
        var blocks = _blocks[(clients, condition)];
        var times = blocks.SelectMany(block => block.Milliseconds).OrderBy(ms => ms).ToList();
        var throughput = times.Count / blocks.Sum(block => block.ElapsedSeconds);
        return (Percentile(times, 0.5), Percentile(times, 0.9), throughput, times.Count);
    }

    public string ToMarkdown(string baseline)
    {
        var text = new StringBuilder();
        text.AppendLine("| clients | condition | requests | p50 ms | p90 ms | pages/s | p50 ratio | throughput ratio |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var clients in _blocks.Keys.Select(key => key.Clients).Distinct().Order())
        {
            var reference = Summary(clients, baseline);
            foreach (var condition in _conditions.Where(condition => _blocks.ContainsKey((clients, condition))))
            {
                var summary = Summary(clients, condition);
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {clients} | {condition} | {summary.Count} | {summary.P50:0.0} | {summary.P90:0.0} | {summary.Throughput:0.0} | {summary.P50 / reference.P50:0.00} | {summary.Throughput / reference.Throughput:0.00} |"));
            }
        }

        foreach (var note in _notes)
            text.AppendLine().AppendLine(note);
        return text.ToString();
    }

    private static double Percentile(IReadOnlyList<double> sorted, double quantile)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var position = quantile * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
