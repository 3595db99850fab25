/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Types the show commands and the command tables whose state they read share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The show commands read other modules' state only through getters those
 * modules export: cmd-interface.h (VLAN interfaces, description, speed,
 * duplex) and ios-modules.h (the clock and the time of the last boot).
 * What they share is declared here. */

/* What `duplex` sets. */
typedef enum {
  CORD_IOS_DUPLEX_AUTO,
  CORD_IOS_DUPLEX_FULL,
  CORD_IOS_DUPLEX_HALF,
} CordIosDuplex;

G_END_DECLS
