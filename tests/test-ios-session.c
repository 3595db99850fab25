/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for IOS console sessions: golden transcripts in tests/transcripts, fed one byte at a time. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ios-exec.h"
#include "ios-modules.h"
#include "ios-session.h"
#include "ios-strings.h"
#include "ios-labs.h"
#include "ios-config-device.h"
#include "test-util.h"
#include "transcript.h"

/* A transcript (tests/transcripts/NAME.txt) is the screen of a console,
 * line by line, with what is typed in between:
 *
 *   ## comment                  ignored
 *   @platform router|switch     the device (before any input; router by default)
 *   @cli test                   adds the test commands below to the default ones
 *   @log MESSAGE                the device logs MESSAGE at this point
 *   @lab NAME                   the device is a console of a simulated lab
 *                               (tests/ios-labs.h; before any input) …
 *   @console DEVICE             … and of this device of it
 *   @run SECONDS                virtual time passes
 *   @ping DEVICE A.B.C.D        DEVICE pings and waits for the answers
 *   @platform MODEL             a fresh device of that model (tests/ios-config-device.h) …
 *   @cable PORT MODEL PEERPORT  … a new MODEL cabled to its PORT
 *   @uncable PORT               … the cable on PORT taken away
 *   > KEYS                      KEYS are typed, one byte at a time
 *   anything else               exact output; lines end with CR LF
 *
 * Typed keys and expected output share the escapes <CR> <LF> <TAB> <BS> <DEL>
 * <ESC> <BEL> <SP> <LT> <?> <UP> <DOWN> <LEFT> <RIGHT> <CTRL-A>…<CTRL-Z> and
 * <REPEAT n c> (c, n times); any other "<…>" is literal text, like "<cr>".
 * The session starts with cord_ios_session_start(). After every step the
 * output so far must begin the expected text, and at the end equal it.
 * Put each "> " line after the screen line its keys appear on. Set
 * IOS_TRANSCRIPT_DUMP=1 to print what a session really wrote. */

typedef enum {
  STEP_INPUT,
  STEP_LOG,
  STEP_LAB,      /* a lab directive: run, ping */
} StepKind;

typedef struct {
  StepKind  kind;
  char     *text;
  gsize     len;
  guint     line;
} Step;

typedef struct {
  char            *name;
  gboolean         switch_platform;
  gboolean         test_cli;
  char            *lab;
  char            *console;
  char            *model;      /* @platform MODEL */
  GArray          *steps;      /* Step */
  GString         *expected;
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
  g_free (transcript->console);
  g_free (transcript->model);
  g_array_unref (transcript->steps);
  g_string_free (transcript->expected, TRUE);
  g_free (transcript);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Transcript, transcript_free)

static Transcript *
transcript_load (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_SRCDIR, "transcripts", name, NULL);
  g_auto(GStrv) lines = NULL;
  Transcript *transcript = g_new0 (Transcript, 1);
  gboolean first = TRUE;
  guint n;

  transcript->name = g_strdup (name);
  transcript->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (transcript->steps, (GDestroyNotify) step_clear);
  transcript->expected = g_string_new (NULL);
  lines = transcript_read_lines (path, &n);

  for (guint i = 0; i < n; i++)
    {
      const char *line = lines[i];

      if (!transcript_line_counts (name, i + 1, line))
        continue;
      if (strcmp (line, "@platform switch") == 0)
        transcript->switch_platform = TRUE;
      else if (strcmp (line, "@platform router") == 0)
        transcript->switch_platform = FALSE;
      else if (g_str_has_prefix (line, "@platform "))
        {
          g_free (transcript->model);
          transcript->model = g_strdup (line + strlen ("@platform "));
        }
      else if (strcmp (line, "@cli test") == 0)
        transcript->test_cli = TRUE;
      else if (g_str_has_prefix (line, "@lab ") || g_str_has_prefix (line, "@console "))
        {
          ck_assert_msg (transcript->steps->len == 0, "%s:%u: %s after input", name, i + 1, line);
          g_free (line[1] == 'l' ? transcript->lab : transcript->console);
          if (line[1] == 'l')
            transcript->lab = g_strdup (line + strlen ("@lab "));
          else
            transcript->console = g_strdup (line + strlen ("@console "));
        }
      else if (g_str_has_prefix (line, "@run ") || g_str_has_prefix (line, "@ping ") ||
               g_str_has_prefix (line, "@cable ") || g_str_has_prefix (line, "@uncable "))
        {
          Step step = { STEP_LAB, g_strdup (line + 1), strlen (line + 1), i + 1 };

          g_array_append_val (transcript->steps, step);
        }
      else if (g_str_has_prefix (line, "@log ") || g_str_has_prefix (line, "> "))
        {
          Step step = { line[0] == '@' ? STEP_LOG : STEP_INPUT, NULL, 0, i + 1 };

          step.text = transcript_decode_keys (line + (step.kind == STEP_LOG ? 5 : 2), &step.len);
          g_array_append_val (transcript->steps, step);
        }
      else
        transcript_expect_line (transcript->expected, &first, name, i + 1, line);
    }
  return transcript;
}

/* --- Commands only the transcripts have -------------------------------- */

/* The ports of the test device: FastEthernet0/0-24 and GigabitEthernet0/0-2,
 * with any sub-interface. */
static gpointer
test_lookup (CordIosDevice *ios,
             const char    *name,
             gpointer       user_data)
{
  guint port, sub;
  char dot;
  int n = 0;

  if (sscanf (name, "FastEthernet0/%u%n", &port, &n) == 1 && port <= 24)
    ;
  else if (sscanf (name, "GigabitEthernet0/%u%n", &port, &n) == 1 && port <= 2)
    ;
  else
    return NULL;
  if (name[n] != '\0' && sscanf (name + n, "%c%u", &dot, &sub) != 2)
    return NULL;
  return GINT_TO_POINTER (1);
}

static void
test_enter (CordIosExec *exec)
{
  const char *name = cord_ios_exec_arg (exec, "IFNAME");
  CordIosNodeId node = CORD_IOS_NODE_INTERFACE;

  if (cord_ios_exec_has (exec, "range"))
    {
      name = cord_ios_exec_arg (exec, "LINE");
      node = CORD_IOS_NODE_IF_RANGE;
    }
  else if (cord_ios_exec_has (exec, "vlan"))
    {
      name = cord_ios_exec_arg (exec, "id");
      node = CORD_IOS_NODE_VLAN;
    }
  else if (cord_ios_exec_has (exec, "router"))
    {
      name = "rip";
      node = CORD_IOS_NODE_ROUTER;
    }
  else if (cord_ios_exec_interface (exec, "IFNAME") == NULL)
    return;
  else if (strchr (name, '.') != NULL)
    node = CORD_IOS_NODE_SUBIF;
  cord_ios_exec_enter (exec, node, g_strdup (name), g_free);
}

static void
test_where (CordIosExec *exec)
{
  cord_ios_exec_print (exec, "context: %s\n", (const char *) cord_ios_exec_get_context (exec));
}

static void
test_count (CordIosExec *exec)
{
  gint64 n = cord_ios_exec_arg_int (exec, "n", 0);

  for (gint64 i = 1; i <= n; i++)
    cord_ios_exec_print (exec, "line %" G_GINT64_FORMAT "\n", i);
}

#define WHERE_CMD(node) \
  { node, "where", CORD_IOS_HELPS ("Show the object this mode edits"), test_where, 0 }

static const CordIosCommand test_commands[] = {
  { CORD_IOS_NODE_CONFIG, "interface IFNAME", CORD_IOS_HELPS (INTERFACE_STR, "Interface"), test_enter, 0 },
  { CORD_IOS_NODE_CONFIG, "interface range LINE",
    CORD_IOS_HELPS (INTERFACE_STR, "interface range command", "Interfaces"), test_enter, 0 },
  { CORD_IOS_NODE_CONFIG, "vlan (1-4094)$id", CORD_IOS_HELPS (VLAN_STR, "ISL VLAN IDs 1-1005"), test_enter, 0 },
  { CORD_IOS_NODE_CONFIG, "router rip", CORD_IOS_HELPS (ROUTER_STR, "Routing Information Protocol (RIP)"),
    test_enter, 0 },
  { CORD_IOS_NODE_ENABLE, "count (1-1000)$n", CORD_IOS_HELPS ("Print numbered lines", "How many"),
    test_count, 0 },
  WHERE_CMD (CORD_IOS_NODE_INTERFACE),
  WHERE_CMD (CORD_IOS_NODE_IF_RANGE),
  WHERE_CMD (CORD_IOS_NODE_SUBIF),
  WHERE_CMD (CORD_IOS_NODE_VLAN),
  WHERE_CMD (CORD_IOS_NODE_ROUTER),
  { 0 },
};

static const CordIosModule test_module = { "test", test_commands, NULL };

static CordIosCli *
make_cli (gboolean with_test)
{
  const CordIosModule *const modules[] = {
    &cord_ios_module_base, &cord_ios_module_line, &test_module, NULL,
  };
  g_autoptr(GError) error = NULL;
  CordIosCli *cli;

  if (!with_test)
    return cord_ios_cli_ref (cord_ios_cli_get_default ());
  cli = cord_ios_cli_new (modules, &error);
  ck_assert_msg (cli != NULL, "%s", error ? error->message : "");
  return cli;
}

static void
capture (CordIosSession *session,
         const char     *data,
         gsize           len,
         gpointer        user_data)
{
  g_string_append_len (user_data, data, len);
}

static CordIosSession *
make_session (CordIosCli     *cli,
              CordIosPlatform platform,
              GString        *out)
{
  g_autoptr(CordIosDevice) ios = cord_ios_device_new (platform, NULL, NULL);
  CordIosSession *session = cord_ios_session_new (cli, ios);

  ios->lookup_interface = test_lookup;

  cord_ios_session_set_output (session, capture, out, NULL);
  return session;
}

static GPtrArray *transcript_names;

START_TEST (test_transcript)
{
  const char *name = transcript_names->pdata[_i];
  g_autoptr(Transcript) transcript = transcript_load (name);
  g_autoptr(CordIosCli) cli = make_cli (transcript->test_cli);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(IosLab) lab = { 0 };
  g_autoptr(CordIosSession) session = NULL;

  if (transcript->lab != NULL)
    {
      ck_assert_msg (transcript->console != NULL, "%s: @lab without @console", name);
      ios_lab_build (&lab, transcript->lab, transcript->console);
      session = cord_ios_session_new (cli, lab.ios);
      cord_ios_session_set_output (session, capture, out, NULL);
    }
  else if (transcript->model != NULL)
    {
      g_autoptr(CordIosDevice) ios = ios_config_device (&lab, transcript->model);

      session = cord_ios_session_new (cli, ios);
      cord_ios_session_set_output (session, capture, out, NULL);
      ios_config_attach (&lab, session);
    }
  else
    session = make_session (cli, transcript->switch_platform ? CORD_IOS_PLATFORM_SWITCH
                                                              : CORD_IOS_PLATFORM_ROUTER, out);
  cord_ios_session_start (session);
  for (guint s = 0; s < transcript->steps->len; s++)
    {
      const Step *step = &g_array_index (transcript->steps, Step, s);

      if (step->kind == STEP_LOG)
        cord_ios_session_log (session, step->text);
      else if (step->kind == STEP_LAB)
        {
          if (!ios_config_step (&lab, step->text))
            ios_lab_step (&lab, step->text, name, step->line);
        }
      else
        for (gsize i = 0; i < step->len; i++)
          cord_ios_session_feed (session, step->text + i, 1);
      if (!transcript_begins (transcript->expected, out))
        {
          g_autofree char *message =
            transcript_describe_difference (name, transcript->expected, out, step->line, 300);

          ck_abort_msg ("%s", message);
        }
    }
  if (g_getenv ("IOS_TRANSCRIPT_DUMP") != NULL)
    {
      g_autofree char *text = transcript_render (out->str, out->len);

      fprintf (stderr, "=== %s ===\n%s\n=== end ===\n", name, text);
    }
  if (!g_string_equal (out, transcript->expected))
    {
      g_autofree char *message =
        transcript_describe_difference (name, transcript->expected, out, 0, 300);

      ck_abort_msg ("%s", message);
    }
}
END_TEST

/* --- Properties no single transcript shows ----------------------------- */

static const char script[] =
  "\ren\rconf t\rhostname R9\rline vty 0 4\rpassword x\r\x1a\rsh run\r \r"
  "sh hist\r\x1b[A\x1b[A\x01\x05\x15show x?\x08\x08\x08\x08\x08\x08\tterminal length 0\r";

static char *
run_script (const char *input,
            gsize       len,
            gsize       chunk)
{
  g_autoptr(CordIosCli) cli = make_cli (FALSE);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(CordIosSession) session = make_session (cli, CORD_IOS_PLATFORM_ROUTER, out);

  cord_ios_session_start (session);
  for (gsize i = 0; i < len; i += chunk)
    cord_ios_session_feed (session, input + i, MIN (chunk, len - i));
  return g_strdup (out->str);
}

START_TEST (test_chunking)
{
  /* However the bytes are cut up, the session writes the same thing. */
  g_autofree char *one = run_script (script, sizeof script - 1, 1);
  g_autofree char *three = run_script (script, sizeof script - 1, 3);
  g_autofree char *all = run_script (script, sizeof script - 1, sizeof script);

  ck_assert_str_eq (one, three);
  ck_assert_str_eq (one, all);
  ck_assert (strstr (one, "R9#") != NULL);
}
END_TEST

START_TEST (test_line_ends)
{
  /* CR, LF and CR LF are each one Enter; so is telnet's CR NUL. */
  g_autofree char *cr = run_script ("\ren\rconf t\r", 11, 1);
  g_autofree char *lf = run_script ("\nen\nconf t\n", 11, 1);
  g_autofree char *crlf = run_script ("\r\nen\r\nconf t\r\n", 14, 1);
  g_autofree char *crnul = run_script ("\r\0en\r\0conf t\r\0", 14, 1);

  ck_assert_str_eq (cr, lf);
  ck_assert_str_eq (cr, crlf);
  ck_assert_str_eq (cr, crnul);
  ck_assert (g_str_has_suffix (cr, "Router(config)#"));
}
END_TEST

START_TEST (test_state)
{
  g_autoptr(CordIosCli) cli = make_cli (TRUE);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(CordIosSession) session = make_session (cli, CORD_IOS_PLATFORM_SWITCH, out);
  g_autofree char *prompt = NULL;
  const char *typed = "\renable\rconfigure terminal\rinterface fa0/1\r";

  cord_ios_session_feed (session, typed, strlen (typed));
  prompt = cord_ios_session_get_prompt (session);
  ck_assert_str_eq (prompt, "Switch(config-if)#");
  ck_assert_int_eq (cord_ios_session_get_node (session), CORD_IOS_NODE_INTERFACE);
  ck_assert_uint_eq (cord_ios_session_get_history (session)->len, 1);
  ck_assert_uint_eq (cord_ios_session_get_length (session), CORD_IOS_DEFAULT_LENGTH);
  ck_assert (cord_ios_session_get_device (session)->platform == CORD_IOS_PLATFORM_SWITCH);
}
END_TEST

START_TEST (test_history_size)
{
  g_autoptr(CordIosCli) cli = make_cli (FALSE);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(CordIosSession) session = make_session (cli, CORD_IOS_PLATFORM_ROUTER, out);
  const GPtrArray *history;

  cord_ios_session_feed (session, "\r", 1);
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *line = g_strdup_printf ("terminal length %u\r", i);

      cord_ios_session_feed (session, line, strlen (line));
    }
  history = cord_ios_session_get_history (session);
  ck_assert_uint_eq (history->len, CORD_IOS_HISTORY_SIZE);
  ck_assert_str_eq (history->pdata[0], "terminal length 15");
  ck_assert_str_eq (history->pdata[CORD_IOS_HISTORY_SIZE - 1], "terminal length 24");
}
END_TEST

START_TEST (test_random_keys)
{
  /* Keys and words in random order: no crash, no line past the limit, and
   * the console still answers afterwards. */
  static const char *const pieces[] = {
    "\r", "\n", "\r\n", "\t", "?", " ", "\b", "\x7f", "\x01", "\x03", "\x05", "\x0b", "\x15",
    "\x16", "\x17", "\x1a", "\x1b", "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D", "\x1b[3~", "\x1b[",
    "q", "en", "enable", "conf t", "exit", "end", "do", "sh", "show run", "hist", "int fa0/1",
    "interface range", "vlan 5", "router rip", "line vty 0 15", "password", "login", "banner motd #",
    "#", "^C", "count 60", "terminal length 3", "hostname", "no", "ip domain-lookup", "where", "\xff",
  };
  g_autoptr(CordIosCli) cli = make_cli (TRUE);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(CordIosSession) session = make_session (cli, CORD_IOS_PLATFORM_ROUTER, out);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);

  cord_ios_session_start (session);
  for (guint i = 0; i < 40000; i++)
    {
      const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

      cord_ios_session_feed (session, piece, strlen (piece));
      if (i % 5000 == 0)
        cord_ios_session_log (session, "%LINK-5-CHANGED: Interface FastEthernet0/1, changed state to up");
    }
  g_string_truncate (out, 0);
  /* Whatever state it was left in, these keys bring back a prompt. */
  cord_ios_session_feed (session, "q#\r\r\r\x1a\x15\r", 9);
  ck_assert_msg (g_str_has_suffix (out->str, ">") || g_str_has_suffix (out->str, "#") ||
                 g_str_has_suffix (out->str, "Password: ") || g_str_has_suffix (out->str, "\r\n"),
                 "%s", out->str);
}
END_TEST

/* What a device writes into its running-config, typed back into a fresh
 * device, gives the same running-config (tests/ios-config-device.h). */
START_TEST (test_config_round_trip)
{
  static const char *const router[] = {
    "hostname R1", "interface fa0/0", "description to S1", "no shutdown", "duplex full", "speed 100",
    "int fa0/0.10", "encapsulation dot1Q 10", "ip address 192.168.10.1 255.255.255.0",
    "int fa0/0.20", "description native", "encapsulation dot1Q 20 native",
    "ip address 192.168.20.1 255.255.255.0", "shutdown",
    "interface fa0/1", "ip address 10.0.0.1 255.255.255.252",
    "interface vlan 1", "ip address 172.16.0.1 255.255.0.0", "no shutdown",
    "ip route 0.0.0.0 0.0.0.0 10.0.0.2", "ip route 172.20.0.0 255.255.0.0 FastEthernet0/1",
    "ip route 172.21.0.0 255.255.0.0 fa0/1 10.0.0.2 5", "end", NULL,
  };
  static const char *const dhcp[] = {
    "no service dhcp", "ip dhcp excluded-address 10.0.0.1", "ip dhcp excluded-address 192.168.1.1 192.168.1.9",
    "ip dhcp pool LAN", "network 192.168.1.0/24", "default-router 192.168.1.1",
    "dns-server 192.168.1.5", "domain-name lab.example", "lease 0 12 30", "ip dhcp pool EMPTY",
    "ip dhcp pool TEN", "network 10.0.0.0", "lease infinite", "interface fa0/0", "end", NULL,
  };
  static const char *const sw[] = {
    "hostname S1", "vlan 10", "name Sales", "vlan 99", "exit",
    "interface range fa0/1 - 4", "switchport mode access", "switchport access vlan 10",
    "interface fa0/5", "switchport access vlan 30", "shutdown", "description parking lot",
    "interface gi0/1", "switchport mode trunk", "switchport trunk native vlan 99",
    "switchport trunk allowed vlan 10,20,30-40,99", "switchport nonegotiate", "speed 100", "duplex full",
    "interface fa0/24", "switchport mode dynamic desirable",
    "interface vlan 99", "ip address 192.168.99.2 255.255.255.0",
    "interface vlan 1", "no shutdown", "ip default-gateway 192.168.99.1", "end", NULL,
  };
  static const char *const l3[] = {
    "ip routing", "interface fa0/1", "no switchport", "ip address 10.1.1.1 255.255.255.0",
    "interface fa0/2", "switchport trunk encapsulation dot1q", "switchport mode trunk",
    "interface vlan 10", "ip address 10.10.10.1 255.255.255.0",
    "ip route 0.0.0.0 0.0.0.0 10.1.1.2", "end", NULL,
  };
  g_autofree char *r = ios_config_round_trip ("1841", router);
  g_autofree char *s = ios_config_round_trip ("2960-24TT", sw);
  g_autofree char *m = ios_config_round_trip ("3560-24PS", l3);
  g_autofree char *d = ios_config_round_trip ("1841", dhcp);

  ck_assert_msg (strstr (d, "no service password-encryption\nno service dhcp\n!\nhostname Router\n") != NULL &&
                 strstr (d, "!\n!\nip dhcp excluded-address 10.0.0.1\n"
                            "ip dhcp excluded-address 192.168.1.1 192.168.1.9\n!\n"
                            "ip dhcp pool LAN\n network 192.168.1.0 255.255.255.0\n default-router 192.168.1.1\n"
                            " dns-server 192.168.1.5\n domain-name lab.example\n lease 0 12 30\n!\n"
                            "ip dhcp pool EMPTY\n!\nip dhcp pool TEN\n network 10.0.0.0 255.0.0.0\n"
                            " lease infinite\n!\n!\n!\n!\ninterface FastEthernet0/0\n") != NULL, "%s", d);
  ck_assert_msg (strstr (r, "interface FastEthernet0/0\n description to S1\n no ip address\n duplex full\n"
                            " speed 100\n!\ninterface FastEthernet0/0.10\n encapsulation dot1Q 10\n"
                            " ip address 192.168.10.1 255.255.255.0\n!\ninterface FastEthernet0/0.20\n"
                            " description native\n encapsulation dot1Q 20 native\n"
                            " ip address 192.168.20.1 255.255.255.0\n shutdown\n!\n"
                            "interface FastEthernet0/1\n ip address 10.0.0.1 255.255.255.252\n duplex auto\n"
                            " speed auto\n shutdown\n!\ninterface Vlan1\n ip address 172.16.0.1 255.255.0.0\n!\n"
                            "ip classless\nip route 0.0.0.0 0.0.0.0 10.0.0.2 \n"
                            "ip route 172.20.0.0 255.255.0.0 FastEthernet0/1 \n"
                            "ip route 172.21.0.0 255.255.0.0 FastEthernet0/1 10.0.0.2 5 \n!\n"
                            "ip flow-export version 9\n") != NULL, "%s", r);
  ck_assert_msg (strstr (s, "interface FastEthernet0/4\n switchport access vlan 10\n switchport mode access\n!\n"
                            "interface FastEthernet0/5\n description parking lot\n switchport access vlan 30\n"
                            " shutdown\n!\n") != NULL, "%s", s);
  ck_assert_msg (strstr (s, "interface FastEthernet0/24\n switchport mode dynamic desirable\n!\n"
                            "interface GigabitEthernet0/1\n switchport trunk native vlan 99\n"
                            " switchport trunk allowed vlan 10,20,30-40,99\n switchport mode trunk\n"
                            " switchport nonegotiate\n duplex full\n speed 100\n!\n") != NULL, "%s", s);
  ck_assert_msg (strstr (s, "interface Vlan1\n no ip address\n!\ninterface Vlan99\n"
                            " ip address 192.168.99.2 255.255.255.0\n!\nip default-gateway 192.168.99.1\n!\n")
                 != NULL, "%s", s);
  ck_assert_msg (strstr (m, "ip routing\n") != NULL, "%s", m);
  ck_assert_msg (strstr (m, "interface FastEthernet0/1\n no switchport\n ip address 10.1.1.1 255.255.255.0\n!\n"
                            "interface FastEthernet0/2\n switchport trunk encapsulation dot1q\n"
                            " switchport mode trunk\n!\n") != NULL, "%s", m);
  ck_assert_msg (strstr (m, "ip classless\nip route 0.0.0.0 0.0.0.0 10.1.1.2 \n!\n") != NULL, "%s", m);
}
END_TEST

/* Random configuration lines and cable changes: no crash, and the config
 * they leave still survives its round trip. */
START_TEST (test_config_random)
{
  static const char *const models[] = { "1841", "2960-24TT", "3560-24PS" };

  ios_config_random (models[_i % G_N_ELEMENTS (models)], 20240611u + (guint32) _i, 1500);
}
END_TEST

static GPtrArray *
list_transcripts (void)
{
  /* exec-*.txt and lifecycle-*.txt need a simulated network: test-consoles.c
   * runs them. */
  static const char * const skip[] = { "exec-", "lifecycle-", NULL };
  g_autofree char *dir_path = g_build_filename (TEST_SRCDIR, "transcripts", NULL);

  return transcript_list (dir_path, skip);
}

static Suite *
ios_session_suite (void)
{
  Suite *suite = suite_create ("ios-session");
  TCase *transcripts = tcase_create ("transcripts");
  TCase *session = tcase_create ("session");

  tcase_add_loop_test (transcripts, test_transcript, 0, transcript_names->len);
  tcase_add_test (session, test_chunking);
  tcase_add_test (session, test_line_ends);
  tcase_add_test (session, test_state);
  tcase_add_test (session, test_history_size);
  tcase_add_test (session, test_random_keys);
  tcase_add_test (session, test_config_round_trip);
  tcase_add_loop_test (session, test_config_random, 0, 6);
  suite_add_tcase (suite, transcripts);
  suite_add_tcase (suite, session);
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
      fprintf (stderr, "no transcripts in %s/transcripts\n", TEST_SRCDIR);
      return 1;
    }
  status = cord_test_run (ios_session_suite ());
  g_ptr_array_unref (transcript_names);
  return status;
}
