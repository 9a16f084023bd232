# AppArmor profile for the installed app (Ubuntu 23.10+, AppArmor 4). With
# kernel.apparmor_restrict_unprivileged_userns=1 only profiled programs may create
# the user namespaces Chromium's sandbox runs in; this grants exactly that to our
# binary and confines nothing else (unconfined), so the sandbox stays on.
# Installed to /etc/apparmor.d/${executable} by after-install.tpl; removed with the package.
abi <abi/4.0>,
include <tunables/global>

profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {
  userns,

  # Site-specific additions and overrides. See local/README for details.
  include if exists <local/${executable}>
}
