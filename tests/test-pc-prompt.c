/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the PC Command Prompt: golden transcripts in tests/transcripts/pc on small labs, run on virtual time. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cord-limits.h"
#include "dhcp-server.h"
#include "ip.h"
#include "net-util.h"
#include "pc-prompt.h"
#include "sim.h"
#include "switching.h"
#include "test-util.h"
#include "transcript.h"

/* A transcript (tests/transcripts/pc/NAME.txt) is the screen of a Command
 * Prompt, line by line, with what is typed and how time passes in between:
 *
 *   ## comment        ignored
 *   @lab NAME         the lab (before any input; "crossover" by default):
 *                     crossover   PC0 .10 = PC1 .11, 192.168.1.0/24
 *                     switch      PC0 .10, PC1 .11, Laptop0 .12, Server0 .13
 *                                 and PC2 (DHCP, no address) on switch S1
 *                     router      PC0 192.168.1.10 - R1 - PC1 192.168.2.10
 *                     two-routers PC0 192.168.1.10 - R1 =serial= R2 - PC1 192.168.2.10
 *                     dhcp-server PC0 (DHCP) - S1 - R1 192.168.1.1, whose pool LAN
 *                                 hands out 192.168.1.11 and up, DNS 192.168.1.5
 *   @device NAME      whose prompt this is (before any input; PC0 by default)
 *   @run SECONDS      virtual time passes
 *   @idle             virtual time passes, a second at a time, until the
 *                     prompt is no longer busy (at most 1000 s)
 *   > KEYS            KEYS are typed, one byte at a time
 *   anything else     exact output; lines end with CR LF
 *
 * Typed keys and expected output share the escapes <CR> <LF> <TAB> <BS>
 * <DEL> <ESC> <BEL> <SP> <LT> <?> <UP> <DOWN> <LEFT> <RIGHT> <CTRL-A>…<CTRL-Z>
 * and <REPEAT n c> (c, n times); any other "<…>" is literal text. The
 * prompt starts with cord_pc_prompt_start(). After every step the output
 * so far must begin the expected text, and at the end equal it. Set
 * PC_TRANSCRIPT_DUMP=1 to print, as a transcript, what a prompt really
 * wrote (nothing is compared then). */

typedef enum {
  STEP_INPUT,
  STEP_RUN,
  STEP_IDLE,
} StepKind;

typedef struct {
  StepKind  kind;
  char     *text;
  gsize     len;
  guint64   ns;
  guint     line;
} Step;

typedef struct {
  char     *name;
  char     *lab;
  char     *device;
  GArray   *steps;      /* Step */
  GString  *expected;
} Transcript;

static void
step_clear (Step *step)
{
  g_free (step->text);
}

static void
transcript_free (Transcript *transcript)
{
  g_free (transcript->name);
  g_free (transcript->lab);
  g_free (transcript->device);
  g_array_unref (transcript->steps);
  g_string_free (transcript->expected, TRUE);
  g_free (transcript);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Transcript, transcript_free)

static Transcript *
transcript_load (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_SRCDIR, "transcripts", "pc", name, NULL);
  g_auto(GStrv) lines = NULL;
  Transcript *transcript = g_new0 (Transcript, 1);
  gboolean first = TRUE;
  guint n;

  transcript->name = g_strdup (name);
  transcript->lab = g_strdup ("crossover");
  transcript->device = g_strdup ("PC0");
  transcript->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (transcript->steps, (GDestroyNotify) step_clear);
  transcript->expected = g_string_new (NULL);
  lines = transcript_read_lines (path, &n);

  for (guint i = 0; i < n; i++)
    {
      const char *line = lines[i];
      Step step = { STEP_INPUT, NULL, 0, 0, i + 1 };

      if (!transcript_line_counts (name, i + 1, line))
        continue;
      if (g_str_has_prefix (line, "@lab "))
        {
          ck_assert_msg (transcript->steps->len == 0, "%s:%u: @lab after input", name, i + 1);
          g_free (transcript->lab);
          transcript->lab = g_strdup (line + 5);
        }
      else if (g_str_has_prefix (line, "@device "))
        {
          ck_assert_msg (transcript->steps->len == 0, "%s:%u: @device after input", name, i + 1);
          g_free (transcript->device);
          transcript->device = g_strdup (line + 8);
        }
      else if (g_str_has_prefix (line, "@run "))
        {
          char *end = NULL;
          double seconds = g_ascii_strtod (line + 5, &end);

          ck_assert_msg (end != line + 5 && *end == '\0' && seconds > 0 && seconds <= 100000,
                         "%s:%u: @run takes seconds", name, i + 1);
          step.kind = STEP_RUN;
          step.ns = (guint64) (seconds * CORD_ENGINE_NS_PER_SEC + 0.5);
          g_array_append_val (transcript->steps, step);
        }
      else if (strcmp (line, "@idle") == 0)
        {
          step.kind = STEP_IDLE;
          g_array_append_val (transcript->steps, step);
        }
      else if (g_str_has_prefix (line, "> "))
        {
          step.text = transcript_decode_keys (line + 2, &step.len);
          g_array_append_val (transcript->steps, step);
        }
      else
        transcript_expect_line (transcript->expected, &first, name, i + 1, line);
    }
  return transcript;
}

/* --- Labs ---------------------------------------------------------------- */

static void
build_lab (Net        *net,
           const char *lab)
{
  g_autoptr(GError) error = NULL;

  net_init_sim (net);

  if (strcmp (lab, "crossover") == 0)
    {
      host (net, "PC-PT", "PC0", "192.168.1.10", "255.255.255.0", NULL);
      host (net, "PC-PT", "PC1", "192.168.1.11", "255.255.255.0", NULL);
      cable (net, "PC0", "FastEthernet0", "PC1", "FastEthernet0");
    }
  else if (strcmp (lab, "switch") == 0)
    {
      add (net, "2960-24TT", "S1");
      host (net, "PC-PT", "PC0", "192.168.1.10", "255.255.255.0", "192.168.1.1");
      host (net, "PC-PT", "PC1", "192.168.1.11", "255.255.255.0", "192.168.1.1");
      host (net, "Laptop-PT", "Laptop0", "192.168.1.12", "255.255.255.0", "192.168.1.1");
      host (net, "Server-PT", "Server0", "192.168.1.13", "255.255.255.0", "192.168.1.1");
      host (net, "PC-PT", "PC2", NULL, NULL, NULL);
      cable (net, "S1", "FastEthernet0/1", "PC0", "FastEthernet0");
      cable (net, "S1", "FastEthernet0/2", "PC1", "FastEthernet0");
      cable (net, "S1", "FastEthernet0/3", "Laptop0", "FastEthernet0");
      cable (net, "S1", "FastEthernet0/4", "Server0", "FastEthernet0");
      cable (net, "S1", "FastEthernet0/5", "PC2", "FastEthernet0");
    }
  else if (strcmp (lab, "router") == 0)
    {
      add (net, "1841", "R1");
      host (net, "PC-PT", "PC0", "192.168.1.10", "255.255.255.0", "192.168.1.1");
      host (net, "PC-PT", "PC1", "192.168.2.10", "255.255.255.0", "192.168.2.1");
      cable (net, "R1", "FastEthernet0/0", "PC0", "FastEthernet0");
      cable (net, "R1", "FastEthernet0/1", "PC1", "FastEthernet0");
      router_if (net, "R1", "FastEthernet0/0", "192.168.1.1", "255.255.255.0");
      router_if (net, "R1", "FastEthernet0/1", "192.168.2.1", "255.255.255.0");
    }
  else if (strcmp (lab, "two-routers") == 0)
    {
      add (net, "1841", "R1");
      add (net, "1841", "R2");
      host (net, "PC-PT", "PC0", "192.168.1.10", "255.255.255.0", "192.168.1.1");
      host (net, "PC-PT", "PC1", "192.168.2.10", "255.255.255.0", "192.168.2.1");
      for (guint i = 0; i < 2; i++)
        {
          CordDevice *r = dev (net, i == 0 ? "R1" : "R2");

          ck_assert (cord_topology_set_power (net->topology, r, FALSE, &error));
          ck_assert (cord_topology_insert_module (net->topology, r, "0/0", "WIC-2T", &error));
          ck_assert (cord_topology_set_power (net->topology, r, TRUE, &error));
        }
      cable (net, "R1", "Serial0/0/0", "R2", "Serial0/0/0");
      cable (net, "R1", "FastEthernet0/0", "PC0", "FastEthernet0");
      cable (net, "R2", "FastEthernet0/0", "PC1", "FastEthernet0");
      router_if (net, "R1", "FastEthernet0/0", "192.168.1.1", "255.255.255.0");
      router_if (net, "R1", "Serial0/0/0", "10.1.1.1", "255.255.255.252");
      router_if (net, "R2", "FastEthernet0/0", "192.168.2.1", "255.255.255.0");
      router_if (net, "R2", "Serial0/0/0", "10.1.1.2", "255.255.255.252");
      ck_assert (cord_ip_route_add (net->sim, dev (net, "R1"), ip4 ("192.168.2.0"), ip4 ("255.255.255.0"),
                                    ip4 ("10.1.1.2"), NULL, 0, &error));
      ck_assert (cord_ip_route_add (net->sim, dev (net, "R2"), ip4 ("192.168.1.0"), ip4 ("255.255.255.0"),
                                    ip4 ("10.1.1.1"), NULL, 0, &error));
    }
  else if (strcmp (lab, "dhcp-server") == 0)
    {
      CordDhcpPool pool = { "LAN", ip4 ("192.168.1.0"), ip4 ("255.255.255.0"), ip4 ("192.168.1.1"),
                            ip4 ("192.168.1.5"), NULL, 0 };

      add (net, "1841", "R1");
      add (net, "2960-24TT", "S1");
      host (net, "PC-PT", "PC0", NULL, NULL, NULL);
      cable (net, "R1", "FastEthernet0/0", "S1", "FastEthernet0/1");
      cable (net, "PC0", "FastEthernet0", "S1", "FastEthernet0/2");
      router_if (net, "R1", "FastEthernet0/0", "192.168.1.1", "255.255.255.0");
      ck_assert (cord_dhcp_server_set_pool (net->sim, dev (net, "R1"), &pool, &error));
      ck_assert (cord_dhcp_server_exclude (net->sim, dev (net, "R1"), ip4 ("192.168.1.1"), ip4 ("192.168.1.10"),
                                           TRUE, &error));
    }
  else
    ck_abort_msg ("unknown lab %s", lab);
  /* Links come up and switch ports settle before anyone types. */
  cord_engine_run_for (net->engine, 60 * CORD_ENGINE_NS_PER_SEC);
}

/* --- Running transcripts ------------------------------------------------- */

static void
capture (CordPcPrompt *prompt,
         const char   *data,
         gsize         len,
         gpointer      user_data)
{
  g_string_append_len (user_data, data, len);
}

static void
run_until_idle (Net          *net,
                CordPcPrompt *prompt,
                const char   *where,
                guint         line)
{
  for (guint i = 0; i < 1000 && cord_pc_prompt_is_busy (prompt); i++)
    cord_engine_run_for (net->engine, CORD_ENGINE_NS_PER_SEC);
  ck_assert_msg (!cord_pc_prompt_is_busy (prompt), "%s:%u: still busy after 1000 s", where, line);
}

static GPtrArray *transcript_names;

/* What the prompt wrote, as a transcript with every step after the screen
 * line it belongs to. */
static void
dump_transcript (const Transcript *transcript,
                 const GString    *out,
                 const GArray     *starts)
{
  g_autofree char *text = transcript_render (out->str, out->len);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *dump = g_string_new (NULL);
  guint s = 0;

  g_string_append_printf (dump, "@lab %s\n@device %s\n", transcript->lab, transcript->device);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_string_append_printf (dump, "%s\n", lines[l]);
      for (; s < transcript->steps->len && g_array_index (starts, guint, s) <= l; s++)
        {
          const Step *step = &g_array_index (transcript->steps, Step, s);
          g_autofree char *keys = NULL;

          switch (step->kind)
            {
            case STEP_RUN:
              g_string_append_printf (dump, "@run %g\n", (double) step->ns / CORD_ENGINE_NS_PER_SEC);
              break;
            case STEP_IDLE:
              g_string_append (dump, "@idle\n");
              break;
            case STEP_INPUT:
            default:
              keys = transcript_render (step->text, step->len);
              g_string_append_printf (dump, "> %s\n", keys);
              break;
            }
        }
    }
  fprintf (stderr, "=== %s ===\n%s=== end ===\n", transcript->name, dump->str);
  g_string_free (dump, TRUE);
}

START_TEST (test_transcript)
{
  const char *name = transcript_names->pdata[_i];
  g_autoptr(Transcript) transcript = transcript_load (name);
  g_auto(Net) net = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(CordPcPrompt) prompt = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean dump = g_getenv ("PC_TRANSCRIPT_DUMP") != NULL;

  build_lab (&net, transcript->lab);
  prompt = cord_pc_prompt_new (net.sim, dev (&net, transcript->device));
  cord_pc_prompt_set_output (prompt, capture, out);
  cord_pc_prompt_start (prompt);
  for (guint s = 0; s < transcript->steps->len; s++)
    {
      const Step *step = &g_array_index (transcript->steps, Step, s);
      guint line = 0;

      /* Keys appear on the line being written; time passes before the
       * line that is still empty. */
      for (gsize i = 0; i + 1 < out->len; i++)
        line += out->str[i] == '\r' && out->str[i + 1] == '\n';
      if (step->kind != STEP_INPUT && line > 0 && g_str_has_suffix (out->str, "\r\n"))
        line--;
      g_array_append_val (starts, line);
      switch (step->kind)
        {
        case STEP_RUN:
          cord_engine_run_for (net.engine, step->ns);
          break;
        case STEP_IDLE:
          run_until_idle (&net, prompt, name, step->line);
          break;
        case STEP_INPUT:
        default:
          for (gsize i = 0; i < step->len; i++)
            cord_pc_prompt_feed (prompt, step->text + i, 1);
          break;
        }
      if (!dump && !transcript_begins (transcript->expected, out))
        {
          g_autofree char *message =
            transcript_describe_difference (name, transcript->expected, out, step->line, 400);

          ck_abort_msg ("%s", message);
        }
    }
  if (dump)
    dump_transcript (transcript, out, starts);
  else if (!g_string_equal (out, transcript->expected))
    {
      g_autofree char *message =
        transcript_describe_difference (name, transcript->expected, out, 0, 400);

      ck_abort_msg ("%s", message);
    }
}
END_TEST

/* --- Properties no single transcript shows ------------------------------- */

typedef struct {
  Net            net;
  GString       *out;
  CordPcPrompt  *prompt;
} Fixture;

static void
fixture_init (Fixture    *f,
              const char *lab,
              const char *device)
{
  build_lab (&f->net, lab);
  f->out = g_string_new (NULL);
  f->prompt = cord_pc_prompt_new (f->net.sim, dev (&f->net, device));
  cord_pc_prompt_set_output (f->prompt, capture, f->out);
  cord_pc_prompt_start (f->prompt);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_pointer (&f->prompt, cord_pc_prompt_free);
  if (f->out != NULL)
    g_string_free (f->out, TRUE);
  f->out = NULL;
  net_clear (&f->net);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static void
type (Fixture    *f,
      const char *keys)
{
  cord_pc_prompt_feed (f->prompt, keys, strlen (keys));
}

static const char script[] =
  "ipconfig\rarp -a\rhelp\rbogus\r\x1b[A\x1b[A\x01\x05\x15ipconfig /all\b\b\b\bxx\rarp\r"
  "ipconfig 10.0.0.1 255.0.0.0 10.0.0.254\ripconfig /?\rtracert\rping\r\x03ping -q\r";

static char *
run_script (const char *input,
            gsize       len,
            gsize       chunk)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f, "crossover", "PC0");
  for (gsize i = 0; i < len; i += chunk)
    cord_pc_prompt_feed (f.prompt, input + i, MIN (chunk, len - i));
  return g_strdup (f.out->str);
}

START_TEST (test_chunking)
{
  /* However the bytes are cut up, the prompt writes the same thing. */
  g_autofree char *one = run_script (script, sizeof script - 1, 1);
  g_autofree char *three = run_script (script, sizeof script - 1, 3);
  g_autofree char *all = run_script (script, sizeof script - 1, sizeof script);

  ck_assert_str_eq (one, three);
  ck_assert_str_eq (one, all);
  ck_assert (g_str_has_suffix (one, "C:\\>"));
}
END_TEST

START_TEST (test_line_ends)
{
  /* CR, LF and CR LF are each one Enter; so is telnet's CR NUL. */
  g_autofree char *cr = run_script ("arp -a\rhelp\r", 12, 1);
  g_autofree char *lf = run_script ("arp -a\nhelp\n", 12, 1);
  g_autofree char *crlf = run_script ("arp -a\r\nhelp\r\n", 14, 1);
  g_autofree char *crnul = run_script ("arp -a\r\0help\r\0", 14, 1);

  ck_assert_str_eq (cr, lf);
  ck_assert_str_eq (cr, crlf);
  ck_assert_str_eq (cr, crnul);
  ck_assert (g_str_has_suffix (cr, "\r\n\r\nC:\\>"));
}
END_TEST

START_TEST (test_busy)
{
  g_auto(Fixture) f = { 0 };
  const GPtrArray *history;

  fixture_init (&f, "crossover", "PC0");
  ck_assert (!cord_pc_prompt_is_busy (f.prompt));
  /* The LF of CR LF arrives after the ping started: still one Enter. */
  type (&f, "ping 192.168.1.11\r");
  ck_assert (cord_pc_prompt_is_busy (f.prompt));
  type (&f, "\nipconfig\r");
  ck_assert (strstr (f.out->str, "ipconfig") == NULL);
  /* Echoes leave a second apart and are answered at once: 3 s and a bit. */
  cord_engine_run_for (f.net.engine, 3 * CORD_ENGINE_NS_PER_SEC);
  ck_assert (cord_pc_prompt_is_busy (f.prompt));
  cord_engine_run_for (f.net.engine, CORD_ENGINE_NS_PER_SEC);
  ck_assert (!cord_pc_prompt_is_busy (f.prompt));
  ck_assert (g_str_has_suffix (f.out->str, "Average = 0ms\r\n\r\nC:\\>"));
  history = cord_pc_prompt_get_history (f.prompt);
  ck_assert_uint_eq (history->len, 1);
  ck_assert_str_eq (history->pdata[0], "ping 192.168.1.11");
  ck_assert (cord_pc_prompt_get_device (f.prompt) == dev (&f.net, "PC0"));

  /* ipconfig /renew waits on virtual time too. */
  cord_pc_prompt_free (f.prompt);
  f.prompt = cord_pc_prompt_new (f.net.sim, dev (&f.net, "PC1"));
  cord_pc_prompt_start (f.prompt);
  {
    g_autoptr(GError) error = NULL;
    CordHostIp dhcp = { TRUE, 0, 0, 0, 0 };

    ck_assert (cord_topology_set_host_ip (f.net.topology, dev (&f.net, "PC1"), &dhcp, &error));
  }
  type (&f, "ipconfig /renew\r");
  ck_assert (cord_pc_prompt_is_busy (f.prompt));
  cord_engine_run_for (f.net.engine, 30 * CORD_ENGINE_NS_PER_SEC);
  ck_assert (!cord_pc_prompt_is_busy (f.prompt));
}
END_TEST

START_TEST (test_free_while_busy)
{
  /* Freeing a prompt mid-command stops the command, says nothing, and
   * leaves nothing on the engine. */
  static const char *const commands[] = {
    "ping -t 192.168.1.11\r", "tracert 10.9.9.9\r", "ipconfig /renew\r",
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Fixture) f = { 0 };
      gsize shown;

      fixture_init (&f, "switch", i == 2 ? "PC2" : "PC0");
      type (&f, commands[i]);
      cord_engine_run_for (f.net.engine, 2500 * CORD_ENGINE_NS_PER_MS);
      ck_assert (cord_pc_prompt_is_busy (f.prompt));
      shown = f.out->len;
      g_clear_pointer (&f.prompt, cord_pc_prompt_free);
      cord_engine_run_for (f.net.engine, 600 * CORD_ENGINE_NS_PER_SEC);
      ck_assert_uint_eq (f.out->len, shown);
    }
}
END_TEST

START_TEST (test_restart)
{
  g_auto(Fixture) f = { 0 };

  fixture_init (&f, "crossover", "PC0");
  type (&f, "ping -t 192.168.1.11\r");
  cord_engine_run_for (f.net.engine, 2 * CORD_ENGINE_NS_PER_SEC);
  g_string_truncate (f.out, 0);
  cord_pc_prompt_start (f.prompt);
  ck_assert (!cord_pc_prompt_is_busy (f.prompt));
  ck_assert_str_eq (f.out->str, "Cisco Packet Tracer PC Command Line 1.0\r\nC:\\>");
  ck_assert_uint_eq (cord_pc_prompt_get_history (f.prompt)->len, 0);
  cord_engine_run_for (f.net.engine, 10 * CORD_ENGINE_NS_PER_SEC);
  ck_assert_str_eq (f.out->str, "Cisco Packet Tracer PC Command Line 1.0\r\nC:\\>");
}
END_TEST

START_TEST (test_power_off_mid_ping)
{
  /* The stack ends the ping when the PC goes off: statistics and the
   * prompt, with no Control-C. */
  g_auto(Fixture) f = { 0 };
  g_autoptr(GError) error = NULL;

  fixture_init (&f, "crossover", "PC0");
  type (&f, "ping -t 192.168.1.11\r");
  cord_engine_run_for (f.net.engine, 1500 * CORD_ENGINE_NS_PER_MS);
  ck_assert (cord_topology_set_power (f.net.topology, dev (&f.net, "PC0"), FALSE, &error));
  ck_assert (!cord_pc_prompt_is_busy (f.prompt));
  ck_assert_msg (g_str_has_suffix (f.out->str, "Lost = 0 (0% loss),\r\nApproximate round trip times in "
                                   "milli-seconds:\r\n    Minimum = 0ms, Maximum = 0ms, Average = 0ms\r\n"
                                   "\r\nC:\\>"), "%s", f.out->str);
  ck_assert (strstr (f.out->str, "Control-C") == NULL);
}
END_TEST

START_TEST (test_ipconfig_undo)
{
  /* Static settings typed at the prompt are one undoable edit. */
  g_auto(Fixture) f = { 0 };
  g_autoptr(GError) error = NULL;
  CordDevice *pc0;

  fixture_init (&f, "crossover", "PC0");
  pc0 = dev (&f.net, "PC0");
  type (&f, "ipconfig 10.1.2.3 255.255.0.0 10.1.0.1\r");
  ck_assert (!pc0->host.dhcp);
  ck_assert_uint_eq (pc0->host.address, ip4 ("10.1.2.3"));
  ck_assert_uint_eq (pc0->host.mask, ip4 ("255.255.0.0"));
  ck_assert_uint_eq (pc0->host.gateway, ip4 ("10.1.0.1"));
  ck_assert (cord_topology_undo (f.net.topology, &error));
  ck_assert_uint_eq (pc0->host.address, ip4 ("192.168.1.10"));
  ck_assert_uint_eq (pc0->host.gateway, 0);
  /* The same settings again make no edit. */
  ck_assert (cord_topology_redo (f.net.topology, &error));
  type (&f, "ipconfig 10.1.2.3 255.255.0.0 10.1.0.1\r");
  ck_assert (cord_topology_undo (f.net.topology, &error));
  ck_assert_uint_eq (pc0->host.address, ip4 ("192.168.1.10"));
}
END_TEST

START_TEST (test_random_keys)
{
  /* Keys and words in random order with time passing: no crash, no line
   * past the limit, and the prompt still answers afterwards. */
  static const char *const pieces[] = {
    "\r", "\n", "\r\n", "\t", "?", " ", "\b", "\x7f", "\x01", "\x03", "\x03", "\x1b", "\x1b[A",
    "\x1b[B", "\x1b[C", "\x1b[D", "\x1b[3~", "\x1b[", "\x1b[1~", "\x1b[4~", "\xff", "q",
    "ping", "ping -t 192.168.1.11", "ping -n 2 192.168.1.11", "ping 192.168.1.99", "ping -l",
    "tracert 192.168.1.11", "tracert", "arp -a", "arp -d", "ipconfig", "ipconfig /all",
    "ipconfig /release", "ipconfig /renew", "ipconfig 192.168.1.10 255.255.255.0", "help", "exit",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  };
  g_auto(Fixture) f = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240612);
  const GPtrArray *history;

  fixture_init (&f, "crossover", "PC0");
  for (guint i = 0; i < 30000; i++)
    {
      const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

      type (&f, piece);
      if (g_rand_int_range (rand, 0, 20) == 0)
        cord_engine_run_for (f.net.engine, g_rand_int_range (rand, 1, 3000) * CORD_ENGINE_NS_PER_MS);
      if (f.out->len > 1000000)
        g_string_truncate (f.out, 0);
    }
  history = cord_pc_prompt_get_history (f.prompt);
  ck_assert_uint_le (history->len, CORD_PC_PROMPT_HISTORY_SIZE);
  for (guint i = 0; i < history->len; i++)
    ck_assert_uint_le (strlen (history->pdata[i]), CORD_LIMIT_CONSOLE_LINE);
  /* Whatever it was doing, Ctrl-C, time and Enter bring the prompt back. */
  type (&f, "\x03");
  cord_engine_run_for (f.net.engine, 30 * CORD_ENGINE_NS_PER_SEC);
  g_string_truncate (f.out, 0);
  type (&f, "\x03\r");
  ck_assert_msg (g_str_has_suffix (f.out->str, "C:\\>"), "%s", f.out->str);
}
END_TEST

static GPtrArray *
list_transcripts (void)
{
  g_autofree char *dir_path = g_build_filename (TEST_SRCDIR, "transcripts", "pc", NULL);

  return transcript_list (dir_path, NULL);
}

static Suite *
pc_prompt_suite (void)
{
  Suite *suite = suite_create ("pc-prompt");
  TCase *transcripts = tcase_create ("transcripts");
  TCase *prompt = tcase_create ("prompt");

  tcase_add_loop_test (transcripts, test_transcript, 0, transcript_names->len);
  tcase_add_test (prompt, test_chunking);
  tcase_add_test (prompt, test_line_ends);
  tcase_add_test (prompt, test_busy);
  tcase_add_test (prompt, test_free_while_busy);
  tcase_add_test (prompt, test_restart);
  tcase_add_test (prompt, test_power_off_mid_ping);
  tcase_add_test (prompt, test_ipconfig_undo);
  tcase_add_test (prompt, test_random_keys);
  tcase_set_timeout (prompt, 120);
  suite_add_tcase (suite, transcripts);
  suite_add_tcase (suite, prompt);
  return suite;
}

int
main (void)
{
  int status;

  transcript_names = list_transcripts ();
  /* A missing folder must fail the suite, not pass it empty. */
  if (transcript_names->len == 0)
    {
      fprintf (stderr, "no transcripts in %s/transcripts/pc\n", TEST_SRCDIR);
      return 1;
    }
  status = cord_test_run (pc_prompt_suite ());
  g_ptr_array_unref (transcript_names);
  return status;
}
