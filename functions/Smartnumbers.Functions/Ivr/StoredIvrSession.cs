using Azure;
using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Functions.Ivr;

/// <summary>A session as read from storage, with the ETag that guards its next write.</summary>
public sealed record StoredIvrSession(IvrCall Call, IvrSession Session, ETag ETag);
