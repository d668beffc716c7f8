namespace Smartnumbers.ModelEval;

/// <summary>What kind of caller made a call of the evaluation set; the first six are genuine, the rest fraud.</summary>
public enum CallPattern
{
    /// <summary>A customer on a UK mobile (some roam abroad).</summary>
    GenuineMobile,
    /// <summary>A customer on a UK geographic landline.</summary>
    GenuineLandline,
    /// <summary>A customer on a foreign number, calling from that country.</summary>
    GenuineInternational,
    /// <summary>A customer who withholds their number.</summary>
    GenuineWithheld,
    /// <summary>A business calling from a non-geographic 03 or freephone number.</summary>
    GenuineBusiness,
    /// <summary>A customer of the US branch, with a STIR/SHAKEN verdict.</summary>
    GenuineUsCustomer,
    /// <summary>The caller presents the called number, another number of the account, or a neighbour in its block.</summary>
    SpoofedOwnNumber,
    /// <summary>A call to the US number with STIR/SHAKEN gateway attestation (C), failed or no validation.</summary>
    StirUnverified,
    /// <summary>A caller on a UK VoIP range (056) or a SIP URI entering through a SIP interconnect.</summary>
    VoipRange,
    /// <summary>A UK premium or revenue-share CLI, or an origin in a high-cost international range.</summary>
    PremiumOrHighCost,
    /// <summary>One caller ringing again and again within minutes (withheld bursts included).</summary>
    Burst,
    /// <summary>A campaign cycling through consecutive caller IDs, each ringing once or twice.</summary>
    SequentialIds,
}
