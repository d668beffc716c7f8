namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>Where an answered call is in its route.</summary>
public enum AcsCallPhase
{
    /// <summary>Answer sent; waiting for CallConnected.</summary>
    Answering,
    /// <summary>Playing the route's announcement.</summary>
    Announcing,
    /// <summary>The current step's destinations are being invited.</summary>
    Ringing,
    /// <summary>A destination answered; we only watch for the end.</summary>
    Connected,
    /// <summary>Every step failed: playing the closing announcement before hanging up.</summary>
    Closing,
    /// <summary>Hung up or disconnected.</summary>
    Ended,
}
