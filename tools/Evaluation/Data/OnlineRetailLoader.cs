using System.Globalization;
using System.IO.Compression;
using Sylvan.Data.Csv;

namespace Evaluation.Data;

/// <summary>
/// Reads the UCI Online Retail CSV (optionally gzip-compressed) and builds the purchase events EVALUATION.md defines.
/// </summary>
public static class OnlineRetailLoader
{
    private static readonly HashSet<string> _nonProducts = new(StringComparer.Ordinal)
    {
        "POST", "D", "M", "m", "BANK CHARGES", "AMAZONFEE", "DOT", "CRUK", "C2", "PADS", "S", "B"
    };

    public static RetailData Load(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        using var text = new StreamReader(stream);
        return Read(text);
    }

    public static RetailData Read(TextReader text)
    {
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        var invoiceColumn = csv.GetOrdinal("InvoiceNo");
        var stockColumn = csv.GetOrdinal("StockCode");
        var quantityColumn = csv.GetOrdinal("Quantity");
        var dateColumn = csv.GetOrdinal("InvoiceDate");
        var priceColumn = csv.GetOrdinal("UnitPrice");
        var customerColumn = csv.GetOrdinal("CustomerID");

        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var codeNames = new List<string>();
        var events = new Dictionary<(int User, int Invoice, int Item), Accumulator>();
        var otherInvoices = new Dictionary<string, int>(StringComparer.Ordinal);

        while (csv.Read())
        {
            var customerText = csv.GetFieldSpan(customerColumn).Trim();
            if (customerText.IsEmpty)
                continue;
            var invoiceText = csv.GetFieldSpan(invoiceColumn).Trim();
            if (invoiceText.IsEmpty || invoiceText[0] == 'C')
                continue;
            var quantity = double.Parse(csv.GetFieldSpan(quantityColumn), NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!(quantity > 0))
                continue;
            var price = double.Parse(csv.GetFieldSpan(priceColumn), NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!(price > 0))
                continue;
            var stock = csv.GetFieldSpan(stockColumn).Trim();
            if (!IsProduct(stock))
                continue;

            var user = (int)double.Parse(customerText, NumberStyles.Float, CultureInfo.InvariantCulture);
            var invoice = ParseInvoice(invoiceText, otherInvoices);
            var time = ParseTime(csv.GetFieldSpan(dateColumn));
            var item = ItemId(stock, codes, codeNames);

            var key = (user, invoice, item);
            if (events.TryGetValue(key, out var current))
            {
                current.Quantity += quantity;
                current.Amount += quantity * price;
                if (time < current.Time)
                    current.Time = time;
                events[key] = current;
            }
            else
            {
                events[key] = new Accumulator { Time = time, Quantity = quantity, Amount = quantity * price };
            }
        }

        return Build(events, codeNames);
    }

    private static RetailData Build(Dictionary<(int User, int Invoice, int Item), Accumulator> events, List<string> codeNames)
    {
        // items get ids in ordinal StockCode order, so "ties: StockCode ascending" is "ties: id ascending"
        var order = Enumerable.Range(0, codeNames.Count).OrderBy(i => codeNames[i], StringComparer.Ordinal).ToArray();
        var remap = new int[codeNames.Count];
        var names = new string[codeNames.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            remap[order[rank]] = rank;
            names[rank] = codeNames[order[rank]];
        }

        var list = new List<PurchaseEvent>(events.Count);
        foreach (var (key, value) in events)
            list.Add(new PurchaseEvent(key.User, remap[key.Item], key.Invoice, value.Time, value.Quantity, value.Amount / value.Quantity));
        list.Sort(static (a, b) =>
        {
            var c = a.Time.CompareTo(b.Time);
            if (c != 0)
                return c;
            c = a.User.CompareTo(b.User);
            if (c != 0)
                return c;
            c = a.Invoice.CompareTo(b.Invoice);
            return c != 0 ? c : a.Item.CompareTo(b.Item);
        });
        return new RetailData(list, names);
    }

    private static bool IsProduct(ReadOnlySpan<char> stock)
    {
        if (stock.IsEmpty || stock.StartsWith("gift_", StringComparison.Ordinal))
            return false;
        return !_nonProducts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(stock);
    }

    private static int ItemId(ReadOnlySpan<char> stock, Dictionary<string, int> codes, List<string> names)
    {
        var lookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(stock, out var id))
            return id;
        var name = stock.ToString();
        id = names.Count;
        codes[name] = id;
        names.Add(name);
        return id;
    }

    private static int ParseInvoice(ReadOnlySpan<char> text, Dictionary<string, int> others)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        // a few invoice numbers carry a letter; give them ids far above the 6-digit range
        var key = text.ToString();
        if (!others.TryGetValue(key, out var id))
        {
            id = 100_000_000 + others.Count;
            others[key] = id;
        }
        return id;
    }

    /// <summary>Parses <c>yyyy-MM-dd HH:mm:ss</c> without culture lookups.</summary>
    public static DateTime ParseTime(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.Length != 19)
            return DateTime.ParseExact(s, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return new DateTime(Digits(s, 0, 4), Digits(s, 5, 2), Digits(s, 8, 2), Digits(s, 11, 2), Digits(s, 14, 2), Digits(s, 17, 2), DateTimeKind.Unspecified);
    }

    private static int Digits(ReadOnlySpan<char> s, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
                throw new FormatException($"Not a date: {s.ToString()}");
            value = value * 10 + d;
        }
        return value;
    }

    private struct Accumulator
    {
        public DateTime Time;
        public double Quantity;
        public double Amount;
    }
}
