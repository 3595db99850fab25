/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests that patchcord-sim speaks German under a German locale, English under C, and keeps IOS English. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <gio/gio.h>

#include "test-util.h"
#include "test-run.h"

/* Runs patchcord-sim with @args (NULL-ended) under @german or the C locale,
 * with the catalogs of the build tree, feeding @input on stdin. */
static void
run_sim (Result     *r,
         gboolean    german,
         const char *input,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) in = g_bytes_new (input ? input : "", input ? strlen (input) : 0);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  const char *sim = g_getenv ("PATCHCORD_SIM");
  va_list args;
  const char *arg;

  ck_assert_msg (sim != NULL, "PATCHCORD_SIM must name the patchcord-sim binary");
  g_ptr_array_add (argv, (gpointer) sim);
  va_start (args, input);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "PATCHCORD_LOCALEDIR", BUILD_LOCALEDIR, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  if (german)
    {
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", "de", TRUE);
      g_subprocess_launcher_setenv (launcher, "LANG", "de_DE.UTF-8", TRUE);
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "de_DE.UTF-8", TRUE);
    }
  else
    {
      g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
      g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
    }
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  ck_assert_msg (proc != NULL, "%s", error ? error->message : "");
  ck_assert (g_subprocess_communicate (proc, in, NULL, &out, &err, &error));
  ck_assert_msg (g_subprocess_get_if_exited (proc), "patchcord-sim did not exit normally");
  r->status = g_subprocess_get_exit_status (proc);
  r->out = bytes_to_string (out);
  r->err = bytes_to_string (err);
}

static char *
sample_lab (void)
{
  return g_build_filename (TOP_SRCDIR, "data", "labs", "vlan-router-on-a-stick.pclab", NULL);
}

/* What the suite needs from the system and the build, checked with clear messages. */
START_TEST (test_catalog_and_locale_exist)
{
  g_autofree char *mo = g_build_filename (BUILD_LOCALEDIR, "de", "LC_MESSAGES", "patchcord.mo", NULL);
  const char *found;

  ck_assert_msg (g_file_test (mo, G_FILE_TEST_IS_REGULAR),
                 "%s is missing: the build compiles po/de.po into it", mo);
  found = setlocale (LC_ALL, "de_DE.UTF-8");
  ck_assert_msg (found != NULL, "the de_DE.UTF-8 locale is missing: install locales-all");
  setlocale (LC_ALL, "C.UTF-8");
}
END_TEST

START_TEST (test_lab_error_german)
{
  g_auto(Result) r = { 0 };
  g_autofree char *lab = cord_test_path ("labs/bad/duplicate-name.pclab");

  run_sim (&r, TRUE, NULL, lab, NULL);
  ck_assert_int_eq (r.status, 1);
  ck_assert_msg (strstr (r.err, "duplicate-name.pclab:4: Ein Gerät namens „R1“ existiert bereits; "
                                "wählen Sie einen anderen Namen\n") != NULL,
                 "stderr: %s", r.err);
  ck_assert_ptr_null (strstr (r.err, "already exists"));
}
END_TEST

START_TEST (test_lab_error_english)
{
  g_auto(Result) r = { 0 };
  g_autofree char *lab = cord_test_path ("labs/bad/duplicate-name.pclab");

  run_sim (&r, FALSE, NULL, lab, NULL);
  ck_assert_int_eq (r.status, 1);
  ck_assert_msg (strstr (r.err, "duplicate-name.pclab:4: A device called “R1” already exists; "
                                "choose another name\n") != NULL,
                 "stderr: %s", r.err);
}
END_TEST

START_TEST (test_future_version_german)
{
  g_auto(Result) r = { 0 };
  g_autofree char *lab = cord_test_path ("labs/bad/future-version.pclab");

  run_sim (&r, TRUE, NULL, "--check", lab, NULL);
  ck_assert_int_eq (r.status, 1);
  ck_assert_msg (strstr (r.err, "Aktualisieren Sie Patchcord, um es zu öffnen.") != NULL,
                 "stderr: %s", r.err);
}
END_TEST

START_TEST (test_summary_german)
{
  g_auto(Result) r = { 0 };
  g_autofree char *lab = sample_lab ();

  run_sim (&r, TRUE, NULL, "--check", lab, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_msg (strstr (r.out, ": gültig (10 Geräte, 9 Verbindungen)\n") != NULL, "stdout: %s", r.out);

  result_clear (&r);
  memset (&r, 0, sizeof r);
  run_sim (&r, FALSE, NULL, "--check", lab, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_msg (strstr (r.out, ": valid (10 devices, 9 links)\n") != NULL, "stdout: %s", r.out);
}
END_TEST

START_TEST (test_help_german)
{
  g_auto(Result) r = { 0 };

  run_sim (&r, TRUE, NULL, "--help", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_msg (strstr (r.out, "Skriptzeilen, die mit @ beginnen, sind Befehle an den Simulator:") != NULL,
                 "stdout: %s", r.out);
  ck_assert_msg (strstr (r.out, "Die Befehle in DATEI ausführen") != NULL, "stdout: %s", r.out);
}
END_TEST

/* Script errors are Patchcord's own words: translated. */
START_TEST (test_script_error_german)
{
  g_auto(Result) r = { 0 };
  g_autofree char *lab = sample_lab ();

  run_sim (&r, TRUE, "@nothere\n", "--lf", "--script", "-", lab, NULL);
  ck_assert_int_ne (r.status, 0);
  ck_assert_msg (strstr (r.err, "Zeile 1: „@nothere“ ist weder ein Befehl") != NULL, "stderr: %s", r.err);
}
END_TEST

/* What imitates Packet Tracer's Command Prompt stays English under German,
 * as it does in the real (English-only) Packet Tracer. */
START_TEST (test_console_stays_english)
{
  g_auto(Result) r = { 0 };
  g_autofree char *lab = sample_lab ();

  run_sim (&r, TRUE, "@PC0\nfoo\nping 1.2.3.4\n", "--lf", "--script", "-", lab, NULL);
  ck_assert_msg (r.status == 0, "exit %d, stderr: %s", r.status, r.err);
  ck_assert_msg (strstr (r.out, "Invalid Command.\n") != NULL, "stdout: %s", r.out);
  ck_assert_msg (strstr (r.out, "Pinging 1.2.3.4 with 32 bytes of data:\n") != NULL, "stdout: %s", r.out);
  ck_assert_msg (strstr (r.out, "Ping statistics for 1.2.3.4:\n") != NULL, "stdout: %s", r.out);
}
END_TEST

static Suite *
i18n_suite (void)
{
  Suite *suite = suite_create ("i18n");
  TCase *tc = tcase_create ("sim");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_catalog_and_locale_exist);
  tcase_add_test (tc, test_lab_error_german);
  tcase_add_test (tc, test_lab_error_english);
  tcase_add_test (tc, test_future_version_german);
  tcase_add_test (tc, test_summary_german);
  tcase_add_test (tc, test_help_german);
  tcase_add_test (tc, test_script_error_german);
  tcase_add_test (tc, test_console_stays_english);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return cord_test_run (i18n_suite ());
}
