using Hangfire.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Needling.Api.Jobs;

/// <summary>
/// Hangfire's logs into the host's logging. Hangfire keeps its log provider in static state, so in a process that
/// has started and stopped hosts (the tests) it may point at a stopped host's logger factory: then it logs nothing
/// rather than throwing ObjectDisposedException from inside Hangfire's own constructors.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new HostLog(factory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new HostLog(null);
        }
    }

    private sealed class HostLog(ILogger? logger) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (logger is null)
            {
                return false;
            }
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => LogLevel.Trace,
                HangfireLogLevel.Debug => LogLevel.Debug,
                HangfireLogLevel.Info => LogLevel.Information,
                HangfireLogLevel.Warn => LogLevel.Warning,
                HangfireLogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            try
            {
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }
                if (logger.IsEnabled(level))
                {
#pragma warning disable CA2254 // Hangfire's messages are already formatted text, not templates.
                    logger.Log(level, 0, exception, messageFunc());
#pragma warning restore CA2254
                }
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
