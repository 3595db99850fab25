/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers the suites that drive device consoles share, without GTK: running a console until it can take a command. */
#pragma once

#include <check.h>

#include "ios-console.h"

/* Runs the engine until @console can take a command, for at most two
 * minutes of virtual time, and fails saying why when it stays busy. */
static inline void
cord_test_console_run_idle (CordConsole *console)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_console_run_until_idle (console, 120 * CORD_ENGINE_NS_PER_SEC, &error),
                 "the console stays busy: %s", error != NULL ? error->message : "no error given");
}
