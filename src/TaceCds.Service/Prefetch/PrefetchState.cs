namespace TaceCds.Service.Prefetch;

/// <summary>How one prefetch key arrived (CDS Hooks 2.0.1 §"Prefetch": absent = not done, null = no data).</summary>
public enum PrefetchState
{
    /// <summary>The client sent data for the key.</summary>
    Provided,
    /// <summary>The key's value was JSON null: the client has no data.</summary>
    NoData,
    /// <summary>The client did not send the key: the service must fetch it.</summary>
    Missing,
    /// <summary>The client sent an OperationOutcome (alone or in the Bundle) with an error: treated as missing.</summary>
    Failed,
}
