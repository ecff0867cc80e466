using System.Text.Json.Nodes;
using TaceCds.Service.Errors;

namespace TaceCds.Service.Hosting;

/// <summary>
/// Every error leaves as an <c>application/json</c> OperationOutcome: refused requests (<see cref="CdsProblem"/>) with
/// their status, body-less statuses (405, Kestrel's 413…) filled in, and service faults as 500 without details.
/// </summary>
public static class ErrorHandling
{
    public static WebApplication UseCdsErrors(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TaceCds.Service.Errors");
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (CdsProblem problem) when (!context.Response.HasStarted)
            {
                log.LogInformation("refused {Method} {Path}: {Status} {Code} at {Field}", context.Request.Method, context.Request.Path, problem.Status, problem.Code, problem.Field);
                await OperationOutcomes.Result(problem).ExecuteAsync(context);
            }
            catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
            {
                var code = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? CdsErrorCodes.TooLarge : CdsErrorCodes.MalformedJson;
                await OperationOutcomes.Result(new CdsProblem(bad.StatusCode, code, "the request could not be read", null, "structure")).ExecuteAsync(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away; nothing to answer.
            }
            catch (Exception ex) when (!context.Response.HasStarted)
            {
                // Type and stack only: messages may quote request content.
                log.LogError("fault in {Method} {Path}: {Type}\n{Stack}", context.Request.Method, context.Request.Path, ex.GetType().FullName, ex.StackTrace);
                await OperationOutcomes.Result(StatusCodes.Status500InternalServerError,
                    OperationOutcomes.Single(CdsErrorCodes.Internal, "the service failed; the fault is logged", null, "exception")).ExecuteAsync(context);
            }
        });
        app.UseStatusCodePages(async status =>
        {
            var response = status.HttpContext.Response;
            var code = response.StatusCode switch
            {
                StatusCodes.Status405MethodNotAllowed => CdsErrorCodes.MethodNotAllowed,
                StatusCodes.Status413PayloadTooLarge => CdsErrorCodes.TooLarge,
                StatusCodes.Status415UnsupportedMediaType => CdsErrorCodes.UnsupportedMediaType,
                StatusCodes.Status404NotFound => CdsErrorCodes.NotFound,
                _ => CdsErrorCodes.Internal,
            };
            JsonObject outcome = OperationOutcomes.Single(code, $"HTTP {response.StatusCode}", null, "processing");
            await new CdsJsonResult(outcome, response.StatusCode).ExecuteAsync(status.HttpContext);
        });
        return app;
    }
}
