using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// "Search as a customer" on the plugin's configuration page, used as the owner does: words and a customer typed in,
/// Preview clicked; the products listed for that customer, in order. The section may be collapsed, so the inputs are
/// filled and read by script.
/// </summary>
public static class SearchPreviewPanel
{
    public static IReadOnlyList<int> ForCustomer(AdminSession admin, string configurationUrl, string words, string customer)
    {
        var browser = admin.Browser;
        browser.Open(configurationUrl);
        browser.FindPresent(By.Id("personalization-search-preview-run"));
        browser.Driver.ExecuteScript("""
            document.getElementById('personalization-search-preview-words').value = arguments[0];
            document.getElementById('personalization-search-preview-customer').value = arguments[1];
            document.getElementById('personalization-search-preview-run').click();
            """, words, customer);

        var outcome = browser.WaitFor(driver => (string)((IJavaScriptExecutor)driver).ExecuteScript("""
            var error = document.getElementById('personalization-search-preview-error').textContent;
            if (error) return 'error: ' + error;
            if (document.getElementById('personalization-search-preview-results').style.display === 'none') return null;
            return Array.from(document.querySelectorAll('#personalization-search-preview-customer-list li'))
                .map(function (item) { return item.getAttribute('data-productid'); }).join(',');
            """), $"the search preview of '{words}' for customer {customer}");

        outcome.Should().NotStartWith("error:", "the preview of '{0}' for customer {1} must answer", words, customer);
        return outcome.Length == 0 ? [] : outcome.Split(',').Select(int.Parse).ToList();
    }
}
