/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command tables Patchcord's IOS is made of; ios-modules.c lists them in order. */
#pragma once

#include "ios-parser.h"

G_BEGIN_DECLS

/* cmd-base.c: modes, enable, hostname, banner, show running-config … */
extern const CordIosModule cord_ios_module_base;
/* cmd-line.c: line console 0, line vty, and (config-line). */
extern const CordIosModule cord_ios_module_line;

G_END_DECLS
