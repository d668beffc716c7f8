using System.Globalization;

namespace Smartnumbers.Core.Ivr;

/// <summary>Every sentence the dial-in line speaks (British English, for the carrier's text-to-speech).</summary>
internal static class IvrPhrases
{
    public const string Welcome = "Welcome to the Smartnumbers control line.";
    public const string EnterStaffId = "Please enter your staff ID, followed by the hash key.";
    public const string EnterPin = "Please enter your PIN, followed by the hash key.";
    public const string NotValid = "Sorry, that entry was not valid.";
    public const string NothingEntered = "Sorry, we did not receive an entry.";
    public const string NotRecognised = "That staff ID and PIN were not recognised.";
    public const string TooManyAttempts = "Sorry, we could not complete your request.";
    public const string LockedOut = "Too many incorrect PINs have been entered. This line is locked for now; please try again later.";
    public const string Goodbye = "Goodbye.";
    public const string NotPermitted = "Sorry, that option is not permitted for you.";
    public const string AccessRemoved = "Sorry, your access to this line has been removed.";
    public const string NoActivePlan = "No dial plan is active.";
    public const string OptionsPlans = "To activate a loaded dial plan, press its slot number, 1 to 5. To deactivate dial plans and return to normal routing, press 0.";
    public const string OptionOverride = "To have calls to your number ring the phone you are calling from, press 8.";
    public const string OptionCancel = "To cancel your override, press 9.";
    public const string OptionsEnd = "To hear these options again, press star. When you have finished, press hash.";
    public const string WithheldNoOverride = "You are calling from a withheld or unrecognised number, so calls cannot be sent to this phone.";
    public const string NoOwnNumbers = "You have no numbers that can be sent to another phone.";
    public const string ExpiryChoices = "Calls to your number will ring the phone you are calling from. For one hour, press 1. Until midnight tonight, press 2. Until you cancel it, press 3. To return to the menu, press star.";
    public const string Deactivated = "Dial plans are now inactive. Calls follow their normal routes.";
    public const string NothingToDeactivate = "No dial plan was active. Calls follow their normal routes.";
    public const string OverrideCancelled = "Your override is cancelled. Calls to your number ring as normal.";
    public const string NoOverrideToCancel = "You had no override to cancel.";
    public const string ChangeFailed = "Sorry, the change could not be made, and nothing was changed. Please try again.";
    public const string Interrupted = "Sorry, something went wrong, and we could not confirm your last request. Please check before trying again.";
    public const string SessionEnded = "Sorry, this session has ended. Please call again.";
    public const string Unavailable = "Sorry, the control line is not available at the moment. Please try again later.";
    public const string PlansChanged = "The loaded plans have changed, and nothing was changed.";

    public static string Hello(string name) => $"Hello {name}.";

    public static string Active(string name) => $"Plan {name} is active.";

    public static string Loaded(int slot, string name) => $"Slot {Num(slot)}: {name}.";

    public static string EmptySlot(int slot) => $"There is no plan loaded in slot {Num(slot)}.";

    public static string AlreadyActive(string name) => $"Plan {name} is already active.";

    public static string Confirm(int slot, string name) =>
        $"Slot {Num(slot)} holds plan {name}. To activate it, press 1. To return to the menu, press star.";

    public static string NowActive(string name) => $"Plan {name} is now active.";

    public static string NoLongerLoaded(int slot, string name) =>
        $"Plan {name} is no longer loaded in slot {Num(slot)}, and nothing was changed.";

    public static string OverrideSet(string until) => $"Calls to your number now ring the phone you are calling from {until}.";

    public static string For(OverrideExpiry expiry, DateTimeOffset? expiresAtLocal) => expiry switch
    {
        OverrideExpiry.OneHour => $"for one hour, until {Clock(expiresAtLocal)}",
        OverrideExpiry.EndOfToday => "until midnight tonight",
        _ => "until you cancel it",
    };

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Clock(DateTimeOffset? at) => at?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? string.Empty;
}
