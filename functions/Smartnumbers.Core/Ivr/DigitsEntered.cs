using System.Text;

namespace Smartnumbers.Core.Ivr;

/// <summary>
/// Keys the caller pressed for one prompt (0–9, *, #), as the carrier reported them; empty when nothing was pressed
/// before the timeout. The keys may be a PIN, so they never appear in <see cref="object.ToString"/>.
/// </summary>
public sealed record DigitsEntered(string Keys) : IvrInput
{
    public static DigitsEntered None { get; } = new(string.Empty);

    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Length = ").Append(Keys.Length);
        return true;
    }
}
