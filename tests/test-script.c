/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for patchcord-sim scripts: building labs with @-commands, error reporting, line handling, @sleep, console selection and typing. */
#include <check.h>
#include <stdarg.h>
#include <string.h>

#include "catalog.h"
#include "cord-error.h"
#include "cord-limits.h"
#include "engine.h"
#include "script.h"
#include "test-util.h"
#include "topology.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */
/* ---------------------------------------------------------------------- */

/* The engine must outlive the script, which does not own it: declare it
 * first so that g_autoptr frees it last. */
#define FIXTURE                                                                 \
  g_autoptr(CordEngine) engine = cord_engine_new ();                            \
  g_autoptr(CordTopology) topology = cord_topology_new (cord_catalog_get_default ()); \
  g_autoptr(CordScript) script = cord_script_new (topology, engine);            \
  g_autoptr(GError) error = NULL

static gboolean
run_bytes (CordScript  *script,
           const void  *data,
           gsize        len,
           GError     **error)
{
  g_autoptr(GInputStream) input =
    g_memory_input_stream_new_from_data (g_memdup2 (data, len), len, g_free);

  return cord_script_run_stream (script, input, "test.txt", error);
}

static gboolean
run (CordScript  *script,
     const char  *text,
     GError     **error)
{
  return run_bytes (script, text, strlen (text), error);
}

#define run_ok(script, text) run_ok_at (__FILE__, __LINE__, (script), (text))

static void
run_ok_at (const char *file,
           int         line,
           CordScript *script,
           const char *text)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (run (script, text, &error), "%s:%d: script failed: %s", file, line,
                 error ? error->message : "no error");
  ck_assert_ptr_null (error);
}

/* Checks that *@error has @code, starts with "test.txt: line @lineno: " and
 * mentions every string of the NULL-terminated list; then clears it. */
#define expect_error(error, ...) \
  expect_error_at (__FILE__, __LINE__, (error), __VA_ARGS__, NULL)

static void
expect_error_at (const char  *file,
                 int          line,
                 GError     **error,
                 int          code,
                 guint        lineno,
                 ...)
{
  g_autofree char *prefix = g_strdup_printf ("test.txt: line %u: ", lineno);
  const char *needle;
  va_list args;

  ck_assert_msg (*error != NULL, "%s:%d: expected an error at line %u, but the script ran",
                 file, line, lineno);
  ck_assert_msg ((*error)->domain == CORD_ERROR && (*error)->code == code,
                 "%s:%d: expected CORD_ERROR %d, got %s %d: %s", file, line, code,
                 g_quark_to_string ((*error)->domain), (*error)->code, (*error)->message);
  ck_assert_msg (g_str_has_prefix ((*error)->message, prefix),
                 "%s:%d: “%s” does not start with “%s”", file, line, (*error)->message, prefix);
  ck_assert_msg (g_utf8_validate ((*error)->message, -1, NULL),
                 "%s:%d: the message is not valid UTF-8", file, line);
  va_start (args, lineno);
  while ((needle = va_arg (args, const char *)) != NULL)
    ck_assert_msg (strstr ((*error)->message, needle) != NULL,
                   "%s:%d: “%s” does not mention “%s”", file, line, (*error)->message, needle);
  va_end (args);
  g_clear_error (error);
}

static CordDevice *
device (CordTopology *topology,
        const char   *name)
{
  CordDevice *d = cord_topology_find_device (topology, name);

  ck_assert_msg (d != NULL, "no device %s", name);
  return d;
}

/* Checks that @dev's @port is cabled with @cable to @peer_dev's @peer_port. */
#define assert_link(t, dev, p, peer_dev, peer_p, cable) \
  assert_link_at (__FILE__, __LINE__, (t), (dev), (p), (peer_dev), (peer_p), (cable))

static void
assert_link_at (const char   *file,
                int           line,
                CordTopology *topology,
                const char   *dev,
                const char   *port_name,
                const char   *peer_dev,
                const char   *peer_port,
                CordCable     cable)
{
  CordPort *p = cord_device_find_port (device (topology, dev), port_name);
  CordPort *peer;

  ck_assert_msg (p != NULL, "%s:%d: %s has no %s", file, line, dev, port_name);
  ck_assert_msg (p->link != NULL, "%s:%d: %s %s has no cable", file, line, dev, port_name);
  peer = cord_link_get_peer (p->link, p);
  ck_assert_msg (strcmp (peer->device->name, peer_dev) == 0 && strcmp (peer->name, peer_port) == 0,
                 "%s:%d: %s %s goes to %s %s, expected %s %s", file, line, dev, port_name,
                 peer->device->name, peer->name, peer_dev, peer_port);
  ck_assert_msg (p->link->cable == cable, "%s:%d: %s %s has a %s cable, expected %s", file, line,
                 dev, port_name, cord_cable_to_string (p->link->cable),
                 cord_cable_to_string (cable));
}

static char *
port_list (CordDevice *d)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < d->ports->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, ((CordPort *) d->ports->pdata[i])->name);
    }
  return g_string_free (s, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Building a lab                                                          */
/* ---------------------------------------------------------------------- */

static const char lab_script[] =
  "# A small lab\n"
  "@add 1841 R1 100 200\n"
  "@add 1841 R2\n"
  "@add 2960-24TT S1 300 -50.5\n"
  "@add PC-PT PC1\n"
  "@add PC-PT PC2 -10 1e3\n"
  "@add Switch-PT SP1\n"
  "@add Switch-PT SP2\n"
  "@power R1 off\n"
  "@power R2 OFF\n"
  "@module R1 0/0 WIC-2T\n"
  "@module R1 0/1 WIC-1T\n"
  "@module R2 0/0 HWIC-2T\n"
  "@unmodule R1 0/1\n"
  "@power R1 on\n"
  "@power R2 On\n"
  "@link R1 s0/0/0 R2 Serial0/0/0 serial-dte\n"
  "@link R1 Se0/0/1 R2 s0/0/1 serial-dce\n"
  "@link R1 fa0/0 S1 Fa0/1 straight\n"
  "@link PC1 fa0 S1 f0/2\n"
  "@link PC1 rs232 R2 console console\n"
  "@link PC2 FastEthernet0 R2 fa0/0 cross\n"
  "@link SP1 fa4/1 SP2 fa5/1 fiber\n"
  "@link R2 fa0/1 S1 gi0/1 auto\n"
  "@link S1 fa0/24 SP1 fa0/1 cross\n"
  "@link S1 Gi0/2 SP2 fa0/1\n"
  "@unlink SP1 fa0/1\n"
  "@power SP2 off\n";

START_TEST (test_build_lab)
{
  FIXTURE;
  CordDevice *r1, *r2, *pc2;
  g_autofree char *r1_ports = NULL;
  g_autofree char *r2_ports = NULL;

  run_ok (script, lab_script);

  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 7);
  r1 = device (topology, "R1");
  r2 = device (topology, "R2");
  pc2 = device (topology, "PC2");
  ck_assert_str_eq (r1->model->name, "1841");
  ck_assert_str_eq (device (topology, "S1")->model->name, "2960-24TT");
  ck_assert_str_eq (device (topology, "SP2")->model->name, "Switch-PT");
  /* Devices come in script order. */
  ck_assert_ptr_eq (cord_topology_get_device (topology, 0), r1);
  ck_assert_ptr_eq (cord_topology_get_device (topology, 4), pc2);
  ck_assert_double_eq (r1->x, 100);
  ck_assert_double_eq (r1->y, 200);
  ck_assert_double_eq (device (topology, "S1")->y, -50.5);
  ck_assert_double_eq (pc2->x, -10);
  ck_assert_double_eq (pc2->y, 1000);
  ck_assert (r1->powered);
  ck_assert (r2->powered);
  ck_assert (!device (topology, "SP2")->powered);

  /* Modules: the WIC-1T went in and out again. */
  ck_assert_str_eq (cord_device_get_module (r1, "0/0")->module->name, "WIC-2T");
  ck_assert_ptr_null (cord_device_get_module (r1, "0/1"));
  ck_assert_str_eq (cord_device_get_module (r2, "0/0")->module->name, "HWIC-2T");
  r1_ports = port_list (r1);
  ck_assert_str_eq (r1_ports, "FastEthernet0/0,FastEthernet0/1,Console,Auxiliary,"
                              "Serial0/0/0,Serial0/0/1");
  r2_ports = port_list (r2);
  ck_assert_str_eq (r2_ports, "FastEthernet0/0,FastEthernet0/1,Console,Auxiliary,"
                              "Serial0/0/0,Serial0/0/1");

  /* Links, with each cable name. */
  ck_assert_uint_eq (cord_topology_get_n_links (topology), 9);
  assert_link (topology, "R1", "Serial0/0/0", "R2", "Serial0/0/0", CORD_CABLE_SERIAL_DTE);
  assert_link (topology, "R1", "Serial0/0/1", "R2", "Serial0/0/1", CORD_CABLE_SERIAL_DCE);
  assert_link (topology, "R1", "FastEthernet0/0", "S1", "FastEthernet0/1", CORD_CABLE_STRAIGHT);
  assert_link (topology, "PC1", "FastEthernet0", "S1", "FastEthernet0/2", CORD_CABLE_STRAIGHT);
  assert_link (topology, "PC1", "RS 232", "R2", "Console", CORD_CABLE_CONSOLE);
  assert_link (topology, "PC2", "FastEthernet0", "R2", "FastEthernet0/0", CORD_CABLE_CROSS);
  assert_link (topology, "SP1", "FastEthernet4/1", "SP2", "FastEthernet5/1", CORD_CABLE_FIBER);
  assert_link (topology, "R2", "FastEthernet0/1", "S1", "GigabitEthernet0/1", CORD_CABLE_STRAIGHT);
  assert_link (topology, "S1", "GigabitEthernet0/2", "SP2", "FastEthernet0/1", CORD_CABLE_CROSS);
  /* The first end named is the first end of the link. */
  ck_assert_ptr_eq (cord_device_find_port (r1, "Serial0/0/1")->link->ends[0]->device, r1);
  /* @unlink removed the S1-SP1 cable. */
  ck_assert_ptr_null (cord_device_find_port (device (topology, "S1"), "FastEthernet0/24")->link);
  ck_assert_ptr_null (cord_device_find_port (device (topology, "SP1"), "FastEthernet0/1")->link);
  /* Link states follow power. */
  ck_assert_int_eq (cord_device_find_port (r1, "FastEthernet0/0")->link->state, CORD_LINK_UP);
  ck_assert_int_eq (cord_device_find_port (pc2, "FastEthernet0")->link->state, CORD_LINK_UP);
  ck_assert_int_eq (cord_device_find_port (device (topology, "SP1"), "FastEthernet4/1")->link->state,
                    CORD_LINK_DOWN);
  /* No console was selected. */
  ck_assert_ptr_null (cord_script_get_console (script));
}
END_TEST

START_TEST (test_build_by_lines)
{
  FIXTURE;

  /* cord_script_run_line labels errors with the number it is given. */
  ck_assert (cord_script_run_line (script, "@add 2811 Core 1 2", 1, &error));
  ck_assert (cord_script_run_line (script, "   ", 2, &error));
  ck_assert (cord_script_run_line (script, "# comment", 3, &error));
  ck_assert (cord_script_run_line (script, "\t@power Core off", 4, &error));
  ck_assert (cord_script_run_line (script, "@module Core 1 NM-4E", 5, &error));
  ck_assert_ptr_null (error);
  ck_assert_ptr_nonnull (cord_device_find_port (device (topology, "Core"), "Ethernet1/3"));
  ck_assert (!cord_script_run_line (script, "@module Core 1 NM-1E", 42, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_int_eq (error->code, CORD_ERROR_SLOT);
  ck_assert_msg (g_str_has_prefix (error->message, "line 42: "), "%s", error->message);
}
END_TEST

START_TEST (test_unlink_and_unmodule_with_links)
{
  FIXTURE;

  run_ok (script,
          "@add 2621XM R1\n"
          "@add 2621XM R2\n"
          "@power R1 off\n"
          "@power R2 off\n"
          "@module R1 1 NM-2FE2W\n"
          "@module R1 W0 WIC-2T\n"
          "@module R2 0/1 WIC-2T\n"
          "@link R1 s1/1 R2 s0/3\n"
          "@link R1 fa1/0 R2 fa0/0\n"
          "@unmodule R1 1\n");
  ck_assert_uint_eq (cord_topology_get_n_links (topology), 0);
  ck_assert_uint_eq (device (topology, "R1")->modules->len, 0);
  ck_assert_str_eq (cord_device_get_module (device (topology, "R2"), "0/1")->module->name, "WIC-2T");

  /* @unlink on a port with no cable says so. */
  ck_assert (!run (script, "@unlink R2 s0/3\n", &error));
  expect_error (&error, CORD_ERROR_INVALID, 1, "Serial0/3", "R2");
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Errors                                                                  */
/* ---------------------------------------------------------------------- */

static const char error_prefix[] = "@add 1841 R1\n@add Hub-PT H1\n";

static const struct {
  const char *line;          /* the third line of the script */
  CordError   code;
  const char *mention[3];
} error_cases[] = {
  { "@frobnicate R1 now",                 CORD_ERROR_PARSE,          { "@frobnicate", "unknown command" } },
  { "@frobnicate",                        CORD_ERROR_UNKNOWN_DEVICE, { "@frobnicate" } },
  { "@",                                  CORD_ERROR_PARSE,          { "@" } },
  { "@add 1841",                          CORD_ERROR_PARSE,          { "usage: @add MODEL NAME [X Y]" } },
  { "@add 1841 R2 1 2 3",                 CORD_ERROR_PARSE,          { "usage: @add MODEL NAME [X Y]" } },
  { "@add 1841 R2 10",                    CORD_ERROR_PARSE,          { "X and Y" } },
  { "@link R1 fa0/0 H1",                  CORD_ERROR_PARSE,          { "usage: @link NAME PORT NAME PORT" } },
  { "@link R1 fa0/0 H1 fa0 cross extra",  CORD_ERROR_PARSE,          { "usage: @link" } },
  { "@unlink R1",                         CORD_ERROR_PARSE,          { "usage: @unlink NAME PORT" } },
  { "@power R1",                          CORD_ERROR_PARSE,          { "usage: @power NAME on|off" } },
  { "@power R1 off now",                  CORD_ERROR_PARSE,          { "usage: @power" } },
  { "@module R1 0/0",                     CORD_ERROR_PARSE,          { "usage: @module NAME SLOT MODULE" } },
  { "@unmodule R1",                       CORD_ERROR_PARSE,          { "usage: @unmodule NAME SLOT" } },
  { "@sleep",                             CORD_ERROR_PARSE,          { "usage: @sleep SECONDS" } },
  { "@sleep 1 2",                         CORD_ERROR_PARSE,          { "usage: @sleep SECONDS" } },
  { "@link R9 fa0/0 H1 fa0",              CORD_ERROR_UNKNOWN_DEVICE, { "R9" } },
  { "@link R1 fa0/0 H9 fa0",              CORD_ERROR_UNKNOWN_DEVICE, { "H9" } },
  { "@power R9 off",                      CORD_ERROR_UNKNOWN_DEVICE, { "R9" } },
  { "@module R9 0/0 WIC-2T",              CORD_ERROR_UNKNOWN_DEVICE, { "R9" } },
  { "@unlink R9 fa0/0",                   CORD_ERROR_UNKNOWN_DEVICE, { "R9" } },
  { "@link R1 fa9/9 H1 fa0",              CORD_ERROR_UNKNOWN_PORT,   { "fa9/9", "R1" } },
  { "@link R1 fa0/0 H1 gi0",              CORD_ERROR_UNKNOWN_PORT,   { "gi0", "H1" } },
  { "@unlink R1 s0/0/0",                  CORD_ERROR_UNKNOWN_PORT,   { "s0/0/0", "R1" } },
  { "@link R1 fa0/0 H1 fa0 coax",         CORD_ERROR_PARSE,          { "coax", "straight" } },
  { "@link R1 fa0/0 H1 fa0 fiber",        CORD_ERROR_MEDIUM,         { "FastEthernet0/0", "R1" } },
  { "@link R1 fa0/0 R1 fa0/0",            CORD_ERROR_INVALID,        { "FastEthernet0/0" } },
  { "@add 1841 R2 ten 20",                CORD_ERROR_PARSE,          { "ten", "not a number" } },
  { "@add 1841 R2 10 20px",               CORD_ERROR_PARSE,          { "20px", "not a number" } },
  { "@add 1841 R2 nan 0",                 CORD_ERROR_PARSE,          { "nan", "not a number" } },
  { "@add 1841 R2 inf 0",                 CORD_ERROR_PARSE,          { "inf" } },
  { "@add 1841 R2 1e8 0",                 CORD_ERROR_LIMIT,          { NULL } },
  { "@sleep soon",                        CORD_ERROR_PARSE,          { "soon", "not a number" } },
  { "@sleep 0x",                          CORD_ERROR_PARSE,          { "0x" } },
  { "@add 1841 R1",                       CORD_ERROR_EXISTS,         { "R1" } },
  { "@add Nokia-3310 N1",                 CORD_ERROR_UNKNOWN_MODEL,  { "Nokia-3310" } },
  { "@power R1 maybe",                    CORD_ERROR_PARSE,          { "maybe", "on or off" } },
  { "@module R1 0/0 WIC-2T",              CORD_ERROR_POWERED,        { "R1", "Power it off" } },
  { "@unmodule R1 0/0",                   CORD_ERROR_POWERED,        { "R1", "Power it off" } },
  { "@module H1 0 PT-REPEATER-NM-1CE",    CORD_ERROR_POWERED,        { "H1", "Power it off" } },
  { "@unlink R1 fa0/0",                   CORD_ERROR_INVALID,        { "FastEthernet0/0", "R1" } },
  { "@H1",                                CORD_ERROR_NOT_SUPPORTED,  { "H1", "console" } },
  { "show version",                       CORD_ERROR_INVALID,        { "console", "@NAME" } },
  { "  enable",                           CORD_ERROR_INVALID,        { "console" } },
};

START_TEST (test_error_stops_at_line)
{
  FIXTURE;
  const char *line = error_cases[_i].line;
  g_autofree char *text = g_strconcat (error_prefix, line, "\n@add PC-PT After\n@add PC-PT After2", NULL);

  ck_assert_msg (!run (script, text, &error), "“%s” was accepted", line);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (error->domain == CORD_ERROR && error->code == (int) error_cases[_i].code,
                 "“%s”: expected code %d, got %d: %s", line, error_cases[_i].code,
                 error->code, error->message);
  ck_assert_msg (g_str_has_prefix (error->message, "test.txt: line 3: "),
                 "“%s”: message “%s” lacks “test.txt: line 3: ”", line, error->message);
  /* The line number is not repeated. */
  ck_assert_msg (strstr (error->message + strlen ("test.txt: line 3: "), "line 3") == NULL,
                 "“%s”: %s", line, error->message);
  for (guint m = 0; m < G_N_ELEMENTS (error_cases[_i].mention) && error_cases[_i].mention[m]; m++)
    ck_assert_msg (strstr (error->message, error_cases[_i].mention[m]) != NULL,
                   "“%s”: message “%s” does not mention “%s”", line, error->message,
                   error_cases[_i].mention[m]);
  /* The lines before ran; the ones after did not. */
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "R1"));
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "H1"));
  ck_assert_ptr_null (cord_topology_find_device (topology, "After"));
  ck_assert_ptr_null (cord_topology_find_device (topology, "After2"));
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 2);
  ck_assert_uint_eq (cord_topology_get_n_links (topology), 0);
}
END_TEST

START_TEST (test_error_typing_into_console)
{
  FIXTURE;

  /* A device that is off does not answer: the script says so and stops. */
  ck_assert (!run (script,
                   "@add 1841 R1\n"
                   "@R1\n"
                   "@power R1 off\n"
                   "enable\n"
                   "@add PC-PT After\n", &error));
  expect_error (&error, CORD_ERROR_POWERED, 4, "R1", "@power R1 on");
  ck_assert_str_eq (cord_script_get_console (script), "R1");
  ck_assert_ptr_null (cord_topology_find_device (topology, "After"));
  /* Neither do unknown keys. */
  ck_assert (!run (script, "@power R1 on\n@press return ctrl-\n", &error));
  expect_error (&error, CORD_ERROR_PARSE, 2, "ctrl-", "return");
}
END_TEST

START_TEST (test_error_line_numbers_count_every_line)
{
  FIXTURE;

  /* Blank lines, comments and CRLF ends all count. */
  ck_assert (!run (script,
                   "\r\n"
                   "# one\r\n"
                   "\n"
                   "   \t\n"
                   "@add 1841 R1\r\n"
                   "@bogus cmd\r\n", &error));
  expect_error (&error, CORD_ERROR_PARSE, 6, "@bogus");
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "R1"));
}
END_TEST

START_TEST (test_error_long_line)
{
  FIXTURE;
  g_autofree char *fits = g_strnfill (CORD_LIMIT_SCRIPT_LINE, '#');
  g_autofree char *over = g_strnfill (CORD_LIMIT_SCRIPT_LINE + 1, '#');
  g_autofree char *ok_text = g_strconcat ("@add 1841 R1\n", fits, "\n", fits, "\r\n@add PC-PT PC1\n", NULL);
  g_autofree char *bad_text = g_strconcat ("@add PC-PT PC2\n\n", over, "\n@add PC-PT After\n", NULL);
  g_autofree char *bad_last = g_strconcat ("@add PC-PT PC3\n", over, NULL);

  /* A comment exactly at the limit is fine, with either line end. */
  run_ok (script, ok_text);
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "PC1"));

  ck_assert (!run (script, bad_text, &error));
  expect_error (&error, CORD_ERROR_LIMIT, 3, "4095");
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "PC2"));
  ck_assert_ptr_null (cord_topology_find_device (topology, "After"));

  /* Also when it is the last line and has no end. */
  ck_assert (!run (script, bad_last, &error));
  expect_error (&error, CORD_ERROR_LIMIT, 2);
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "PC3"));

  /* And through cord_script_run_line. */
  ck_assert (!cord_script_run_line (script, over, 9, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_int_eq (error->code, CORD_ERROR_LIMIT);
  ck_assert_msg (g_str_has_prefix (error->message, "line 9: "), "%s", error->message);
}
END_TEST

START_TEST (test_error_huge_line)
{
  FIXTURE;
  const gsize size = 1024 * 1024;
  GString *text = g_string_new ("@add 1841 R1\n");

  /* 1 MB with no line end at all. */
  g_string_append_len (text, "@add 1841 R2 ", 13);
  while (text->len < size)
    g_string_append_c (text, '9');
  ck_assert (!run_bytes (script, text->str, text->len, &error));
  expect_error (&error, CORD_ERROR_LIMIT, 2);
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "R1"));
  ck_assert_ptr_null (cord_topology_find_device (topology, "R2"));
  g_string_free (text, TRUE);
}
END_TEST

START_TEST (test_error_nul_byte)
{
  FIXTURE;
  static const char text[] = "@add 1841 R1\n@add 1841 R2\0 junk\n@add PC-PT After\n";

  ck_assert (!run_bytes (script, text, sizeof text - 1, &error));
  expect_error (&error, CORD_ERROR_PARSE, 2, "NUL");
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "R1"));
  /* The part before the NUL did not run either. */
  ck_assert_ptr_null (cord_topology_find_device (topology, "R2"));
  ck_assert_ptr_null (cord_topology_find_device (topology, "After"));
}
END_TEST

START_TEST (test_error_nul_in_comment)
{
  FIXTURE;
  static const char text[] = "# a comment \0 with a NUL\n@add 1841 R1\n";

  ck_assert (!run_bytes (script, text, sizeof text - 1, &error));
  expect_error (&error, CORD_ERROR_PARSE, 1, "NUL");
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 0);
}
END_TEST

START_TEST (test_error_invalid_utf8)
{
  FIXTURE;

  ck_assert (!run (script, "@add 1841 R1\n\n@add 1841 R\xff\xfe\n@add PC-PT After\n", &error));
  expect_error (&error, CORD_ERROR_PARSE, 3, "UTF-8");
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "R1"));
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 1);

  /* A truncated multi-byte sequence at the very end. */
  ck_assert (!run (script, "@add 1841 R\xc3", &error));
  expect_error (&error, CORD_ERROR_PARSE, 1, "UTF-8");
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 1);

  /* Valid UTF-8 names are fine. */
  run_ok (script, "@add 1841 Routeur-É\n");
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "Routeur-É"));
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Line handling                                                           */
/* ---------------------------------------------------------------------- */

START_TEST (test_lines_ignored_and_ends)
{
  FIXTURE;

  run_ok (script,
          "\n"
          "   \n"
          "\t\n"
          "# comment with @add 1841 Nope\n"
          "    # indented comment\n"
          "\t@add 1841 R1\r\n"
          "\r\n"
          "   @add PC-PT PC1 5 6\r\n"
          "@link PC1   fa0\tR1 fa0/0    \r\n"
          "@add 2960-24TT S1");
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 3);
  ck_assert_ptr_null (cord_topology_find_device (topology, "Nope"));
  ck_assert_double_eq (device (topology, "PC1")->x, 5);
  ck_assert_double_eq (device (topology, "PC1")->y, 6);
  assert_link (topology, "PC1", "FastEthernet0", "R1", "FastEthernet0/0", CORD_CABLE_CROSS);
  /* The last line had no line end and still ran. */
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "S1"));
}
END_TEST

START_TEST (test_lines_empty_input)
{
  FIXTURE;

  run_ok (script, "");
  run_ok (script, "\n\n\n");
  run_ok (script, "# only a comment");
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 0);
}
END_TEST

START_TEST (test_lines_across_reads)
{
  FIXTURE;
  GString *text = g_string_new (NULL);
  guint n = 0;

  /* Enough lines that they straddle the reader's blocks. */
  while (text->len < 20000)
    {
      g_string_append_printf (text, "@add PC-PT P%u %u %u\r\n", n, n, n * 2);
      n++;
    }
  run_ok (script, text->str);
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i);
      CordDevice *d = device (topology, name);

      ck_assert_double_eq (d->x, i);
      ck_assert_double_eq (d->y, i * 2);
    }
  g_string_free (text, TRUE);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* @sleep                                                                  */
/* ---------------------------------------------------------------------- */

static void
tick (CordEngine *engine,
      gpointer    a,
      gpointer    b)
{
  guint64 *at = a;

  *at = cord_engine_now (engine);
}

START_TEST (test_sleep)
{
  FIXTURE;
  guint64 fired = 0;

  ck_assert_uint_eq (cord_engine_now (engine), 0);
  cord_engine_schedule (engine, 700 * CORD_ENGINE_NS_PER_MS, tick, &fired, NULL);
  run_ok (script, "@sleep 1.5\n");
  ck_assert_uint_eq (cord_engine_now (engine), G_GUINT64_CONSTANT (1500000000));
  /* Events due in the meantime ran at their time. */
  ck_assert_uint_eq (fired, 700 * CORD_ENGINE_NS_PER_MS);
  run_ok (script, "@sleep 0.25\n@sleep 0\n");
  ck_assert_uint_eq (cord_engine_now (engine), G_GUINT64_CONSTANT (1750000000));
  run_ok (script, "@sleep 2\n");
  ck_assert_uint_eq (cord_engine_now (engine), G_GUINT64_CONSTANT (3750000000));
  run_ok (script, "@sleep 0.000000001\n");
  ck_assert_uint_eq (cord_engine_now (engine), G_GUINT64_CONSTANT (3750000001));
}
END_TEST

START_TEST (test_sleep_refused)
{
  FIXTURE;
  const char *bad[] = { "-1", "-0.5", "86401", "1e300", "1e20" };

  run_ok (script, "@sleep 1\n");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *line = g_strdup_printf ("@add PC-PT Before%u\n@sleep %s\n@add PC-PT After%u\n",
                                               i, bad[i], i);
      g_autofree char *after = g_strdup_printf ("After%u", i);

      ck_assert_msg (!run (script, line, &error), "@sleep %s accepted", bad[i]);
      expect_error (&error, CORD_ERROR_LIMIT, 2, bad[i]);
      ck_assert_uint_eq (cord_engine_now (engine), CORD_ENGINE_NS_PER_SEC);
      ck_assert_ptr_null (cord_topology_find_device (topology, after));
    }
  /* A day is the most one step may take. */
  run_ok (script, "@sleep 86400\n");
  ck_assert_uint_eq (cord_engine_now (engine), 86401 * CORD_ENGINE_NS_PER_SEC);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Consoles                                                                */
/* ---------------------------------------------------------------------- */

START_TEST (test_console_select)
{
  FIXTURE;

  ck_assert_ptr_null (cord_script_get_console (script));
  run_ok (script, "@add 1841 R1\n@add 2960-24TT S1\n@add PC-PT PC1\n@add Hub-PT H1\n@R1\n");
  ck_assert_str_eq (cord_script_get_console (script), "R1");
  run_ok (script, "  @S1  \n");
  ck_assert_str_eq (cord_script_get_console (script), "S1");
  run_ok (script, "@PC1\r\n");
  ck_assert_str_eq (cord_script_get_console (script), "PC1");
  /* A refused selection keeps the previous one. */
  ck_assert (!run (script, "@H1\n", &error));
  expect_error (&error, CORD_ERROR_NOT_SUPPORTED, 1, "H1", "Hub-PT");
  ck_assert_str_eq (cord_script_get_console (script), "PC1");
  ck_assert (!run (script, "@R9\n", &error));
  expect_error (&error, CORD_ERROR_UNKNOWN_DEVICE, 1, "R9");
  ck_assert_str_eq (cord_script_get_console (script), "PC1");
  /* A device named like a command: the command wins. */
  run_ok (script, "@add 1841 sleep\n@sleep 0\n@R1\n");
  ck_assert_str_eq (cord_script_get_console (script), "R1");
}
END_TEST

/* Typed lines reach the current console; its output is the script's,
 * byte for byte, or with LF line ends on request. */
START_TEST (test_typing)
{
  FIXTURE;
  g_autoptr(GOutputStream) raw = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) lf = g_memory_output_stream_new_resizable ();
  g_autofree char *raw_text = NULL;
  g_autofree char *lf_text = NULL;

  cord_script_set_output (script, raw);
  run_ok (script, "@add 2960-24TT S1\n@add 2960-24TT S2\n@S1\n@press return\nenable\n");
  /* Only the current console's output: S2 says nothing here. */
  run_ok (script, "@S2\n@S1\n@press question\n@press ctrl-u\n");
  cord_script_set_output (script, lf);
  cord_script_set_lf (script, TRUE);
  run_ok (script, "disable\n");
  ck_assert (g_output_stream_close (raw, NULL, NULL) && g_output_stream_close (lf, NULL, NULL));
  raw_text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (raw)),
                        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (raw)));
  lf_text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (lf)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (lf)));
  ck_assert (g_str_has_prefix (raw_text, "\r\nSwitch>enable\r\nSwitch#?\r\nExec commands:\r\n"));
  ck_assert (g_str_has_suffix (raw_text, "\r\nSwitch#"));
  ck_assert_str_eq (lf_text, "disable\nSwitch>");
  ck_assert (cord_script_finish (script, &error));
}
END_TEST

static Suite *
script_suite (void)
{
  Suite *s = suite_create ("script");
  TCase *tc;

  tc = tcase_create ("build");
  tcase_add_test (tc, test_build_lab);
  tcase_add_test (tc, test_build_by_lines);
  tcase_add_test (tc, test_unlink_and_unmodule_with_links);
  suite_add_tcase (s, tc);

  tc = tcase_create ("errors");
  tcase_add_loop_test (tc, test_error_stops_at_line, 0, G_N_ELEMENTS (error_cases));
  tcase_add_test (tc, test_error_typing_into_console);
  tcase_add_test (tc, test_error_line_numbers_count_every_line);
  tcase_add_test (tc, test_error_long_line);
  tcase_add_test (tc, test_error_huge_line);
  tcase_add_test (tc, test_error_nul_byte);
  tcase_add_test (tc, test_error_nul_in_comment);
  tcase_add_test (tc, test_error_invalid_utf8);
  suite_add_tcase (s, tc);

  tc = tcase_create ("lines");
  tcase_add_test (tc, test_lines_ignored_and_ends);
  tcase_add_test (tc, test_lines_empty_input);
  tcase_add_test (tc, test_lines_across_reads);
  suite_add_tcase (s, tc);

  tc = tcase_create ("sleep");
  tcase_add_test (tc, test_sleep);
  tcase_add_test (tc, test_sleep_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("console");
  tcase_add_test (tc, test_console_select);
  tcase_add_test (tc, test_typing);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return cord_test_run (script_suite ());
}
