/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for exec-timeout on con0: when an idle EXEC ends on virtual time, what stops the count, and what the console is left in. */
#include "config.h"

#include <string.h>

#include "ios-console.h"
#include "script.h"
#include "test-util.h"

#define SEC    CORD_ENGINE_NS_PER_SEC
#define MINUTE (60 * SEC)
#define DAY    (24 * 60 * MINUTE)

/* What IOS prints when the EXEC of a router named Router ends at its prompt. */
#define TIMED_OUT \
  "\r\n\r\n\r\nRouter con0 is now available\r\n\r\n\r\nPress RETURN to get started.\r\n\r\n"

/* A router R1 at its user EXEC prompt, and everything its console prints. */
typedef struct {
  CordEngine   *engine;
  CordTopology *topology;
  CordScript   *script;
  CordConsole  *console;
  GString      *printed;
} Lab;

static void
collect (CordConsole *console,
         const char  *data,
         gsize        len,
         gpointer     user_data)
{
  g_string_append_len (user_data, data, len);
}

#define lab_run(lab, text) lab_run_at (__LINE__, (lab), (text))

static void
lab_run_at (int         line,
            Lab        *lab,
            const char *text)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_script_run_stream (lab->script, input, "test", &error),
                 "line %d: %s", line, error ? error->message : "");
}

static Lab *
lab_new (const char *model)
{
  Lab *lab = g_new0 (Lab, 1);
  g_autofree char *setup = g_strdup_printf ("@add %s R1\n@R1\n", model);

  lab->engine = cord_engine_new ();
  lab->topology = cord_topology_new (cord_catalog_get_default ());
  lab->script = cord_script_new (lab->topology, lab->engine);
  lab->printed = g_string_new (NULL);
  lab_run (lab, setup);
  lab->console = cord_consoles_lookup (cord_script_get_consoles (lab->script),
                                       cord_topology_find_device (lab->topology, "R1"));
  cord_console_add_listener (lab->console, collect, lab->printed, NULL);
  return lab;
}

static void
lab_free (Lab *lab)
{
  cord_script_free (lab->script);
  g_object_unref (lab->topology);
  cord_engine_free (lab->engine);
  g_string_free (lab->printed, TRUE);
  g_free (lab);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lab, lab_free)

/* A router past its setup dialog, at Router#. */
static Lab *
router_new (void)
{
  Lab *lab = lab_new ("1841");

  lab_run (lab, "no\n@press return\nenable\n");
  g_string_truncate (lab->printed, 0);
  return lab;
}

static CordIosNodeId
lab_node (Lab *lab)
{
  return cord_ios_session_get_node (cord_console_get_session (lab->console));
}

/* Runs virtual time to @ns after @from and returns what was printed
 * meanwhile. */
static char *
lab_run_to (Lab     *lab,
            guint64  from,
            guint64  ns)
{
  gsize before = lab->printed->len;

  cord_engine_run_until (lab->engine, from + ns);
  return g_strdup (lab->printed->str + before);
}

static void
lab_type (Lab        *lab,
          const char *keys)
{
  cord_console_feed (lab->console, keys, strlen (keys));
}

/* 10 minutes after the last key, and not a nanosecond before, the EXEC
 * ends; RETURN starts a new one at user level. */
START_TEST (test_default)
{
  g_autoptr(Lab) lab = router_new ();
  guint64 start = cord_engine_now (lab->engine);
  g_autofree char *before = NULL;
  g_autofree char *at = NULL;
  g_autofree char *after = NULL;

  ck_assert_int_eq (lab_node (lab), CORD_IOS_NODE_ENABLE);
  before = lab_run_to (lab, start, 10 * MINUTE - 1);
  ck_assert_str_eq (before, "");
  ck_assert_int_eq (lab_node (lab), CORD_IOS_NODE_ENABLE);
  at = lab_run_to (lab, start, 10 * MINUTE);
  ck_assert_str_eq (at, TIMED_OUT);
  ck_assert (!cord_console_is_busy (lab->console));

  /* Waiting for RETURN, nothing counts any more. */
  after = lab_run_to (lab, start, 10 * MINUTE + DAY);
  ck_assert_str_eq (after, "");
  lab_run (lab, "@press return\n");
  ck_assert (g_str_has_suffix (lab->printed->str, TIMED_OUT "\r\nRouter>"));
  ck_assert_int_eq (lab_node (lab), CORD_IOS_NODE_USER);
}
END_TEST

/* exec-timeout 0 0, and 0 alone, are never. */
START_TEST (test_never)
{
  const char *settings[] = { "exec-timeout 0 0", "exec-timeout 0" };

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autoptr(Lab) lab = router_new ();
      g_autofree char *typed = g_strdup_printf ("configure terminal\nline console 0\n%s\nend\n", settings[i]);
      g_autofree char *later = NULL;

      lab_run (lab, typed);
      g_string_truncate (lab->printed, 0);
      later = lab_run_to (lab, cord_engine_now (lab->engine), DAY);
      ck_assert_msg (*later == '\0', "%s: %s", settings[i], later);
      ck_assert_int_eq (lab_node (lab), CORD_IOS_NODE_ENABLE);
    }
}
END_TEST

/* exec-timeout 1 30 is 90 seconds. */
START_TEST (test_minutes_and_seconds)
{
  g_autoptr(Lab) lab = router_new ();
  guint64 start;
  g_autofree char *before = NULL;
  g_autofree char *at = NULL;

  lab_run (lab, "configure terminal\nline console 0\nexec-timeout 1 30\nend\n");
  start = cord_engine_now (lab->engine);
  g_string_truncate (lab->printed, 0);
  before = lab_run_to (lab, start, 90 * SEC - 1);
  ck_assert_str_eq (before, "");
  at = lab_run_to (lab, start, 90 * SEC);
  ck_assert_str_eq (at, TIMED_OUT);
}
END_TEST

/* Every key counts from zero again, even one that only edits the line;
 * the line being typed is lost with the EXEC. */
START_TEST (test_key_restarts)
{
  g_autoptr(Lab) lab = router_new ();
  guint64 start = cord_engine_now (lab->engine);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *at = NULL;

  first = lab_run_to (lab, start, 9 * MINUTE);
  ck_assert_str_eq (first, "");
  lab_type (lab, "sh");
  second = lab_run_to (lab, start, 18 * MINUTE);
  ck_assert_str_eq (second, "");
  at = lab_run_to (lab, start, 19 * MINUTE);
  ck_assert_str_eq (at, TIMED_OUT);
  lab_run (lab, "@press return\n");
  ck_assert (g_str_has_suffix (lab->printed->str, "\r\nRouter>"));
}
END_TEST

/* A new setting counts from the next key: the count running goes on
 * with the setting it started with. */
START_TEST (test_new_setting_from_next_key)
{
  g_autoptr(Lab) lab = router_new ();
  g_autoptr(GError) error = NULL;
  guint64 start = cord_engine_now (lab->engine);
  g_autofree char *old = NULL;
  g_autofree char *at = NULL;

  /* The Config tab sets it: no key reaches the console. */
  ck_assert (cord_console_configure (lab->console, "line console 0\nexec-timeout 0 30", &error));
  old = lab_run_to (lab, start, 9 * MINUTE);
  ck_assert_str_eq (old, "");
  lab_type (lab, "\x01");
  start = cord_engine_now (lab->engine);
  at = lab_run_to (lab, start, 30 * SEC);
  ck_assert_str_eq (at, TIMED_OUT);
}
END_TEST

/* A ping that runs longer than the timeout is not cut: idle time counts
 * at the prompt, from the moment the ping gives it back. */
START_TEST (test_not_while_busy)
{
  g_autoptr(Lab) lab = router_new ();
  g_autoptr(GError) error = NULL;
  guint64 end;
  g_autofree char *before = NULL;
  g_autofree char *at = NULL;

  lab_run (lab, "configure terminal\nline console 0\nexec-timeout 0 3\nend\n");
  lab_type (lab, "ping 10.9.9.9\r");
  ck_assert (cord_console_is_busy (lab->console));
  ck_assert (cord_console_run_until_idle (lab->console, MINUTE, &error));
  end = cord_engine_now (lab->engine);
  ck_assert (g_str_has_suffix (lab->printed->str, ".....\r\nSuccess rate is 0 percent (0/5)\r\n\r\nRouter#"));
  ck_assert (strstr (lab->printed->str, "con0 is now available") == NULL);
  g_string_truncate (lab->printed, 0);
  before = lab_run_to (lab, end, 3 * SEC - 1);
  ck_assert_str_eq (before, "");
  at = lab_run_to (lab, end, 3 * SEC);
  ck_assert_str_eq (at, TIMED_OUT);
}
END_TEST

/* In configuration mode the timeout leaves it as `end` would, without a
 * word (PT, reference 7); what was configured stays. */
START_TEST (test_config_mode)
{
  g_autoptr(Lab) lab = router_new ();
  g_autofree char *config = NULL;

  lab_run (lab, "configure terminal\ninterface fa0/0\ndescription uplink\n");
  ck_assert_int_eq (lab_node (lab), CORD_IOS_NODE_INTERFACE);
  g_string_truncate (lab->printed, 0);
  cord_engine_run_for (lab->engine, 10 * MINUTE);
  ck_assert_str_eq (lab->printed->str, TIMED_OUT);
  ck_assert_int_eq (lab_node (lab), CORD_IOS_NODE_USER);
  config = cord_ios_cli_write_config (cord_ios_cli_get_default (),
                                      cord_ios_session_get_device (cord_console_get_session (lab->console)));
  ck_assert_ptr_nonnull (strstr (config, "interface FastEthernet0/0\n description uplink\n"));
  ck_assert (cord_console_config_modified (lab->console));
  lab_run (lab, "@press return\nenable\n");
  ck_assert_int_eq (lab_node (lab), CORD_IOS_NODE_ENABLE);
}
END_TEST

/* The login asked again after a timeout, as after `exit`. */
START_TEST (test_login_again)
{
  g_autoptr(Lab) lab = router_new ();

  lab_run (lab, "configure terminal\nline console 0\npassword cisco\nlogin\nend\n");
  g_string_truncate (lab->printed, 0);
  cord_engine_run_for (lab->engine, 10 * MINUTE);
  lab_run (lab, "@press return\n");
  ck_assert (g_str_has_suffix (lab->printed->str, "\r\nUser Access Verification\r\n\r\nPassword: "));
  /* The Password: question is idle time too. */
  g_string_truncate (lab->printed, 0);
  cord_engine_run_for (lab->engine, 10 * MINUTE);
  ck_assert_str_eq (lab->printed->str, TIMED_OUT);
  lab_run (lab, "@press return\ncisco\n");
  ck_assert (g_str_has_suffix (lab->printed->str, "Password: \r\nRouter>"));
}
END_TEST

/* Switched off, a device counts nothing; booted again, it waits for
 * RETURN with no count running. So does a reload. */
START_TEST (test_power_and_reload)
{
  g_autoptr(Lab) lab = router_new ();
  g_autoptr(GError) error = NULL;

  cord_engine_run_for (lab->engine, 5 * MINUTE);
  lab_run (lab, "@power R1 off\n");
  g_string_truncate (lab->printed, 0);
  cord_engine_run_for (lab->engine, DAY);
  ck_assert_str_eq (lab->printed->str, "");

  lab_run (lab, "@power R1 on\n");
  ck_assert (cord_console_run_until_idle (lab->console, CORD_CONSOLE_BOOT_NS, &error));
  g_string_truncate (lab->printed, 0);
  cord_engine_run_for (lab->engine, DAY);
  ck_assert_str_eq (lab->printed->str, "");

  lab_run (lab, "no\n@press return\nenable\nreload\n@press return\n");
  ck_assert (cord_console_run_until_idle (lab->console, CORD_CONSOLE_BOOT_NS, &error));
  ck_assert_ptr_nonnull (strstr (lab->printed->str, "[confirm]\r\n"));
  ck_assert (g_str_has_suffix (lab->printed->str, "initial configuration dialog? [yes/no]: "));
  g_string_truncate (lab->printed, 0);
  cord_engine_run_for (lab->engine, DAY);
  ck_assert_str_eq (lab->printed->str, "");
}
END_TEST

/* A PC's Command Prompt has no timeout. */
START_TEST (test_pc_prompt)
{
  g_autoptr(Lab) lab = lab_new ("PC-PT");

  lab_run (lab, "ipconfig\n");
  g_string_truncate (lab->printed, 0);
  cord_engine_run_for (lab->engine, DAY);
  ck_assert_str_eq (lab->printed->str, "");
}
END_TEST

static Suite *
exec_timeout_suite (void)
{
  Suite *suite = suite_create ("exec-timeout");
  TCase *tc = tcase_create ("exec-timeout");

  tcase_add_test (tc, test_default);
  tcase_add_test (tc, test_never);
  tcase_add_test (tc, test_minutes_and_seconds);
  tcase_add_test (tc, test_key_restarts);
  tcase_add_test (tc, test_new_setting_from_next_key);
  tcase_add_test (tc, test_not_while_busy);
  tcase_add_test (tc, test_config_mode);
  tcase_add_test (tc, test_login_again);
  tcase_add_test (tc, test_power_and_reload);
  tcase_add_test (tc, test_pc_prompt);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return cord_test_run (exec_timeout_suite ());
}
