using Azure;

namespace Smartnumbers.Functions.Storage;

/// <summary>Turns storage exceptions into one readable line (no stack traces, no secrets).</summary>
public static class StorageErrors
{
    public static string Describe(TableStore store, Exception ex)
    {
        var where = store.Endpoint.GetLeftPart(UriPartial.Authority);
        return ex switch
        {
            RequestFailedException { Status: 0 } => $"Table Storage at {where} is not reachable: {Innermost(ex).Message}",
            RequestFailedException r => $"Table Storage at {where} answered {r.Status} {r.ErrorCode}",
            _ => $"Table Storage at {where} is not reachable: {Innermost(ex).Message}",
        };
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
