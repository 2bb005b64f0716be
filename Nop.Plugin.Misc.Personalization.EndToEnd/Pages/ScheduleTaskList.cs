using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// Admin → System → Schedule tasks (nopCommerce 4.90.6 Areas/Admin/Views/ScheduleTask/List.cshtml): each row has a
/// "Run now" link to ~/Admin/ScheduleTask/RunNow/{id}, which runs the task and comes back to the list with a notification.
/// </summary>
public static class ScheduleTaskList
{
    public static string RunNow(AdminSession admin, int taskId)
    {
        var browser = admin.Browser;
        browser.Open("Admin/ScheduleTask/List");
        var link = browser.WaitFor(driver => driver.FindElements(By.CssSelector($"a[href$='/Admin/ScheduleTask/RunNow/{taskId}']")).FirstOrDefault(),
            $"the Run now link of schedule task {taskId}", TimeSpan.FromSeconds(60));
        browser.Click(link);
        browser.WaitFor(driver => driver.Url.Contains("/ScheduleTask/List", StringComparison.OrdinalIgnoreCase)
                && driver.FindElements(By.CssSelector(".alert-success, .alert-danger")).Count > 0,
            $"the schedule task list after running task {taskId}", TimeSpan.FromSeconds(120));
        return admin.Notifications();
    }
}
