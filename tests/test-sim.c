/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the patchcord-sim program itself: its options, exit codes and messages. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "test-util.h"
#include "test-run.h"

/* Runs patchcord-sim with @args (NULL-ended), feeding @input on stdin. */
static void
run_sim (Result      *r,
         const char  *input,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
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

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
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

START_TEST (test_check_good)
{
  g_auto(Result) r = { 0 };
  g_autofree char *lab = sample_lab ();

  run_sim (&r, NULL, "--check", lab, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "valid (10 devices, 9 links)"));
  ck_assert_str_eq (r.err, "");
}
END_TEST

START_TEST (test_check_bad)
{
  g_auto(Result) r = { 0 };
  g_autofree char *lab = cord_test_path ("labs/bad/unknown-port.pclab");
  g_autofree char *expected = g_strdup_printf ("%s:6: R1 (1841) has no port “FastEthernet9/9”\n", lab);

  run_sim (&r, NULL, "--check", lab, NULL);
  ck_assert_int_eq (r.status, 1);
  ck_assert_str_eq (r.err, expected);
  ck_assert_str_eq (r.out, "");
}
END_TEST

START_TEST (test_usage_errors)
{
  g_auto(Result) a = { 0 };
  g_auto(Result) b = { 0 };
  g_auto(Result) c = { 0 };

  run_sim (&a, NULL, "--no-such-option", NULL);
  ck_assert_int_eq (a.status, 2);
  ck_assert_ptr_nonnull (strstr (a.err, "--help"));
  run_sim (&b, NULL, "--check", NULL);
  ck_assert_int_eq (b.status, 2);
  ck_assert_ptr_nonnull (strstr (b.err, "--check needs a lab file"));
  run_sim (&c, NULL, "a.pclab", "b.pclab", NULL);
  ck_assert_int_eq (c.status, 2);
}
END_TEST

START_TEST (test_script_and_save)
{
  g_auto(Result) r = { 0 };
  g_auto(Result) check = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cord-sim-XXXXXX", &error);
  g_autofree char *out = g_build_filename (dir, "out.pclab", NULL);
  g_autofree char *saved = NULL;

  run_sim (&r, "@add 2960-24TT S1 10 20\n@add PC-PT PC0\n@link S1 fa0/1 PC0 fa0\n"
               "@power S1 off\n@sleep 2\n", "--script", "-", "--save", out, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert (g_file_get_contents (out, &saved, NULL, NULL));
  ck_assert_ptr_nonnull (strstr (saved, "<device name=\"S1\" model=\"2960-24TT\" x=\"10\" y=\"20\" power=\"off\""));
  ck_assert_ptr_nonnull (strstr (saved, "<end device=\"PC0\" port=\"FastEthernet0\"/>"));
  run_sim (&check, NULL, "--check", out, NULL);
  ck_assert_int_eq (check.status, 0);
  g_unlink (out);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_script_error_stops)
{
  g_auto(Result) r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cord-sim-XXXXXX", &error);
  g_autofree char *out = g_build_filename (dir, "out.pclab", NULL);

  run_sim (&r, "@add 1841 R1\n@add 1841 R2\n@link R1 fa0/0 R2 fa0/9\n@add 1841 R3\n",
           "--script", "-", "--save", out, NULL);
  ck_assert_int_eq (r.status, 1);
  ck_assert_str_eq (r.err, "<stdin>: line 3: R2 (1841) has no port “fa0/9”\n");
  /* Nothing is saved after a failed script. */
  ck_assert (!g_file_test (out, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}
END_TEST

START_TEST (test_typing_into_consoles)
{
  g_auto(Result) r = { 0 };

  /* What the selected console prints goes to standard output as is. */
  run_sim (&r, "@add 1841 R1\n@R1\nno\n@press return\nenable\n", "--script", "-", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.err, "");
  ck_assert (g_str_has_prefix (r.out, "no\r\n\r\n\r\nPress RETURN to get started!\r\n"));
  ck_assert (g_str_has_suffix (r.out, "Router>enable\r\nRouter#"));
}
END_TEST

START_TEST (test_summary)
{
  g_auto(Result) r = { 0 };
  g_autofree char *lab = sample_lab ();

  run_sim (&r, NULL, lab, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "10 devices, 9 links, 0 notes"));
  ck_assert_ptr_nonnull (strstr (r.out, "R1 FastEthernet0/0 <-> S1 FastEthernet0/24"));
}
END_TEST

/* --render pictures the lab in the format its name asks for. */
START_TEST (test_render)
{
  static const char *const names[] = { "lab.png", "lab.svg", "lab.pdf" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cord-render-XXXXXX", &error);
  g_autofree char *lab = sample_lab ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(Result) r = { 0 };
      g_autofree char *out = g_build_filename (dir, names[i], NULL);
      g_autofree char *data = NULL;
      gsize len = 0;

      run_sim (&r, NULL, "--render", lab, out, NULL);
      ck_assert_msg (r.status == 0, "%s: %s", names[i], r.err);
      ck_assert_str_eq (r.err, "");
      ck_assert (g_file_get_contents (out, &data, &len, NULL));
      if (i == 0)
        {
          const guchar *b = (const guchar *) data;
          guint32 w, h;

          ck_assert_uint_ge (len, 24);
          ck_assert_mem_eq (b, "\x89PNG\r\n\x1a\n", 8);
          w = (guint32) b[16] << 24 | (guint32) b[17] << 16 | (guint32) b[18] << 8 | b[19];
          h = (guint32) b[20] << 24 | (guint32) b[21] << 16 | (guint32) b[22] << 8 | b[23];
          /* The sample's icon centres span x 120–680 and y 80–560; the
           * picture is at scale 1, plus icons, labels and a margin. */
          ck_assert_uint_ge (w, 560 + 48);
          ck_assert_uint_le (w, 560 + 300);
          ck_assert_uint_ge (h, 480 + 48);
          ck_assert_uint_le (h, 480 + 300);
        }
      else if (i == 1)
        ck_assert (g_str_has_prefix (data, "<?xml"));
      else
        ck_assert (g_str_has_prefix (data, "%PDF"));
      g_unlink (out);
    }
  g_rmdir (dir);
}
END_TEST

START_TEST (test_render_errors)
{
  g_auto(Result) format = { 0 };
  g_auto(Result) unwritable = { 0 };
  g_auto(Result) missing = { 0 };
  g_autofree char *lab = sample_lab ();

  run_sim (&format, NULL, "--render", lab, "lab.jpg", NULL);
  ck_assert_int_eq (format.status, 1);
  ck_assert_ptr_nonnull (strstr (format.err, ".png, .svg or .pdf"));
  run_sim (&unwritable, NULL, "--render", lab, "/nonexistent-dir/lab.png", NULL);
  ck_assert_int_eq (unwritable.status, 1);
  ck_assert_ptr_nonnull (strstr (unwritable.err, "choose a folder you can write to"));
  run_sim (&missing, NULL, "--render", lab, NULL);
  ck_assert_int_eq (missing.status, 2);
  ck_assert_ptr_nonnull (strstr (missing.err, "--render needs a lab file and a picture file"));
}
END_TEST

static Suite *
sim_suite (void)
{
  Suite *suite = suite_create ("sim");
  TCase *tc = tcase_create ("cli");

  tcase_add_test (tc, test_check_good);
  tcase_add_test (tc, test_check_bad);
  tcase_add_test (tc, test_usage_errors);
  tcase_add_test (tc, test_script_and_save);
  tcase_add_test (tc, test_script_error_stops);
  tcase_add_test (tc, test_typing_into_consoles);
  tcase_add_test (tc, test_summary);
  tcase_add_test (tc, test_render);
  tcase_add_test (tc, test_render_errors);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return cord_test_run (sim_suite ());
}
