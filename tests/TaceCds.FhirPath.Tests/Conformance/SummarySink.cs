using Xunit.Abstractions;
using Xunit.Sdk;

namespace TaceCds.FhirPath.Tests.Conformance;

/// <summary>
/// Gives tests xUnit's diagnostic message sink so a summary line reaches the `dotnet test` console even at minimal
/// verbosity (xunit.runner.json enables diagnosticMessages).
/// </summary>
public sealed class SummarySink(IMessageSink sink)
{
    public void Write(string line) => sink.OnMessage(new DiagnosticMessage(line));
}
