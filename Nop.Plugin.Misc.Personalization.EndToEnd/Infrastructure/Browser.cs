using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// One headless Chromium with a profile of its own (own cookies: one visitor), driven through Debian's chromedriver.
/// The flags keep a browser on a closed network from calling home.
/// </summary>
public sealed class Browser : IDisposable
{
    public static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan ElementTimeout = TimeSpan.FromSeconds(20);

    private readonly string _profile;

    private Browser(ChromeDriver driver, string profile, Uri shopUrl)
    {
        Driver = driver;
        _profile = profile;
        ShopUrl = shopUrl;
    }

    public ChromeDriver Driver { get; }

    public Uri ShopUrl { get; }

    /// <param name="scripts">False: a visitor whose browser runs no JavaScript.</param>
    public static Browser Start(E2eEnvironment environment, bool scripts = true)
    {
        var profile = Directory.CreateTempSubdirectory("personalization-e2e-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = environment.ChromiumPath, PageLoadStrategy = PageLoadStrategy.Normal };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1400,1000", $"--user-data-dir={profile}");
        if (!scripts)
            options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(environment.ChromeDriverPath), Path.GetFileName(environment.ChromeDriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;

        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        driver.Manage().Timeouts().PageLoad = PageTimeout;
        return new Browser(driver, profile, environment.ShopUrl);
    }

    public void Open(string relative) => Driver.Navigate().GoToUrl(new Uri(ShopUrl, relative.TrimStart('/')));

    public string CurrentPath => new Uri(Driver.Url).PathAndQuery;

    public IWebElement Find(By by) => Wait(ElementTimeout).Until(driver => driver.FindElements(by).FirstOrDefault(element => element.Displayed))
        ?? throw new NoSuchElementException(by.ToString());

    public IWebElement FindPresent(By by) => Wait(ElementTimeout).Until(driver => driver.FindElements(by).FirstOrDefault())
        ?? throw new NoSuchElementException(by.ToString());

    public IReadOnlyList<IWebElement> All(By by) => Driver.FindElements(by);

    public bool Exists(By by) => Driver.FindElements(by).Count > 0;

    public T WaitFor<T>(Func<IWebDriver, T> condition, string what, TimeSpan? timeout = null)
    {
        var wait = Wait(timeout ?? ElementTimeout);
        wait.Message = what;
        return wait.Until(condition);
    }

    public void Fill(By by, string value)
    {
        var input = Find(by);
        input.Clear();
        input.SendKeys(value);
    }

    /// <summary>
    /// Clicks through JavaScript: headless layouts put sticky headers and notification bars over buttons.
    /// </summary>
    public void Click(IWebElement element)
    {
        Driver.ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try
        {
            element.Click();
        }
        catch (WebDriverException exception) when (exception is ElementClickInterceptedException or ElementNotInteractableException)
        {
            Driver.ExecuteScript("arguments[0].click();", element);
        }
    }

    public void Click(By by) => Click(Find(by));

    public string Cookie(string name) => Driver.Manage().Cookies.GetCookieNamed(name)?.Value;

    public string PageSource => Driver.PageSource;

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        catch (WebDriverException)
        {
        }

        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private WebDriverWait Wait(TimeSpan timeout)
    {
        var wait = new WebDriverWait(Driver, timeout) { PollingInterval = TimeSpan.FromMilliseconds(250) };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        return wait;
    }
}
