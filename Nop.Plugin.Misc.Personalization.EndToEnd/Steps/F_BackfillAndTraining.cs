using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    private const int CANCELLED_ORDER_STATUS = 40;

    /// <summary>
    /// A few shoppers look at and carry the same products, so the models learn pairs (a pair needs two customers).
    /// </summary>
    [Test, Order(600)]
    public async Task F1_A_few_shoppers_give_the_models_something_to_learn()
    {
        var together = new[] { _state.Products[0], _state.Products[1], _state.Products[2], _state.Products[11] };
        var shopperIds = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var shopper = NewShopper($"Learner{i + 1}");
            foreach (var product in together)
                shopper.ViewProduct(product);
            await shopper.AddToCartAsync(together[i % 2]);
            await shopper.AddToCartAsync(together[3]);
            var id = await shopper.CustomerIdAsync();
            shopperIds.Add(id);
            await ShopEvents.WaitForAsync(_database, id, "the learner's views and cart adds",
                e => e.Type == EventType.View && e.ProductId == together[0].Id,
                e => e.Type == EventType.AddToCart && e.ProductId == together[3].Id);
        }

        shopperIds.Should().OnlyHaveUniqueItems("each browser is a visitor of its own");
    }

    /// <summary>
    /// The sample data's orders are the shop's history. The backfill leaves orders of the last 10 minutes to live
    /// capture (Services/Backfill/OrderBackfillService.cs), and a fresh shop's sample orders are minutes old, so they are
    /// moved two days back first, as a real shop's history would be.
    /// </summary>
    [Test, Order(610)]
    public async Task F2_Backfill_turns_every_existing_order_into_purchase_events_once()
    {
        var firstSuiteOrder = _state.FirstSuiteOrderId;
        firstSuiteOrder.Should().BeGreaterThan(0, "step E placed an order");
        await _database.ExecuteAsync("UPDATE \"Order\" SET \"CreatedOnUtc\" = \"CreatedOnUtc\" - INTERVAL '2 days' WHERE \"Id\" < @first",
            ("first", firstSuiteOrder));
        var history = await _database.ListAsync("""
            SELECT o."Id", (SELECT COUNT(*) FROM "OrderItem" oi WHERE oi."OrderId" = o."Id") FROM "Order" o
            WHERE o."Id" < @first AND NOT o."Deleted" AND o."OrderStatusId" <> @cancelled ORDER BY o."Id"
            """, reader => (OrderId: reader.GetInt32(0), Lines: reader.GetInt64(1)), ("first", firstSuiteOrder), ("cancelled", CANCELLED_ORDER_STATUS));
        history.Should().NotBeEmpty("the sample data comes with orders");

        var page = Configuration().Open();
        var notification = page.Backfill();
        //on a slow machine the scheduled backfill task may have found the history settled and done it before the owner
        //pressed the button: "Backfill now" starts over, and those orders count as already recorded
        var outcome = System.Text.RegularExpressions.Regex.Match(notification,
            @"Backfill completed: (\d+) orders turned into (\d+) purchase events; (\d+) orders were already recorded");
        outcome.Success.Should().BeTrue($"a small shop's history is backfilled at once (notification: {notification})");
        var (done, written, skipped) = (int.Parse(outcome.Groups[1].Value), long.Parse(outcome.Groups[2].Value), int.Parse(outcome.Groups[3].Value));
        (done + skipped).Should().Be(history.Count, "every order of the shop's history is covered by the run (notification: {0})", notification);
        if (skipped == 0)
            written.Should().Be(history.Sum(order => order.Lines), "each order line becomes one purchase event");

        var missing = await Poll.UntilAsync(MissingPurchaseLinesAsync, lines => lines.Count == 0, ShopEvents.WriteTimeout,
            "a purchase event for every line of every order (missing: order/product)");
        missing.Should().BeEmpty();

        var duplicates = await _database.ListAsync("""
            SELECT e."OrderId", e."ProductId", COUNT(*) FROM "Personalization_Event" e
            WHERE e."EventType" = 6 GROUP BY e."OrderId", e."ProductId" HAVING COUNT(*) > 1
            """, reader => $"order {reader.GetInt32(0)} product {reader.GetInt32(1)}: {reader.GetInt64(2)} events");
        duplicates.Should().BeEmpty("an order recorded at checkout is not backfilled again (notification: {0})", notification);

        var wrongCustomer = await _database.ListAsync("""
            SELECT DISTINCT o."Id" FROM "Order" o
            WHERE NOT EXISTS (SELECT 1 FROM "Personalization_Event" e WHERE e."EventType" = 6 AND e."OrderId" = o."Id" AND e."CustomerId" = o."CustomerId")
              AND NOT o."Deleted" AND o."OrderStatusId" <> @cancelled
            """, reader => reader.GetInt32(0), ("cancelled", CANCELLED_ORDER_STATUS));
        wrongCustomer.Should().BeEmpty("purchase events belong to the customer who placed the order");

        var progress = page.ProgressOf("Backfill", text => text.StartsWith("Completed", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        progress.State.Should().Be("Succeeded", "the data card shows the backfill's outcome: {0}", progress.Text);
        progress.Text.Should().Contain($"{done} orders turned into {written} purchase events");
    }

    [Test, Order(620)]
    public async Task F3_Train_models_now_shows_a_trained_model_on_the_status_card()
    {
        var page = Configuration().Open();
        var notification = page.Train();
        notification.Should().MatchRegex("Models trained from [1-9][0-9]* interactions", "training on the shop's events succeeds");
        //the page after the button asks the progress endpoint and shows the outcome without another reload
        var progress = page.ProgressOf("Training", text => text.StartsWith("Trained from", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        progress.State.Should().Be("Succeeded");
        progress.Text.Should().MatchRegex("^Trained from [1-9][0-9]* interactions and [1-9][0-9]* products for 1 store\\(s\\)\\. It took [0-9:]+ and finished [0-9:]+ ago\\.$");

        await Poll.UntilAsync(() => _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_ModelSnapshot\""), count => count > 0,
            TimeSpan.FromSeconds(30), "a stored model snapshot");

        page.Open();
        var rows = page.ModelRows();
        rows.Should().NotBeEmpty("the status card lists the trained model per store");
        rows[0][1].Should().MatchRegex("^[1-9][0-9]*$", "the card shows the model's version");
        page.ModelRowIsServed(0).Should().BeTrue("this server serves the newest model: {0}", string.Join(" | ", rows[0]));
    }

    private Task<List<string>> MissingPurchaseLinesAsync() =>
        _database.ListAsync("""
            SELECT oi."OrderId", oi."ProductId" FROM "OrderItem" oi JOIN "Order" o ON o."Id" = oi."OrderId"
            WHERE NOT o."Deleted" AND o."OrderStatusId" <> @cancelled
              AND NOT EXISTS (SELECT 1 FROM "Personalization_Event" e
                              WHERE e."EventType" = 6 AND e."OrderId" = oi."OrderId" AND e."ProductId" = oi."ProductId"
                                AND e."Quantity" = oi."Quantity" AND e."Value" = oi."UnitPriceExclTax")
            ORDER BY 1, 2
            """, reader => $"{reader.GetInt32(0)}/{reader.GetInt32(1)}", ("cancelled", CANCELLED_ORDER_STATUS));
}
