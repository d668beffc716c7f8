namespace Smartnumbers.Functions.Storage;

/// <summary>A table some area of the app needs; <see cref="StorageInitializer"/> creates every registered one after start.</summary>
public sealed record TableRegistration(string Name);
