namespace Smartnumbers.Functions.Admin;

/// <summary>POST …/plans/{plan}:load body (optional): the slot (1–5); omitted, the first free slot.</summary>
public sealed record LoadRequest
{
    public int? Slot { get; init; }
}
