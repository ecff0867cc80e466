using System.Text.Json;
using TaceCds.Clinical.Facts;
using TaceCds.Fhir.Client;
using TaceCds.Fhir.Data;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;
using TaceCds.Service.Hosting;
using TaceCds.Service.Requests;

namespace TaceCds.Service.Prefetch;

/// <summary>
/// Gathers the patient's data for one call, key by key (CDS Hooks 2.0.1 §"Prefetch"): prefetched data is used as sent,
/// a null key means "no data", and a missing key — or one holding an OperationOutcome error — is read from the
/// request's <c>fhirServer</c> (with its bearer token), else from the configured FHIR server, else from the local data
/// source. When none exists the call is refused with 412. Templates are the service's own with the site's
/// <see cref="PrefetchOverrides"/> in place, as discovery announces them.
/// </summary>
public sealed class PatientDataAssembler(FhirRestClient client, ServiceSettings settings, LocalDataSource localData, PrefetchOverrides overrides)
{
    private readonly FhirServerAccess? _configuredServer = settings.FhirServerBaseUrl is { } url ? new FhirServerAccess(url, settings.FhirServerBearerToken) : null;

    public async Task<PatientData> GatherAsync(CdsServiceDefinition service, CdsRequest request, CancellationToken ct)
    {
        var resources = new List<Resource>();
        var issues = new List<DataIssue>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var toFetch = new List<KeyValuePair<string, string>>();
        var server = request.FhirServer ?? _configuredServer;
        foreach (var (key, template) in overrides.For(service))
        {
            switch (PrefetchValues.Classify(request.Prefetch, key))
            {
                case PrefetchState.Provided:
                    var next = PrefetchValues.Read(key, request.Prefetch[key], resources, issues);
                    sources[key] = "prefetch";
                    if (next is not null) await FollowNextAsync(key, next, server, resources, issues, ct);
                    break;
                case PrefetchState.NoData:
                    sources[key] = "prefetch (null: no data)";
                    break;
                default:
                    toFetch.Add(new(key, template));
                    break;
            }
        }
        if (toFetch.Count > 0)
        {
            if (server is not null) await FetchFromServerAsync(server, toFetch, request, resources, issues, sources, ct);
            else if (localData.Source is { } local) await FetchFromLocalAsync(local, toFetch, request, resources, issues, sources, ct);
            else
                throw new CdsProblem(StatusCodes.Status412PreconditionFailed, CdsErrorCodes.DataUnavailable,
                    $"prefetch {string.Join(", ", toFetch.Select(k => $"'{k.Key}'"))} was not provided (or held an OperationOutcome) and the request has no fhirServer to read it from",
                    "prefetch." + toFetch[0].Key, "required");
        }
        // The same resource under two keys, or on a prefetch page and a server page, is passed on as found: the fact
        // extractor counts identical copies once and refuses to choose between copies that differ.
        var patient = resources.OfType<Patient>().FirstOrDefault(p => p.Id == request.PatientId) ?? FromContext(request, sources, issues)
            ?? throw UnknownPatient(resources, sources);
        return new PatientData(patient, resources, issues, sources);
    }

    /// <summary>
    /// No source knows the patient (no Patient resource from prefetch, FHIR server or local data): 412 CDS303, never
    /// <c>{"cards": []}</c>, which says "evaluated, nothing to say" (issue 18 point 5; docs/configuration.md "Unknown
    /// patients"). The text names where each key was looked for, never the patient id.
    /// </summary>
    private static CdsProblem UnknownPatient(List<Resource> resources, Dictionary<string, string> sources)
    {
        var where = string.Join("; ", sources.Select(s => $"{s.Key}: {s.Value}"));
        var what = resources.Count == 0
            ? "the data sources do not know this patient: no Patient resource and no other data"
            : $"no Patient resource for this patient ({resources.Count} other resource{(resources.Count == 1 ? "" : "s")} found); nothing is evaluated without it";
        return new CdsProblem(StatusCodes.Status412PreconditionFailed, CdsErrorCodes.PatientUnknown, $"{what} ({where})", "context.patientId", "not-found");
    }

    /// <summary>
    /// The prefetched Patient could not be read at all (e.g. a malformed <c>id</c>): one bad element must not make the
    /// service answer nothing for the patient (issue 11 point 8). The request's <c>context.patientId</c> names the patient,
    /// so the record is evaluated under it, without the Patient's own elements (age, sex are unknown), and a data issue
    /// says so. Without a provided-but-unreadable Patient there is nothing to recover: no Patient stays no Patient.
    /// </summary>
    private static Patient? FromContext(CdsRequest request, IReadOnlyDictionary<string, string> sources, List<DataIssue> issues)
    {
        var unreadable = issues.Any(i => i.Severity == DataIssue.Error && i.Message.StartsWith("prefetch.patient", StringComparison.Ordinal));
        if (!unreadable || !sources.ContainsKey("patient") || request.PatientId is not { Length: > 0 } id) return null;
        issues.Add(new DataIssue(Clinical.Facts.DataIssueCodes.PatientFromContext, $"Patient/{id}",
            $"the prefetched Patient could not be read (see the error above): evaluated as Patient/{id} from the hook context, without its demographics"));
        return new Patient { Id = id };
    }

    private async Task FetchFromServerAsync(FhirServerAccess server, List<KeyValuePair<string, string>> keys, CdsRequest request,
        List<Resource> resources, List<DataIssue> issues, Dictionary<string, string> sources, CancellationToken ct)
    {
        var fetches = keys.Select(async k =>
        {
            var url = PrefetchTemplate.Fill(k.Value, request)
                ?? throw new CdsProblem(StatusCodes.Status412PreconditionFailed, CdsErrorCodes.DataUnavailable,
                    $"prefetch '{k.Key}' was not provided and its template cannot be filled from this request's context", "prefetch." + k.Key, "required");
            try
            {
                return (k.Key, Url: url, Result: await client.FetchAsync(server, url, ct));
            }
            catch (FhirClientException ex)
            {
                throw new CdsProblem(StatusCodes.Status412PreconditionFailed, CdsErrorCodes.FhirServerFailed,
                    $"prefetch '{k.Key}' was not provided and reading it from the FHIR server failed ({ex.Code}: {ex.Detail})", "prefetch." + k.Key, "exception");
            }
        }).ToList();
        foreach (var (key, url, result) in await Task.WhenAll(fetches))
        {
            resources.AddRange(result.Resources);
            issues.AddRange(FhirRestDataSource.Issues(result, url).Select(i => new DataIssue(i.Code, null, $"{i.Location}: {i.Message}", DataIssue.Error)));
            sources[key] = result.NotFound ? "fhirServer (not found)" : $"fhirServer ({result.Pages} page{(result.Pages == 1 ? "" : "s")})";
        }
    }

    private static async Task FetchFromLocalAsync(IFhirDataSource local, List<KeyValuePair<string, string>> keys, CdsRequest request,
        List<Resource> resources, List<DataIssue> issues, Dictionary<string, string> sources, CancellationToken ct)
    {
        var record = await local.GetPatientRecordAsync(request.PatientId, ct);
        foreach (var (key, template) in keys)
        {
            var type = PrefetchTemplate.ResourceType(template);
            if (record is not null) resources.AddRange(record.Resources.Where(r => r.ResourceType == type));
            sources[key] = record is null ? "local data (patient not found)" : "local data";
        }
        if (record is not null) issues.AddRange(record.Issues.Select(i => new DataIssue(i.Code, null, $"{i.Location}: {i.Message}", DataIssue.Error)));
    }

    // A paginated prefetch searchset: the rest is read from the server when there is one.
    private async Task FollowNextAsync(string key, string next, FhirServerAccess? server, List<Resource> resources, List<DataIssue> issues, CancellationToken ct)
    {
        if (server is null || !Uri.TryCreate(next, UriKind.Absolute, out var url) || !server.Contains(url))
        {
            issues.Add(new DataIssue("CDS310", null, $"prefetch.{key} has further pages that cannot be read (no fhirServer, or a link outside it); only the first page is used"));
            return;
        }
        try
        {
            var relative = server.BaseUrl.MakeRelativeUri(url).ToString();
            var rest = await client.FetchAsync(server, relative, ct);
            resources.AddRange(rest.Resources);
            // A resource on a later page that could not be read is reported, as on the first page.
            issues.AddRange(FhirRestDataSource.Issues(rest, relative).Select(i => new DataIssue(i.Code, null, $"{i.Location}: {i.Message}", DataIssue.Error)));
        }
        catch (FhirClientException ex)
        {
            throw new CdsProblem(StatusCodes.Status412PreconditionFailed, CdsErrorCodes.FhirServerFailed,
                $"prefetch '{key}' is paginated and reading its next page failed ({ex.Code}: {ex.Detail})", "prefetch." + key, "exception");
        }
    }
}
