using System.Text.Json;
using TaceCds.Fhir.Client;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Requests;

/// <summary>
/// Checks a service request against CDS Hooks 2.0.1 §"HTTP Request" and the hook's context table; the first problem
/// is thrown as a 400 <see cref="CdsProblem"/> naming the member. Unknown members and <c>extension</c> contents are
/// tolerated; <c>prefetch</c> keys the service did not ask for are checked for shape only.
/// </summary>
public static class CdsRequestReader
{
    public static CdsRequest Read(JsonElement root, CdsServiceDefinition service)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw CdsProblem.BadRequest(CdsErrorCodes.NotAnObject, "$", "the request body must be a JSON object", "structure");
        var hook = RequiredString(root, "hook", "hook");
        if (hook != service.Hook)
            throw CdsProblem.BadRequest(CdsErrorCodes.HookMismatch, "hook", $"service '{service.Id}' is called on hook '{service.Hook}', not '{hook}'");
        var hookInstance = RequiredString(root, "hookInstance", "hookInstance");
        var server = ReadServer(root);
        if (!root.TryGetProperty("context", out var context))
            throw CdsProblem.BadRequest(CdsErrorCodes.MissingField, "context", "the request has no context", "required");
        if (context.ValueKind != JsonValueKind.Object)
            throw CdsProblem.BadRequest(CdsErrorCodes.WrongType, "context", "context must be a JSON object", "structure");
        foreach (var field in HookDefinitions.ContextOf(hook)) CheckContextField(context, field);
        if (root.TryGetProperty("extension", out var extension) && extension.ValueKind != JsonValueKind.Object)
            throw CdsProblem.BadRequest(CdsErrorCodes.WrongType, "extension", "extension must be a JSON object", "structure");
        return new CdsRequest
        {
            Hook = hook,
            HookInstance = hookInstance,
            FhirServer = server,
            Context = context,
            Prefetch = ReadPrefetch(root),
        };
    }

    private static FhirServerAccess? ReadServer(JsonElement root)
    {
        var hasServer = root.TryGetProperty("fhirServer", out var serverJson);
        var hasAuth = root.TryGetProperty("fhirAuthorization", out var auth) && auth.ValueKind != JsonValueKind.Null;
        if (hasAuth && !hasServer)
            throw CdsProblem.BadRequest(CdsErrorCodes.AuthorizationWithoutServer, "fhirAuthorization",
                "fhirAuthorization is present but fhirServer is not (CDS Hooks 2.0.1: fhirServer is required with fhirAuthorization)", "required");
        if (!hasServer) return null;
        if (serverJson.ValueKind != JsonValueKind.String || !Uri.TryCreate(serverJson.GetString(), UriKind.Absolute, out var url) ||
            (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw CdsProblem.BadRequest(CdsErrorCodes.InvalidServerUrl, "fhirServer", "fhirServer must be an absolute http(s) URL");
        string? token = null;
        if (hasAuth)
        {
            if (auth.ValueKind != JsonValueKind.Object)
                throw CdsProblem.BadRequest(CdsErrorCodes.WrongType, "fhirAuthorization", "fhirAuthorization must be a JSON object", "structure");
            token = RequiredString(auth, "access_token", "fhirAuthorization.access_token");
            var type = RequiredString(auth, "token_type", "fhirAuthorization.token_type");
            if (!string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase))
                throw CdsProblem.BadRequest(CdsErrorCodes.AuthorizationWithoutServer, "fhirAuthorization.token_type", "token_type must be 'Bearer'");
        }
        // Named by the request: public addresses only until FhirServerPolicy allows more for this caller.
        return new FhirServerAccess(url, token, AddressPolicy.PublicOnly);
    }

    private static void CheckContextField(JsonElement context, HookContextField field)
    {
        var path = "context." + field.Name;
        if (!context.TryGetProperty(field.Name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (field.Required) throw CdsProblem.BadRequest(CdsErrorCodes.MissingField, path, $"{path} is required by this hook", "required");
            return;
        }
        switch (field.Kind)
        {
            case ContextFieldKind.FhirId:
                var id = NonEmptyString(value, path);
                if (!FhirIds.Id().IsMatch(id))
                    throw CdsProblem.BadRequest(CdsErrorCodes.InvalidId, path, id.Contains('/')
                        ? $"{path} must be a bare FHIR id, not a reference (send '{id[(id.LastIndexOf('/') + 1)..]}', not '{Shorten(id)}')"
                        : $"{path} is not a valid FHIR id");
                break;
            case ContextFieldKind.Reference:
                var reference = NonEmptyString(value, path);
                if (!FhirIds.TypedReference().IsMatch(reference))
                    throw CdsProblem.BadRequest(CdsErrorCodes.InvalidReference, path, $"{path} must be a Type/id reference such as Practitioner/123");
                break;
            case ContextFieldKind.ReferenceArray:
                if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
                    throw CdsProblem.BadRequest(CdsErrorCodes.WrongType, path, $"{path} must be a non-empty array of Type/id strings", "structure");
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || !FhirIds.TypedReference().IsMatch(item.GetString()!))
                        throw CdsProblem.BadRequest(CdsErrorCodes.InvalidReference, $"{path}[{i}]", $"{path}[{i}] must be a Type/id reference such as ServiceRequest/123");
                    i++;
                }
                break;
            case ContextFieldKind.Bundle:
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("resourceType", out var rt) ||
                    rt.ValueKind != JsonValueKind.String || rt.GetString() != "Bundle")
                    throw CdsProblem.BadRequest(CdsErrorCodes.InvalidDraftOrders, path, $"{path} must be a FHIR Bundle object", "structure");
                if (value.TryGetProperty("entry", out var entries) && entries.ValueKind != JsonValueKind.Array)
                    throw CdsProblem.BadRequest(CdsErrorCodes.InvalidDraftOrders, path + ".entry", $"{path}.entry must be an array", "structure");
                break;
        }
    }

    private static Dictionary<string, JsonElement> ReadPrefetch(JsonElement root)
    {
        var prefetch = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!root.TryGetProperty("prefetch", out var json) || json.ValueKind == JsonValueKind.Null) return prefetch;
        if (json.ValueKind != JsonValueKind.Object)
            throw CdsProblem.BadRequest(CdsErrorCodes.WrongType, "prefetch", "prefetch must be a JSON object", "structure");
        foreach (var member in json.EnumerateObject())
        {
            var path = "prefetch." + member.Name;
            var value = member.Value;
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String)
            {
                prefetch[member.Name] = value;
                continue;
            }
            if (value.ValueKind == JsonValueKind.Null)
            {
                prefetch[member.Name] = value;
                continue;
            }
            var legacy = value.ValueKind == JsonValueKind.Object && (value.TryGetProperty("resource", out _) || value.TryGetProperty("response", out _));
            throw CdsProblem.BadRequest(CdsErrorCodes.InvalidPrefetch, path, legacy
                ? $"{path} uses the pre-1.0 {{response, resource}} envelope; CDS Hooks 2.0 prefetch values are the FHIR resource itself (or null)"
                : $"{path} must be a FHIR resource (an object with resourceType) or null", "structure");
        }
        return prefetch;
    }

    private static string RequiredString(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw CdsProblem.BadRequest(CdsErrorCodes.MissingField, path, $"{path} is required", "required");
        return NonEmptyString(value, path);
    }

    private static string NonEmptyString(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s
            : throw CdsProblem.BadRequest(CdsErrorCodes.WrongType, path, $"{path} must be a non-empty string", "structure");

    // Echo at most a short prefix of a client value: enough to recognise it, not a place to carry data into logs.
    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
