namespace TaceCds.Store.Sql;

/// <summary>A numbered schema step. Numbers are dense from 1; a step, once released, is never edited — add a new one.</summary>
public sealed record Migration(int Version, string Name, string Sql);
