/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Port names as people type them: IOS abbreviations such as fa0/1 and Gi0/1. */
#pragma once

#include "topology.h"

G_BEGIN_DECLS

/* Finds the port @text names on @device: the full name in any case, or a
 * unique abbreviation of its type followed by its number ("fa0/1",
 * "Gi 0/2", "s0/0/0"). "RS232" stands for the PC's "RS 232" port. */
CordPort *cord_ifname_lookup (CordDevice  *device,
                              const char  *text,
                              GError     **error);

G_END_DECLS
