namespace Smartnumbers.Functions.Notifications;

/// <summary>The data of a divertCapReached notification.</summary>
public sealed record DivertCapData(string Number, int MaxDivertsPerHour, DateTimeOffset HourStart);
