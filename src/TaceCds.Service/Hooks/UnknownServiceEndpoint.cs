using TaceCds.Service.Errors;

namespace TaceCds.Service.Hooks;

/// <summary>Calls to a service id this service does not have: 404 with an OperationOutcome.</summary>
public static class UnknownServiceEndpoint
{
    public static IEndpointRouteBuilder MapUnknownServices(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cds-services/{id}", (string id) => OperationOutcomes.Result(new CdsProblem(StatusCodes.Status404NotFound,
            CdsErrorCodes.UnknownService, $"no CDS service '{Shorten(id)}'; GET /cds-services lists them", "id", "not-found")));
        app.MapFallback((HttpRequest request) => OperationOutcomes.Result(new CdsProblem(StatusCodes.Status404NotFound,
            CdsErrorCodes.NotFound, $"no endpoint for {request.Method} {Shorten(request.Path.Value ?? "")}", null, "not-found")));
        return app;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
