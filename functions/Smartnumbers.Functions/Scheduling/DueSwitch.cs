namespace Smartnumbers.Functions.Scheduling;

/// <summary>One row of the due index: a half of entry <see cref="EntryId"/> of <see cref="Account"/> is due.</summary>
internal sealed record DueSwitch(string RowKey, string Account, string EntryId);
