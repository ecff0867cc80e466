using Microsoft.Extensions.Logging;

namespace TaceCds.Service.Tests;

/// <summary>Every log message of every category, at every level, for asserting what must never be logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages { get { lock (_messages) return [.. _messages]; } }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._messages) owner._messages.Add($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
