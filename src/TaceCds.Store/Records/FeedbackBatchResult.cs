namespace TaceCds.Store.Records;

/// <summary>How a feedback batch landed: newly stored, and already known (idempotent resend).</summary>
public sealed record FeedbackBatchResult(int Stored, int Duplicates);
