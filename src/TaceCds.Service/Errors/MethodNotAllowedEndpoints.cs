namespace TaceCds.Service.Errors;

/// <summary>
/// A known path called with a method it does not take (GET or PUT on a service, POST on discovery): 405 CDS205 with
/// <c>Allow</c>, as docs/configuration.md documents. Mapped explicitly because the catch-all 404 fallback would
/// otherwise win over the router's own 405.
/// </summary>
public static class MethodNotAllowedEndpoints
{
    private static readonly string[] AllButGet = ["POST", "PUT", "PATCH", "DELETE"];
    private static readonly string[] AllButPost = ["GET", "HEAD", "PUT", "PATCH", "DELETE"];

    public static IEndpointRouteBuilder MapMethodNotAllowed(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/cds-services", AllButGet, (HttpContext http) => Refuse(http, "GET"));
        app.MapMethods("/cds-services/{id}", AllButPost, (HttpContext http) => Refuse(http, "POST"));
        app.MapMethods("/cds-services/{id}/feedback", AllButPost, (HttpContext http) => Refuse(http, "POST"));
        app.MapMethods("/board/{patientId}", AllButGet, (HttpContext http) => Refuse(http, "GET"));
        return app;
    }

    private static IResult Refuse(HttpContext http, string allowed)
    {
        http.Response.Headers.Allow = allowed;
        return OperationOutcomes.Result(new CdsProblem(StatusCodes.Status405MethodNotAllowed, CdsErrorCodes.MethodNotAllowed,
            $"{http.Request.Method} is not allowed here; this endpoint takes {allowed}", null, "not-supported"));
    }
}
