using System.Net;
using System.Text.Json;
using TaceCds.Dicom.Import;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Import;

public sealed class FhirTransactionSenderTests
{
    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }
        public string? Body { get; private set; }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content!.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult();
            return new HttpResponseMessage(status);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }

    private static readonly TaceCds.Fhir.Model.Bundle Bundle =
        DicomImporter.Import([GeneratedFixtures.Path("tace-measurements.dcm")], "p1", ConceptMap.Default).Bundle;

    [Fact]
    public void PostsTheTransactionToTheBaseUrlAsFhirJson()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK);
        var outcome = new FhirTransactionSender(handler).Send("http://fhir.example/base/", Bundle);
        Assert.True(outcome.Success);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(HttpMethod.Post, handler.Request!.Method);
        Assert.Equal("http://fhir.example/base", handler.Request.RequestUri!.ToString());
        Assert.Equal("application/fhir+json", handler.Request.Content!.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(handler.Body!);
        Assert.Equal("transaction", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(Bundle.Entry.Count, json.RootElement.GetProperty("entry").GetArrayLength());
    }

    [Fact]
    public void ARefusalIsReportedWithItsStatus()
    {
        var outcome = new FhirTransactionSender(new RecordingHandler(HttpStatusCode.UnprocessableEntity)).Send("http://fhir.example", Bundle);
        Assert.False(outcome.Success);
        Assert.Equal(422, outcome.StatusCode);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://fhir.example")]
    public void NonHttpUrlsAreRefusedWithoutSending(string url)
    {
        var handler = new RecordingHandler(HttpStatusCode.OK);
        var outcome = new FhirTransactionSender(handler).Send(url, Bundle);
        Assert.False(outcome.Success);
        Assert.Null(handler.Request);
    }

    [Fact]
    public void AnUnreachableServerIsAnOutcomeNotACrash()
    {
        // Port 9 (discard) on localhost: connection refused.
        var outcome = new FhirTransactionSender(timeout: TimeSpan.FromSeconds(5)).Send("http://127.0.0.1:9/fhir", Bundle);
        Assert.False(outcome.Success);
        Assert.Contains("not reachable", outcome.Message, StringComparison.Ordinal);
    }
}
