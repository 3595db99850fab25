/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for device consoles and their life cycle: golden transcripts on a simulated network, the seed lab end to end, power, save, reload and load. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cord-error.h"
#include "ios-console.h"
#include "lab.h"
#include "script.h"
#include "switching.h"
#include "test-util.h"

/* --- A lab driven by a script ------------------------------------------ */

typedef struct {
  CordEngine    *engine;
  CordTopology  *topology;
  CordScript    *script;
  GOutputStream *out;
} Lab;

static Lab *
lab_new_for (CordTopology *topology,
             gboolean      lf)
{
  Lab *lab = g_new0 (Lab, 1);

  lab->engine = cord_engine_new ();
  lab->topology = topology;
  lab->script = cord_script_new (topology, lab->engine);
  lab->out = g_memory_output_stream_new_resizable ();
  cord_script_set_output (lab->script, lab->out);
  cord_script_set_lf (lab->script, lf);
  return lab;
}

static Lab *
lab_new (gboolean lf)
{
  return lab_new_for (cord_topology_new (cord_catalog_get_default ()), lf);
}

static void
lab_free (Lab *lab)
{
  cord_script_free (lab->script);
  g_object_unref (lab->out);
  g_object_unref (lab->topology);
  cord_engine_free (lab->engine);
  g_free (lab);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lab, lab_free)

/* Everything the selected consoles printed so far. */
static char *
lab_output (Lab *lab)
{
  GMemoryOutputStream *out = G_MEMORY_OUTPUT_STREAM (lab->out);
  const char *data = g_memory_output_stream_get_data (out);

  return data != NULL ? g_strndup (data, g_memory_output_stream_get_data_size (out)) : g_strdup ("");
}

#define lab_run(lab, text) lab_run_at (__FILE__, __LINE__, (lab), (text))

static void
lab_run_at (const char *file,
            int         line,
            Lab        *lab,
            const char *text)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_script_run_stream (lab->script, input, "test", &error),
                 "%s:%d: %s", file, line, error ? error->message : "");
}

static void
lab_run_file (Lab        *lab,
              const char *relative)
{
  g_autofree char *path = cord_test_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, &error);

  ck_assert_msg (input != NULL, "%s", error ? error->message : "");
  ck_assert_msg (cord_script_run_stream (lab->script, G_INPUT_STREAM (input), relative, &error),
                 "%s", error ? error->message : "");
}

static CordConsole *
lab_console (Lab        *lab,
             const char *name)
{
  CordDevice *device = cord_topology_find_device (lab->topology, name);

  ck_assert_msg (device != NULL, "no device %s", name);
  return cord_consoles_lookup (cord_script_get_consoles (lab->script), device);
}

static CordIosDevice *
lab_ios (Lab        *lab,
         const char *name)
{
  CordIosSession *session = cord_console_get_session (lab_console (lab, name));

  ck_assert_msg (session != NULL, "%s has no IOS session", name);
  return cord_ios_session_get_device (session);
}

/* The running-config @name's IOS generates now. */
static char *
lab_config (Lab        *lab,
            const char *name)
{
  return cord_ios_cli_write_config (cord_ios_cli_get_default (), lab_ios (lab, name));
}

/* --- Golden transcripts ------------------------------------------------- */

/* A transcript (tests/transcripts/exec-*.txt, lifecycle-*.txt) is what the
 * selected consoles of a patchcord-sim script print, line by line, with
 * what drives them in between:
 *
 *   ## comment                  ignored
 *   @LINE                       a script line: @add, @link, @power, @sleep,
 *                               @press, or @NAME to select NAME's console
 *   > KEYS                      typed into the selected console, after it is
 *                               ready; then virtual time runs until it is idle
 *   >> KEYS                     typed at once, busy or not, time standing still
 *   anything else               exact output; lines end with CR LF
 *
 * KEYS and output share the escapes <CR> <LF> <TAB> <BS> <DEL> <ESC> <BEL>
 * <SP> <LT> <?> <UP> <DOWN> <LEFT> <RIGHT> <CTRL-A>…<CTRL-Z> <CTRL-^> and
 * <REPEAT n c>; any other "<…>" is text. Output must be a beginning of
 * the expected text after every step and equal it at the end. Put each
 * step after the screen line the cursor was on when it began. With
 * CONSOLE_TRANSCRIPT_DUMP=1 each transcript leaves NAME.out (what the
 * consoles wrote) and NAME.steps (where each step began) in the current
 * folder, to write or mend a transcript from. */

static const struct {
  const char *name;
  const char *bytes;
} escapes[] = {
  { "CR", "\r" }, { "LF", "\n" }, { "TAB", "\t" }, { "BS", "\b" }, { "DEL", "\x7f" },
  { "ESC", "\x1b" }, { "BEL", "\a" }, { "SP", " " }, { "LT", "<" }, { "?", "?" },
  { "UP", "\x1b[A" }, { "DOWN", "\x1b[B" }, { "RIGHT", "\x1b[C" }, { "LEFT", "\x1b[D" },
  { "CTRL-^", "\x1e" },
};

static void
decode (const char *text,
        GString    *out)
{
  while (*text != '\0')
    {
      const char *close = *text == '<' ? strchr (text, '>') : NULL;
      g_autofree char *name = close != NULL ? g_strndup (text + 1, close - text - 1) : NULL;
      gboolean known = FALSE;
      guint count;
      char c;

      for (guint i = 0; name != NULL && i < G_N_ELEMENTS (escapes) && !known; i++)
        if (strcmp (name, escapes[i].name) == 0)
          {
            g_string_append (out, escapes[i].bytes);
            known = TRUE;
          }
      if (!known && name != NULL && strlen (name) == 6 && g_str_has_prefix (name, "CTRL-") &&
          g_ascii_isupper (name[5]))
        {
          g_string_append_c (out, name[5] & 0x1f);
          known = TRUE;
        }
      if (!known && name != NULL && sscanf (name, "REPEAT %u %c", &count, &c) == 2)
        {
          for (guint i = 0; i < count; i++)
            g_string_append_c (out, c);
          known = TRUE;
        }
      if (known)
        text = close + 1;
      else
        g_string_append_c (out, *text++);
    }
}

/* Output in transcript notation, for messages. */
static char *
render (const char *data)
{
  GString *out = g_string_new (NULL);

  for (const char *p = data; *p != '\0'; p++)
    switch (*p)
      {
      case '\r':
        if (p[1] == '\n')
          {
            g_string_append_c (out, '\n');
            p++;
          }
        else
          g_string_append (out, "<CR>");
        break;
      case '\n': g_string_append (out, "<LF>"); break;
      case '\b': g_string_append (out, "<BS>"); break;
      case '\t': g_string_append (out, "<TAB>"); break;
      case '\a': g_string_append (out, "<BEL>"); break;
      case 0x1b: g_string_append (out, "<ESC>"); break;
      case ' ':
        g_string_append (out, p[1] == '\0' || p[1] == '\r' ? "<SP>" : " ");
        break;
      default:
        g_string_append_c (out, *p);
        break;
      }
  return g_string_free (out, FALSE);
}

static void
check_output (const char    *name,
              guint          lineno,
              const char    *actual,
              const GString *expected,
              gboolean       whole)
{
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  gsize at = 0, line_start = 0;
  guint line = 1;

  if (whole ? strcmp (actual, expected->str) == 0 : g_str_has_prefix (expected->str, actual))
    return;
  want = render (expected->str);
  got = render (actual);
  while (want[at] != '\0' && want[at] == got[at])
    {
      if (want[at] == '\n')
        line_start = at + 1, line++;
      at++;
    }
  ck_abort_msg ("%s, after the step on line %u: output line %u differs\n"
                "--- expected ---\n%.400s\n--- actual ---\n%.400s\n",
                name, lineno, line, want + line_start, got + line_start);
}

static GPtrArray *transcript_names;

START_TEST (test_transcript)
{
  const char *name = transcript_names->pdata[_i];
  g_autofree char *path = g_build_filename (TEST_SRCDIR, "transcripts", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) steps = g_string_new (NULL);
  g_autoptr(Lab) lab = lab_new (FALSE);
  g_auto(GStrv) lines = NULL;
  g_autofree char *actual = NULL;
  gboolean dump = g_getenv ("CONSOLE_TRANSCRIPT_DUMP") != NULL;
  gboolean first = TRUE;
  guint n;

  ck_assert_msg (g_file_get_contents (path, &contents, NULL, &error), "%s", error ? error->message : "");
  lines = g_strsplit (contents, "\n", -1);
  n = g_strv_length (lines);
  if (n > 0 && lines[n - 1][0] == '\0')
    n--;
  /* The screen first, then the steps that make it. */
  for (guint i = 0; i < n; i++)
    {
      const char *line = lines[i];
      gsize len = strlen (line);

      ck_assert_msg (len == 0 || line[len - 1] != ' ', "%s:%u: ends with a space; write <SP>", name, i + 1);
      if (g_str_has_prefix (line, "##") || line[0] == '@' || line[0] == '>')
        continue;
      if (!first)
        g_string_append (expected, "\r\n");
      decode (line, expected);
      first = FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      const char *line = lines[i];
      g_autoptr(GString) keys = g_string_new (NULL);
      g_autofree char *before = lab_output (lab);
      g_autofree char *so_far = NULL;

      if (line[0] == '@')
        ck_assert_msg (cord_script_run_line (lab->script, line, i + 1, &error),
                       "%s:%u: %s", name, i + 1, error->message);
      else if (g_str_has_prefix (line, ">> "))
        {
          CordDevice *device = cord_topology_find_device (lab->topology, cord_script_get_console (lab->script));

          decode (line + 3, keys);
          cord_console_feed (cord_consoles_lookup (cord_script_get_consoles (lab->script), device),
                             keys->str, keys->len);
        }
      else if (g_str_has_prefix (line, "> "))
        {
          decode (line + 2, keys);
          ck_assert_msg (cord_script_type (lab->script, keys->str, keys->len, &error),
                         "%s:%u: %s", name, i + 1, error->message);
        }
      else
        {
          ck_assert_msg (line[0] != '>', "%s:%u: unknown directive", name, i + 1);
          continue;
        }
      /* Where the cursor was when the step began, for writing transcripts. */
      g_string_append_printf (steps, "%zu\t%s\n", strlen (before), line);
      so_far = lab_output (lab);
      if (!dump)
        check_output (name, i + 1, so_far, expected, FALSE);
    }
  actual = lab_output (lab);
  if (dump)
    {
      g_autofree char *out_name = g_strconcat (name, ".out", NULL);
      g_autofree char *steps_name = g_strconcat (name, ".steps", NULL);

      g_file_set_contents (out_name, actual, -1, NULL);
      g_file_set_contents (steps_name, steps->str, -1, NULL);
    }
  check_output (name, 0, actual, expected, TRUE);
}
END_TEST

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_transcripts (void)
{
  g_autofree char *dir_path = g_build_filename (TEST_SRCDIR, "transcripts", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt") &&
        (g_str_has_prefix (name, "exec-") || g_str_has_prefix (name, "lifecycle-")))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* --- The seed lab ------------------------------------------------------- */

typedef struct {
  char *source;
  char *target;
} PingPair;

static void
ping_pair_clear (PingPair *pair)
{
  g_free (pair->source);
  g_free (pair->target);
}

/* The pings the seed script types, in order: which PC, to what. */
static GArray *
seed_pings (void)
{
  g_autofree char *path = cord_test_path ("scripts/seed-lab.txt");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *pairs = g_array_new (FALSE, TRUE, sizeof (PingPair));
  const char *console = NULL;

  g_array_set_clear_func (pairs, (GDestroyNotify) ping_pair_clear);
  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '@' && strchr (lines[i], ' ') == NULL)
        console = lines[i] + 1;
      else if (g_str_has_prefix (lines[i], "ping ") && g_str_has_prefix (console, "PC"))
        {
          PingPair pair = { g_strdup (console), g_strdup (lines[i] + 5) };

          g_array_append_val (pairs, pair);
        }
    }
  return pairs;
}

static CordDevice *
device_with_address (CordTopology *topology,
                     const char   *text)
{
  guint32 address;

  ck_assert (cord_frame_ipv4_parse (text, &address));
  for (guint i = 0; i < cord_topology_get_n_devices (topology); i++)
    {
      CordDevice *device = cord_topology_get_device (topology, i);

      if (device->host.address == address)
        return device;
    }
  ck_abort_msg ("no PC has %s", text);
  return NULL;
}

/* Every ping of the script got its replies: all four within a VLAN; across
 * the router the first may time out while the router learns the MAC. */
static void
check_seed_pings (Lab        *lab,
                  const char *output)
{
  g_autoptr(GArray) pairs = seed_pings ();
  const char *at = output;

  ck_assert_uint_eq (pairs->len, 30);
  for (guint i = 0; i < pairs->len; i++)
    {
      const PingPair *pair = &g_array_index (pairs, PingPair, i);
      CordDevice *source = cord_topology_find_device (lab->topology, pair->source);
      CordDevice *target = device_with_address (lab->topology, pair->target);
      gboolean same_vlan = (source->host.address >> 24) == (target->host.address >> 24);
      g_autofree char *header = g_strdup_printf ("\nPinging %s with 32 bytes of data:\n\n", pair->target);
      g_autofree char *reply = g_strdup_printf ("Reply from %s: bytes=32 time<1ms TTL=%u\n",
                                                pair->target, same_vlan ? 128 : 127);
      g_autofree char *replies = NULL;
      const char *stats;
      guint sent = 0, received = 0;

      at = strstr (at, header);
      ck_assert_msg (at != NULL, "no ping from %s to %s", pair->source, pair->target);
      at += strlen (header);
      stats = strstr (at, "Packets: Sent = ");
      ck_assert (stats != NULL);
      ck_assert_int_eq (sscanf (stats, "Packets: Sent = %u, Received = %u", &sent, &received), 2);
      ck_assert_uint_eq (sent, 4);
      ck_assert_msg (received == 4 || (!same_vlan && received == 3),
                     "%s to %s: %u replies", pair->source, pair->target, received);
      /* The replies are the last lines before the statistics. */
      replies = g_strconcat (reply, reply, reply, "\nPing statistics for ", NULL);
      ck_assert_msg (strstr (at, replies) != NULL && strstr (at, replies) < stats,
                     "%s to %s: the last three echoes were not answered", pair->source, pair->target);
    }
}

START_TEST (test_seed_lab)
{
  g_autoptr(Lab) lab = lab_new (TRUE);
  g_autofree char *output = NULL;
  g_autofree char *golden_path = cord_test_path ("scripts/seed-lab.out");
  g_autofree char *golden = NULL;
  g_autofree char *sample_path = g_build_filename (TOP_SRCDIR, "data", "labs",
                                                   "vlan-router-on-a-stick.pclab", NULL);
  g_autofree char *sample = NULL;
  g_autoptr(GBytes) saved = NULL;
  gsize sample_len;

  lab_run_file (lab, "scripts/seed-lab.txt");
  output = lab_output (lab);
  if (g_getenv ("CONSOLE_TRANSCRIPT_DUMP") != NULL)
    g_file_set_contents ("seed-lab.out", output, -1, NULL);
  check_seed_pings (lab, output);

  /* The whole console output, byte for byte. */
  ck_assert (g_file_get_contents (golden_path, &golden, NULL, NULL));
  ck_assert_msg (strcmp (output, golden) == 0,
                 "the seed lab's output differs from tests/scripts/seed-lab.out; "
                 "CONSOLE_TRANSCRIPT_DUMP=1 writes it to seed-lab.out in the build folder");

  /* Every device was configured from its console, and saved. */
  for (guint i = 0; i < cord_topology_get_n_devices (lab->topology); i++)
    {
      CordDevice *device = cord_topology_get_device (lab->topology, i);

      if (cord_kind_has_ios (device->model->kind))
        {
          g_autofree char *config = lab_config (lab, device->name);

          ck_assert_str_eq (lab_ios (lab, device->name)->hostname, device->name);
          ck_assert_str_eq (device->startup_config, config);
        }
    }

  /* Saved, the lab is the sample lab shipped in data/labs, byte for byte:
   * that file is made by this script. */
  cord_consoles_sync_to_topology (cord_script_get_consoles (lab->script));
  saved = cord_lab_to_bytes (lab->topology);
  ck_assert (g_file_get_contents (sample_path, &sample, &sample_len, NULL));
  ck_assert_msg (g_bytes_get_size (saved) == sample_len &&
                 memcmp (g_bytes_get_data (saved, NULL), sample, sample_len) == 0,
                 "data/labs/vlan-router-on-a-stick.pclab is not what tests/scripts/seed-lab.txt "
                 "makes; regenerate it with patchcord-sim --script tests/scripts/seed-lab.txt "
                 "--save data/labs/vlan-router-on-a-stick.pclab");
}
END_TEST

/* Types every line of @config into @name's console, in configuration mode. */
static void
type_config (Lab        *lab,
             const char *config)
{
  g_auto(GStrv) lines = g_strsplit (config, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *typed = g_strconcat (lines[i], "\r", NULL);
      g_autoptr(GError) error = NULL;

      if (lines[i][0] != '\0')
        ck_assert_msg (cord_script_type (lab->script, typed, strlen (typed), &error),
                       "%s", error ? error->message : "");
    }
}

/* show running-config, typed back into a fresh device of the same model,
 * gives the same running-config; so does booting from it. */
START_TEST (test_config_round_trip)
{
  g_autoptr(Lab) lab = lab_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *switch_config = NULL;
  g_autofree char *router_config = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *shut = NULL;
  g_autofree char *booted = NULL;
  const char *block;

  lab_run_file (lab, "scripts/seed-lab.txt");
  switch_config = lab_config (lab, "S1");
  router_config = lab_config (lab, "R1");

  lab_run (lab, "@add 2960-24TT Fresh1\n@Fresh1\n@press return\nenable\nconfigure terminal\n");
  type_config (lab, switch_config);
  copy = lab_config (lab, "Fresh1");
  ck_assert_str_eq (copy, switch_config);

  /* A router's ports ship shut down, and typing a config keeps them so,
   * as on IOS: the copy differs by that one line until `no shutdown`. */
  lab_run (lab, "@add 1841 Fresh2\n@Fresh2\nno\n@press return\nenable\nconfigure terminal\n");
  type_config (lab, router_config);
  block = strstr (router_config, "interface FastEthernet0/0\n no ip address\n duplex auto\n speed auto\n");
  ck_assert_ptr_nonnull (block);
  block += strlen ("interface FastEthernet0/0\n no ip address\n duplex auto\n speed auto\n");
  shut = g_strdup_printf ("%.*s shutdown\n%s", (int) (block - router_config), router_config, block);
  g_free (copy);
  copy = lab_config (lab, "Fresh2");
  ck_assert_str_eq (copy, shut);
  lab_run (lab, "configure terminal\ninterface fa0/0\nno shutdown\nend\n");
  g_free (copy);
  copy = lab_config (lab, "Fresh2");
  ck_assert_str_eq (copy, router_config);

  /* At boot every interface a saved config does not shut comes up. */
  lab_run (lab, "@add 1841 Fresh3\n");
  ck_assert (cord_topology_set_config (lab->topology, cord_topology_find_device (lab->topology, "Fresh3"),
                                       CORD_CONFIG_STARTUP, router_config, &error));
  lab_run (lab, "@power Fresh3 off\n@power Fresh3 on\n@Fresh3\n@press return\n");
  booted = lab_config (lab, "Fresh3");
  ck_assert_str_eq (booted, router_config);
  ck_assert_uint_eq (cord_console_get_boot_errors (lab_console (lab, "Fresh3")), 0);
}
END_TEST

/* --- Power, save and reload --------------------------------------------- */

START_TEST (test_power_cycle)
{
  g_autoptr(Lab) lab = lab_new (TRUE);
  CordDevice *r1;
  g_autofree char *output = NULL;

  lab_run_file (lab, "scripts/seed-lab.txt");
  r1 = cord_topology_find_device (lab->topology, "R1");

  /* An unsaved change is lost with the power. */
  lab_run (lab, "@R1\nconfigure terminal\nhostname Unsaved\nend\n");
  /* A hostname typed on the console names the device on the canvas too. */
  ck_assert_str_eq (r1->name, "Unsaved");
  ck_assert_str_eq (lab_ios (lab, "Unsaved")->hostname, "Unsaved");
  ck_assert_ptr_nonnull (strstr (r1->running_config, "hostname Unsaved\n"));
  lab_run (lab, "@power Unsaved off\n");
  ck_assert_ptr_null (cord_console_get_session (lab_console (lab, "Unsaved")));
  ck_assert (!cord_console_is_busy (lab_console (lab, "Unsaved")));
  lab_run (lab, "@power Unsaved on\n");
  ck_assert (cord_console_is_busy (lab_console (lab, "Unsaved")));
  lab_run (lab, "@press return\nenable\n");
  ck_assert_str_eq (lab_ios (lab, "Unsaved")->hostname, "R1");
  ck_assert_uint_eq (cord_console_get_boot_errors (lab_console (lab, "Unsaved")), 0);
  /* The startup-config's hostname does not rename it back: only typed
   * ones do, so a lab's names stay as the lab has them. */
  ck_assert_str_eq (r1->name, "Unsaved");
  ck_assert (cord_topology_undo (lab->topology, NULL));   /* the power-on */
  ck_assert (cord_topology_undo (lab->topology, NULL));   /* the power-off */
  ck_assert (cord_topology_undo (lab->topology, NULL));   /* the rename */
  ck_assert_str_eq (r1->name, "R1");
  lab_run (lab, "@power R1 off\n@power R1 on\n@press return\nenable\n");

  /* The router routes again from its startup-config. */
  lab_run (lab, "@PC0\nping 20.0.0.12\n");
  /* Both ends learn each other's MAC again first. */
  output = lab_output (lab);
  ck_assert_msg (g_str_has_suffix (output, "Reply from 20.0.0.12: bytes=32 time<1ms TTL=127\n"
                                           "Reply from 20.0.0.12: bytes=32 time<1ms TTL=127\n\n"
                                           "Ping statistics for 20.0.0.12:\n"
                                           "    Packets: Sent = 4, Received = 2, Lost = 2 (50% loss),\n"
                                           "Approximate round trip times in milli-seconds:\n"
                                           "    Minimum = 0ms, Maximum = 0ms, Average = 0ms\n\nC:\\>"),
                 "%s", output + strlen (output) - MIN (strlen (output), 400u));

  /* A saved change is kept. */
  lab_run (lab, "@R1\nconfigure terminal\nhostname Kept\nend\nwrite memory\n"
                "@power Kept off\n@power Kept on\n@press return\n");
  ck_assert_str_eq (lab_ios (lab, "Kept")->hostname, "Kept");
  ck_assert_ptr_nonnull (strstr (r1->startup_config, "hostname Kept\n"));
}
END_TEST

START_TEST (test_undo_power_off)
{
  g_autoptr(Lab) lab = lab_new (FALSE);
  g_autoptr(GError) error = NULL;

  /* Undoing a power-off brings back the running-config it lost. */
  lab_run (lab, "@add 2960-24TT S1\n@S1\n@press return\nenable\nconfigure terminal\n"
                "hostname Before\nend\n@power Before off\n");
  ck_assert (cord_topology_undo (lab->topology, &error));
  ck_assert_ptr_null (error);
  ck_assert (cord_topology_find_device (lab->topology, "Before")->powered);
  ck_assert (cord_console_run_until_idle (lab_console (lab, "Before"), CORD_CONSOLE_BOOT_NS, &error));
  ck_assert_str_eq (lab_ios (lab, "Before")->hostname, "Before");
}
END_TEST

START_TEST (test_hostname_names_device)
{
  g_autoptr(Lab) lab = lab_new (FALSE);
  CordDevice *router;

  lab_run (lab, "@add 1841 Router0\n@add 2960-24TT Taken\n@Router0\nno\n@press return\n"
                "enable\nconfigure terminal\nhostname Edge\n");
  router = cord_topology_find_device (lab->topology, "Edge");
  ck_assert_ptr_nonnull (router);
  ck_assert_str_eq (cord_topology_get_undo_label (lab->topology), "Rename Device");
  /* A name another device has: IOS takes it, the canvas keeps its own. */
  lab_run (lab, "hostname Taken\n");
  ck_assert_str_eq (lab_ios (lab, "Edge")->hostname, "Taken");
  ck_assert_str_eq (router->name, "Edge");
  /* `no hostname` is the model's default name again. */
  lab_run (lab, "no hostname\n");
  ck_assert_str_eq (router->name, "Router");
  /* A config replayed at power-on names nothing. */
  lab_run (lab, "hostname Saved\nend\nwrite memory\nconfigure terminal\nhostname Other\nend\n"
                "@power Other off\n@power Other on\n@press return\n");
  ck_assert_str_eq (lab_ios (lab, "Other")->hostname, "Saved");
  ck_assert_str_eq (router->name, "Other");
}
END_TEST

START_TEST (test_boot_errors)
{
  g_autoptr(Lab) lab = lab_new (FALSE);
  g_autoptr(GError) error = NULL;
  CordDevice *r7;
  CordConsole *console;

  lab_run (lab, "@add 1841 R7\n");
  r7 = cord_topology_find_device (lab->topology, "R7");
  console = lab_console (lab, "R7");
  ck_assert (cord_topology_set_config (lab->topology, r7, CORD_CONFIG_STARTUP,
                                       "!\nhostname Seven\nbogus command\n!\nline con 0\n"
                                       " password cisco\n login\nno such thing\nend\n", &error));
  lab_run (lab, "@power R7 off\n@power R7 on\n");
  /* The boot takes its time: nothing answers until it is over. */
  ck_assert (cord_console_is_busy (console));
  ck_assert_ptr_null (cord_console_get_session (console));
  ck_assert (cord_console_run_until_idle (console, CORD_CONSOLE_BOOT_NS, &error));
  ck_assert_uint_eq (cord_engine_now (lab->engine), CORD_CONSOLE_BOOT_NS);
  /* IOS skips the lines it cannot read and goes on. */
  ck_assert_uint_eq (cord_console_get_boot_errors (console), 2);
  ck_assert_str_eq (lab_ios (lab, "R7")->hostname, "Seven");
  ck_assert_str_eq (lab_ios (lab, "R7")->console.password, "cisco");
  ck_assert (lab_ios (lab, "R7")->console.login);
}
END_TEST

/* Loading a lab rebuilds each device from the texts it stores. */
START_TEST (test_load_rebuilds_state)
{
  g_autofree char *path = g_build_filename (TOP_SRCDIR, "data", "labs", "vlan-router-on-a-stick.pclab", NULL);
  g_autoptr(GError) error = NULL;
  CordTopology *topology = cord_lab_load_file (cord_catalog_get_default (), path, &error);
  g_autoptr(Lab) lab = NULL;
  g_autoptr(GArray) vlans = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  gboolean staff = FALSE;

  ck_assert_msg (topology != NULL, "%s", error ? error->message : "");
  lab = lab_new_for (topology, TRUE);
  for (guint i = 0; i < cord_topology_get_n_devices (topology); i++)
    {
      CordDevice *device = cord_topology_get_device (topology, i);
      CordConsole *console = cord_consoles_lookup (cord_script_get_consoles (lab->script), device);

      ck_assert_ptr_nonnull (console);
      ck_assert (!cord_console_is_busy (console));
      if (cord_kind_has_ios (device->model->kind))
        {
          ck_assert_uint_eq (cord_console_get_boot_errors (console), 0);
          ck_assert_str_eq (lab_ios (lab, device->name)->hostname, device->name);
        }
    }
  /* vlan.dat came back with its names. */
  vlans = cord_switch_list_vlans (cord_script_get_sim (lab->script), cord_topology_find_device (topology, "S3"));
  for (guint i = 0; i < vlans->len; i++)
    staff |= g_array_index (vlans, CordVlanInfo, i).vid == 10 &&
             g_strcmp0 (g_array_index (vlans, CordVlanInfo, i).name, "Staff") == 0;
  ck_assert (staff);

  /* The network works at once. */
  lab_run (lab, "@PC2\nping 20.0.0.11\nping 10.0.0.12\n");
  output = lab_output (lab);
  ck_assert_ptr_nonnull (strstr (output, "Packets: Sent = 4, Received = 3, Lost = 1 (25% loss)"));
  ck_assert_ptr_nonnull (strstr (output, "Packets: Sent = 4, Received = 4, Lost = 0 (0% loss)"));

  /* Keeping the texts in step is no edit: no undo step, nothing modified,
   * and the same file comes out. */
  ck_assert (!cord_topology_can_undo (topology));
  ck_assert (!cord_topology_is_modified (topology));
  cord_consoles_sync_to_topology (cord_script_get_consoles (lab->script));
  ck_assert (!cord_topology_can_undo (topology));
  ck_assert (!cord_topology_is_modified (topology));
  saved = cord_lab_to_bytes (topology);
  ck_assert (g_file_get_contents (path, &contents, &len, NULL));
  ck_assert (g_bytes_get_size (saved) == len && memcmp (g_bytes_get_data (saved, NULL), contents, len) == 0);
}
END_TEST

/* --- Consoles ------------------------------------------------------------ */

START_TEST (test_console_kinds)
{
  g_autoptr(Lab) lab = lab_new (FALSE);
  CordConsoles *consoles = cord_script_get_consoles (lab->script);

  lab_run (lab, "@add 1841 R1\n@add 2960-24TT S1\n@add 3560-24PS M1\n@add Switch-PT S2\n"
                "@add PC-PT PC1\n@add Laptop-PT L1\n@add Server-PT V1\n@add Hub-PT H1\n@add Bridge-PT B1\n");
  ck_assert_int_eq (cord_console_get_kind (lab_console (lab, "R1")), CORD_CONSOLE_IOS);
  ck_assert_int_eq (cord_console_get_kind (lab_console (lab, "S1")), CORD_CONSOLE_IOS);
  ck_assert_int_eq (cord_console_get_kind (lab_console (lab, "M1")), CORD_CONSOLE_IOS);
  ck_assert_int_eq (cord_console_get_kind (lab_console (lab, "S2")), CORD_CONSOLE_IOS);
  ck_assert_int_eq (cord_console_get_kind (lab_console (lab, "PC1")), CORD_CONSOLE_PC);
  ck_assert_int_eq (cord_console_get_kind (lab_console (lab, "L1")), CORD_CONSOLE_PC);
  ck_assert_int_eq (cord_console_get_kind (lab_console (lab, "V1")), CORD_CONSOLE_PC);
  ck_assert_ptr_null (lab_console (lab, "H1"));
  ck_assert_ptr_null (lab_console (lab, "B1"));
  ck_assert_ptr_eq (cord_console_get_device (lab_console (lab, "R1")),
                    cord_topology_find_device (lab->topology, "R1"));
  ck_assert_ptr_eq (cord_consoles_get_sim (consoles), cord_script_get_sim (lab->script));
  /* Added devices boot at once: a router asks for the setup dialog, the
   * others are ready; nothing is busy. */
  for (guint i = 0; i < cord_topology_get_n_devices (lab->topology); i++)
    {
      CordConsole *console = cord_consoles_lookup (consoles, cord_topology_get_device (lab->topology, i));

      ck_assert (console == NULL || !cord_console_is_busy (console));
    }
  ck_assert (g_str_has_suffix (cord_console_get_scrollback (lab_console (lab, "R1"), NULL),
                               "Would you like to enter the initial configuration dialog? [yes/no]: "));
  ck_assert (g_str_has_suffix (cord_console_get_scrollback (lab_console (lab, "S1"), NULL),
                               "Press RETURN to get started!\r\n"));
  ck_assert (g_str_has_suffix (cord_console_get_scrollback (lab_console (lab, "PC1"), NULL), "C:\\>"));
}
END_TEST

typedef struct {
  GString *seen;
  guint    destroyed;
} Listened;

static void
count_destroy (gpointer user_data)
{
  ((Listened *) user_data)->destroyed++;
}

static void
collect (CordConsole *console,
         const char  *data,
         gsize        len,
         gpointer     user_data)
{
  g_string_append_len (((Listened *) user_data)->seen, data, len);
}

START_TEST (test_listeners_and_scrollback)
{
  g_autoptr(Lab) lab = lab_new (FALSE);
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  Listened listened = { seen, 0 };
  CordConsole *console;
  const char *scroll;
  gsize len;
  guint id;

  lab_run (lab, "@add 2960-24TT S1\n@S1\n@press return\nenable\nterminal length 0\n");
  console = lab_console (lab, "S1");
  id = cord_console_add_listener (console, collect, &listened, count_destroy);
  lab_run (lab, "show running-config\n");
  ck_assert_ptr_nonnull (strstr (seen->str, "interface FastEthernet0/24\r\n"));
  cord_console_remove_listener (console, id);
  ck_assert_uint_eq (listened.destroyed, 1);
  g_string_truncate (seen, 0);
  lab_run (lab, "show running-config\n");
  ck_assert_uint_eq (seen->len, 0);

  /* The scrollback keeps the recent output, from the start of a line. */
  for (guint i = 0; i < 160; i++)
    lab_run (lab, "show running-config\n");
  scroll = cord_console_get_scrollback (console, &len);
  ck_assert_uint_le (len, CORD_CONSOLE_SCROLLBACK_BYTES);
  ck_assert_uint_gt (len, CORD_CONSOLE_SCROLLBACK_BYTES - 200);
  ck_assert (scroll[-1] == '\n');
  ck_assert (g_str_has_suffix (scroll, "end\r\n\r\n\r\nSwitch#"));

  /* A listener goes with its device. */
  cord_console_add_listener (console, collect, &listened, count_destroy);
  ck_assert (cord_topology_remove_device (lab->topology, cord_topology_find_device (lab->topology, "S1"), &error));
  ck_assert_uint_eq (listened.destroyed, 2);
  ck_assert (!cord_script_run_line (lab->script, "enable", 1, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "gone"));
}
END_TEST

/* Keys typed during a ping wait for it; Ctrl-^ ends it. */
START_TEST (test_typeahead_and_abort)
{
  g_autoptr(Lab) lab = lab_new (FALSE);
  g_autoptr(GError) error = NULL;
  CordConsole *console;
  g_autofree char *output = NULL;
  const char *typed = "ping 10.9.9.9\rshow history\r";
  const char *rate, *history;

  lab_run (lab, "@add 1841 R1\n@R1\nno\n@press return\nenable\n");
  console = lab_console (lab, "R1");
  cord_console_feed (console, typed, strlen (typed));
  ck_assert (cord_console_is_busy (console));
  ck_assert (cord_console_run_until_idle (console, 60 * CORD_ENGINE_NS_PER_SEC, &error));
  output = lab_output (lab);
  rate = strstr (output, ".....\r\nSuccess rate is 0 percent (0/5)\r\n\r\nRouter#show history\r\n");
  ck_assert_msg (rate != NULL, "%s", output);
  history = strstr (rate, "  ping 10.9.9.9\r\n  show history\r\nRouter#");
  ck_assert_ptr_nonnull (history);

  /* Ctrl-^ after one echo timed out: the rate counts what came back. */
  g_clear_pointer (&output, g_free);
  cord_console_feed (console, "ping 10.9.9.9\r", 14);
  cord_engine_run_for (lab->engine, 3 * CORD_ENGINE_NS_PER_SEC);
  ck_assert (cord_console_is_busy (console));
  cord_console_feed (console, "\x1ex", 2);
  ck_assert (!cord_console_is_busy (console));
  output = lab_output (lab);
  ck_assert (g_str_has_suffix (output, ".\r\nSuccess rate is 0 percent (0/1)\r\n\r\nRouter#"));

  /* A console that never gets idle is an error, not a hang. */
  cord_console_feed (console, "ping 10.9.9.9\r", 14);
  ck_assert (!cord_console_run_until_idle (console, CORD_ENGINE_NS_PER_SEC, &error));
  ck_assert_int_eq (error->code, CORD_ERROR_LIMIT);
  ck_assert_ptr_nonnull (strstr (error->message, "R1"));
  g_clear_error (&error);

  /* Switching off ends the ping without a word. */
  g_clear_pointer (&output, g_free);
  lab_run (lab, "@power R1 off\n");
  output = lab_output (lab);
  ck_assert (g_str_has_suffix (output, "timeout is 2 seconds:\r\n"));
  ck_assert (!cord_console_is_busy (console));
}
END_TEST

/* Freeing the consoles while a ping runs stops it cleanly. */
START_TEST (test_free_while_busy)
{
  g_autoptr(Lab) lab = lab_new (FALSE);

  lab_run (lab, "@add 1841 R1\n@add PC-PT PC1\n@R1\nno\n@press return\n@PC1\n");
  cord_console_feed (lab_console (lab, "R1"), "ping 10.1.1.1\r", 14);
  cord_console_feed (lab_console (lab, "PC1"), "ping 10.1.1.1\r", 14);
  ck_assert (cord_console_is_busy (lab_console (lab, "R1")));
  cord_engine_run_for (lab->engine, CORD_ENGINE_NS_PER_SEC);
}
END_TEST

static Suite *
consoles_suite (void)
{
  Suite *suite = suite_create ("consoles");
  TCase *transcripts = tcase_create ("transcripts");
  TCase *life = tcase_create ("life-cycle");
  TCase *consoles = tcase_create ("consoles");

  tcase_add_loop_test (transcripts, test_transcript, 0, transcript_names->len);
  tcase_add_test (life, test_seed_lab);
  tcase_add_test (life, test_config_round_trip);
  tcase_add_test (life, test_power_cycle);
  tcase_add_test (life, test_undo_power_off);
  tcase_add_test (life, test_hostname_names_device);
  tcase_add_test (life, test_boot_errors);
  tcase_add_test (life, test_load_rebuilds_state);
  tcase_add_test (consoles, test_console_kinds);
  tcase_add_test (consoles, test_listeners_and_scrollback);
  tcase_add_test (consoles, test_typeahead_and_abort);
  tcase_add_test (consoles, test_free_while_busy);
  suite_add_tcase (suite, transcripts);
  suite_add_tcase (suite, life);
  suite_add_tcase (suite, consoles);
  return suite;
}

int
main (void)
{
  int status;

  transcript_names = list_transcripts ();
  /* The transcripts must be there: an empty list would pass silently. */
  if (transcript_names->len == 0)
    {
      fprintf (stderr, "no exec-*.txt or lifecycle-*.txt in %s/transcripts\n", TEST_SRCDIR);
      return 1;
    }
  status = cord_test_run (consoles_suite ());
  g_ptr_array_unref (transcript_names);
  return status;
}
