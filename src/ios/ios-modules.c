/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The modules of the default command line, in the order their config writers run on ties. */
#include "config.h"

#include "ios-modules.h"
#include "ios-private.h"

/* To add a command table: write cmd-NAME.c with a CordIosModule, declare
 * it in ios-modules.h, list it here and in meson.build. */
static const CordIosModule *const default_modules[] = {
  &cord_ios_module_base,
  &cord_ios_module_line,
  &cord_ios_module_interface,
  &cord_ios_module_switching,
  &cord_ios_module_routing,
  &cord_ios_module_router,
  &cord_ios_module_dhcp,
  &cord_ios_module_exec,
  &cord_ios_module_show_system,
  &cord_ios_module_show_ip,
  &cord_ios_module_show_switching,
  NULL,
};

const CordIosModule *const *
_cord_ios_default_modules (void)
{
  return default_modules;
}
