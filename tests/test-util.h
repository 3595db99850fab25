/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers the libcheck suites share: paths to fixtures and a suite runner. */
#pragma once

#include <check.h>
#include <glib.h>

/* Runs @suite and returns the process exit status meson test expects. */
static inline int
cord_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}

/* A path below tests/ in the source tree; the caller frees it. */
static inline char *
cord_test_path (const char *relative)
{
  return g_build_filename (TEST_SRCDIR, relative, NULL);
}
