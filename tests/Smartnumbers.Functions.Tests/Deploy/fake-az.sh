#!/bin/sh
# A stand-in for the Azure CLI for the postdeploy hook tests. Logs every call to $FAKE_AZ_DIR/calls; Key Vault
# references stay unresolved for the first $FAKE_AZ_UNRESOLVED_CHECKS checks; restart leaves $FAKE_AZ_DIR/restarted.
echo "$*" >>"$FAKE_AZ_DIR/calls"
case "$1 $2" in
  "account show") echo "00000000-0000-0000-0000-000000000000" ;;
  "rest --method")
    n=$(($(cat "$FAKE_AZ_DIR/checks" 2>/dev/null || echo 0) + 1))
    echo "$n" >"$FAKE_AZ_DIR/checks"
    if [ "$n" -le "${FAKE_AZ_UNRESOLVED_CHECKS:-0}" ]; then printf 'Twilio__AuthToken\nAdmin__BootstrapKey\n'; fi ;;
  "functionapp restart") touch "$FAKE_AZ_DIR/restarted" ;;
  "deployment group") ;;
  *) echo "fake az: unexpected call: $*" >&2; exit 2 ;;
esac
