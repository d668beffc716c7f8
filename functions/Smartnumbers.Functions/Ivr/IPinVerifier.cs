namespace Smartnumbers.Functions.Ivr;

/// <summary>Checks a keyed-in PIN against a staff record's stored hash (<see cref="Core.Configuration.StaffMember.PinHash"/>).</summary>
public interface IPinVerifier
{
    /// <summary>True when <paramref name="pin"/> matches <paramref name="pinHash"/>; false for a mismatch or a hash it cannot read.</summary>
    bool Verify(string pin, string pinHash);

    /// <summary>Spends about the time of one <see cref="Verify"/>, so an unknown staff id answers as slowly as a wrong PIN.</summary>
    void Waste(string pin);
}
