using Hangfire.Dashboard;
using Hangfire.States;
using Needling.SharedKernel.Security;

namespace Needling.Api.Jobs;

/// <summary>
/// The Hangfire dashboard for Admins, on the service's own bearer sign-in: no token is 401, another role 403
/// (Hangfire answers 401 or 403 from whether the user is authenticated). It shows everything and changes one
/// thing only: an Admin may retry a failed job. Deleting, enqueuing or triggering jobs by hand would bypass the
/// outbox's bookkeeping, so those are refused even when a request is crafted by hand.
/// </summary>
internal sealed class AdminOnlyDashboard : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Admin))
        {
            return false;
        }
        return context.Request.Method != "POST" || IsAllowedPost(context);
    }

    /// <summary>
    /// Buttons only on the pages where a failed job is retried, and the retry commands themselves (Hangfire answers
    /// 401 to any command while read-only); the filter above refuses the other commands on those pages.
    /// </summary>
    public static bool IsReadOnly(DashboardContext context) =>
        !(context.Request.Path.StartsWith("/jobs/failed", StringComparison.Ordinal)
          || context.Request.Path.StartsWith("/jobs/details/", StringComparison.Ordinal)
          || context.Request.Path.StartsWith(RetryOne, StringComparison.Ordinal));

    private const string RetryOne = "/jobs/actions/requeue/";

    private static bool IsAllowedPost(DashboardContext context)
    {
        var path = context.Request.Path;
        if (path == "/stats" || path == "/jobs/failed/requeue")
        {
            // The counters the pages poll (a POST, but a read), and "retry" on the list of failed jobs.
            return true;
        }
        if (path.StartsWith(RetryOne, StringComparison.Ordinal))
        {
            using var connection = context.Storage.GetConnection();
            var state = connection.GetStateData(path[RetryOne.Length..]);
            return state?.Name == FailedState.StateName;
        }
        return false;
    }
}
