namespace TaceCds.Service.Hooks;

/// <summary>
/// The hooks this service answers and their context fields, from the CDS Hooks library 1.0.1
/// (input/pagecontent/patient-view.md, order-select.md, order-sign.md). Unknown extra context fields are tolerated.
/// </summary>
public static class HookDefinitions
{
    public const string PatientView = "patient-view";
    public const string OrderSelect = "order-select";
    public const string OrderSign = "order-sign";

    private static readonly HookContextField UserId = new("userId", ContextFieldKind.Reference, true);
    private static readonly HookContextField PatientId = new("patientId", ContextFieldKind.FhirId, true);
    private static readonly HookContextField EncounterId = new("encounterId", ContextFieldKind.FhirId, false);
    private static readonly HookContextField DraftOrders = new("draftOrders", ContextFieldKind.Bundle, true);

    private static readonly Dictionary<string, IReadOnlyList<HookContextField>> Contexts = new(StringComparer.Ordinal)
    {
        [PatientView] = [UserId, PatientId, EncounterId],
        [OrderSelect] = [UserId, PatientId, EncounterId, new("selections", ContextFieldKind.ReferenceArray, true), DraftOrders],
        [OrderSign] = [UserId, PatientId, EncounterId, DraftOrders],
    };

    public static IReadOnlyList<HookContextField> ContextOf(string hook) =>
        Contexts.TryGetValue(hook, out var fields) ? fields : throw new ArgumentException($"unknown hook '{hook}'", nameof(hook));
}
