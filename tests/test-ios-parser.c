/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the IOS command matcher: abbreviations, errors and carets, `?` lists, Tab, `no` and `do`. */
#include "config.h"

#include <string.h>

#include "cord-error.h"
#include "ios-modules.h"
#include "ios-parser.h"
#include "ios-strings.h"
#include "test-util.h"

static void
test_noop (CordIosExec *exec)
{
}

/* Commands later tables will bring, to exercise every kind of token. */
static const CordIosCommand test_commands[] = {
  { CORD_IOS_NODE_CONFIG, "interface IFNAME",
    CORD_IOS_HELPS (INTERFACE_STR, "Interface"), test_noop, 0 },
  { CORD_IOS_NODE_CONFIG, "ip route A.B.C.D A.B.C.D A.B.C.D",
    CORD_IOS_HELPS (IP_CONFIG_STR, "Establish static routes", "Destination prefix",
                    "Destination prefix mask", "Forwarding router's address"), test_noop, 0 },
  { CORD_IOS_NODE_CONFIG, "ipv6 unicast-routing",
    CORD_IOS_HELPS ("Global IPv6 configuration commands", "Enable unicast routing"), test_noop, 0 },
  { CORD_IOS_NODE_CONFIG, "vlan (1-4094)$id",
    CORD_IOS_HELPS (VLAN_STR, "ISL VLAN IDs 1-1005"), test_noop, CORD_IOS_CMD_SWITCHING },
  { CORD_IOS_NODE_INTERFACE, "[no] shutdown",
    CORD_IOS_HELPS (NO_STR, "Shutdown the selected interface"), test_noop, 0 },
  { CORD_IOS_NODE_INTERFACE, "ip address A.B.C.D A.B.C.D",
    CORD_IOS_HELPS (IP_INTERFACE_STR, "Set the IP address of an interface", "IP address", "IP subnet mask"),
    test_noop, 0 },
  { CORD_IOS_NODE_INTERFACE, "switchport mode <access|trunk>$kind",
    CORD_IOS_HELPS ("Set switching mode characteristics", "Set trunking mode of the interface",
                    "Set trunking mode to ACCESS unconditionally",
                    "Set trunking mode to TRUNKING unconditionally"), test_noop, 0 },
  { CORD_IOS_NODE_INTERFACE, "description LINE",
    CORD_IOS_HELPS ("Interface specific description", "Up to 240 characters describing this interface"),
    test_noop, 0 },
  { CORD_IOS_NODE_ENABLE, "show ip route [A.B.C.D/M]",
    CORD_IOS_HELPS (SHOW_STR, IP_STR, "IP routing table", "Network in prefix form"), test_noop, 0 },
  { 0 },
};

static const CordIosModule test_module = { "test", test_commands, NULL };

static CordIosCli *
make_cli (void)
{
  const CordIosModule *const modules[] = {
    &cord_ios_module_base, &cord_ios_module_line, &test_module, NULL,
  };
  g_autoptr(GError) error = NULL;
  CordIosCli *cli = cord_ios_cli_new (modules, &error);

  ck_assert_msg (cli != NULL, "%s", error ? error->message : "");
  return cli;
}

/* Matches @line and checks the status, and where the error is. */
static void
check (CordIosCli         *cli,
       CordIosDevice      *ios,
       CordIosNodeId       node,
       const char         *line,
       CordIosMatchStatus  status,
       gssize              error_offset)
{
  g_auto(CordIosMatch) match = { 0 };

  cord_ios_cli_match (cli, ios, node, line, &match);
  ck_assert_msg (match.status == status, "“%s”: status %d, expected %d", line, match.status, status);
  if (error_offset >= 0)
    ck_assert_msg (match.error_offset == (gsize) error_offset, "“%s”: caret at %zu, expected %zd",
                   line, match.error_offset, error_offset);
}

/* Matches @line and returns the syntax of the command it ran into. */
static const char *
matched_syntax (CordIosCli    *cli,
                CordIosDevice *ios,
                CordIosNodeId  node,
                const char    *line)
{
  g_auto(CordIosMatch) match = { 0 };

  ck_assert_msg (cord_ios_cli_match (cli, ios, node, line, &match), "“%s” does not match (%d)",
                 line, match.status);
  return match.command->syntax;
}

static char *
arg_of (CordIosCli    *cli,
        CordIosDevice *ios,
        CordIosNodeId  node,
        const char    *line,
        const char    *name)
{
  g_auto(CordIosMatch) match = { 0 };

  ck_assert_msg (cord_ios_cli_match (cli, ios, node, line, &match), "“%s” does not match", line);
  for (guint i = 0; i < match.args->len; i++)
    {
      CordIosArg *arg = &g_array_index (match.args, CordIosArg, i);

      if (strcmp (arg->name, name) == 0)
        return g_strdup (arg->value);
    }
  return NULL;
}

START_TEST (test_abbreviations)
{
  g_autoptr(CordIosCli) cli = make_cli ();
  g_autoptr(CordIosDevice) ios = cord_ios_device_new (CORD_IOS_PLATFORM_ROUTER, NULL, NULL);

  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_ENABLE, "conf t"), "configure terminal");
  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_ENABLE, "CONFIGURE Terminal"), "configure terminal");
  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_ENABLE, "  sh   run  "), "show running-config");
  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_ENABLE, "sh ip ro"), "show ip route [A.B.C.D/M]");
  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_USER, "en"), "enable");
  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_CONFIG, "host R1"), "hostname WORD");
  /* An exact keyword wins over a longer one it begins: ip, ipv6. */
  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_CONFIG, "ip route 10.0.0.0 255.0.0.0 1.1.1.1"),
                    "ip route A.B.C.D A.B.C.D A.B.C.D");
  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_CONFIG, "ipv unicast"), "ipv6 unicast-routing");
  /* A keyword beats WORD: "enable secret 5 HASH" is the hash form. */
  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_CONFIG, "enable secret 5 x"),
                    "enable secret [<0|5>] LINE");
}
END_TEST

START_TEST (test_errors_and_carets)
{
  g_autoptr(CordIosCli) cli = make_cli ();
  g_autoptr(CordIosDevice) ios = cord_ios_device_new (CORD_IOS_PLATFORM_ROUTER, NULL, NULL);

  /* The reference transcripts: the caret sits under the first character no
   * keyword accepts. */
  check (cli, ios, CORD_IOS_NODE_CONFIG, "baner motd #", CORD_IOS_MATCH_INVALID, 3);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "ip domain-lookup rl.net", CORD_IOS_MATCH_INVALID, 17);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "name management", CORD_IOS_MATCH_INVALID, 1);
  check (cli, ios, CORD_IOS_NODE_INTERFACE, "no shotdown", CORD_IOS_MATCH_INVALID, 5);
  check (cli, ios, CORD_IOS_NODE_INTERFACE, "ip adress 172.31.20.1 255.255.255.0", CORD_IOS_MATCH_INVALID, 5);
  check (cli, ios, CORD_IOS_NODE_INTERFACE, "switchport mode access vlan 10", CORD_IOS_MATCH_INVALID, 23);
  /* Values: the caret goes under the word. */
  check (cli, ios, CORD_IOS_NODE_USER, "terminal length 513", CORD_IOS_MATCH_INVALID, 16);
  check (cli, ios, CORD_IOS_NODE_USER, "terminal length x", CORD_IOS_MATCH_INVALID, 16);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "ip route 10.0.0.256 255.0.0.0 1.1.1.1", CORD_IOS_MATCH_INVALID, 9);
  check (cli, ios, CORD_IOS_NODE_ENABLE, "show ip route 10.0.0.0/33", CORD_IOS_MATCH_INVALID, 14);
  check (cli, ios, CORD_IOS_NODE_ENABLE, "show ip route 10.0.0.0/8", CORD_IOS_MATCH_OK, -1);
  /* A word past the end of every command. */
  check (cli, ios, CORD_IOS_NODE_ENABLE, "configure terminal now", CORD_IOS_MATCH_INVALID, 19);

  check (cli, ios, CORD_IOS_NODE_CONFIG, "hostname", CORD_IOS_MATCH_INCOMPLETE, -1);
  check (cli, ios, CORD_IOS_NODE_ENABLE, "configure", CORD_IOS_MATCH_INCOMPLETE, -1);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "ip route 10.0.0.0", CORD_IOS_MATCH_INCOMPLETE, -1);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "e", CORD_IOS_MATCH_AMBIGUOUS, 0);
  check (cli, ios, CORD_IOS_NODE_USER, "e", CORD_IOS_MATCH_AMBIGUOUS, 0);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "no e", CORD_IOS_MATCH_INCOMPLETE, -1);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "no x", CORD_IOS_MATCH_INVALID, 3);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "   ", CORD_IOS_MATCH_EMPTY, -1);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "", CORD_IOS_MATCH_EMPTY, -1);
  /* Privileged commands do not exist in user EXEC. */
  check (cli, ios, CORD_IOS_NODE_USER, "configure terminal", CORD_IOS_MATCH_INVALID, 0);
  check (cli, ios, CORD_IOS_NODE_USER, "show running-config", CORD_IOS_MATCH_INVALID, 5);
}
END_TEST

START_TEST (test_error_word)
{
  g_autoptr(CordIosCli) cli = make_cli ();
  g_auto(CordIosMatch) match = { 0 };

  /* EXEC prints the DNS lookup only for a first word that is no command. */
  cord_ios_cli_match (cli, NULL, CORD_IOS_NODE_ENABLE, "ls -l", &match);
  ck_assert_int_eq (match.status, CORD_IOS_MATCH_INVALID);
  ck_assert_uint_eq (match.error_word, 0);
  cord_ios_match_clear (&match);
  cord_ios_cli_match (cli, NULL, CORD_IOS_NODE_ENABLE, "show lx", &match);
  ck_assert_uint_eq (match.error_word, 1);
}
END_TEST

START_TEST (test_values_and_labels)
{
  g_autoptr(CordIosCli) cli = make_cli ();
  g_autoptr(CordIosDevice) ios = cord_ios_device_new (CORD_IOS_PLATFORM_ROUTER, NULL, NULL);
  g_autofree char *minutes = arg_of (cli, ios, CORD_IOS_NODE_LINE, "exec 5", "minutes");
  g_autofree char *seconds = arg_of (cli, ios, CORD_IOS_NODE_LINE, "exec 5", "seconds");
  g_autofree char *both = arg_of (cli, ios, CORD_IOS_NODE_LINE, "exec-timeout 0 30", "seconds");
  g_autofree char *mode = arg_of (cli, ios, CORD_IOS_NODE_INTERFACE, "sw mo tr", "kind");
  g_autofree char *text = arg_of (cli, ios, CORD_IOS_NODE_INTERFACE, "desc  Link to  R2  ", "LINE");
  g_autofree char *banner = arg_of (cli, ios, CORD_IOS_NODE_CONFIG, "banner motd #Hi there#", "LINE");
  g_autofree char *keyword = arg_of (cli, ios, CORD_IOS_NODE_CONFIG, "enable secret 0 class", "0");

  ck_assert_str_eq (minutes, "5");
  ck_assert_ptr_null (seconds);
  ck_assert_str_eq (both, "30");
  ck_assert_str_eq (mode, "trunk");
  ck_assert_str_eq (text, "Link to  R2");
  ck_assert_str_eq (banner, "#Hi there#");
  ck_assert_str_eq (keyword, "0");
}
END_TEST

START_TEST (test_ifname)
{
  static const CordIosIfType fddi_types[] = {
    { "FastEthernet", "FastEthernet IEEE 802.3" }, { "Fddi", "ANSI X3T9.5" }, { NULL, NULL },
  };
  g_autoptr(CordIosCli) cli = make_cli ();
  g_autoptr(CordIosDevice) ios = cord_ios_device_new (CORD_IOS_PLATFORM_ROUTER, NULL, NULL);
  const char *const same[] = {
    "interface fa0/1", "int FastEthernet0/1", "int fastethernet 0/1", "in f0/1", "int FA 0/1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *name = arg_of (cli, ios, CORD_IOS_NODE_CONFIG, same[i], "IFNAME");

      ck_assert_str_eq (name, "FastEthernet0/1");
    }
  {
    g_autofree char *sub = arg_of (cli, ios, CORD_IOS_NODE_CONFIG, "int Gi0/0.10", "IFNAME");
    g_autofree char *serial = arg_of (cli, ios, CORD_IOS_NODE_CONFIG, "int s0/0/1", "IFNAME");
    g_autofree char *vlan = arg_of (cli, ios, CORD_IOS_NODE_CONFIG, "int vlan 99", "IFNAME");

    ck_assert_str_eq (sub, "GigabitEthernet0/0.10");
    ck_assert_str_eq (serial, "Serial0/0/1");
    ck_assert_str_eq (vlan, "Vlan99");
  }
  check (cli, ios, CORD_IOS_NODE_CONFIG, "interface fastEthernet", CORD_IOS_MATCH_INCOMPLETE, -1);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "interface fastx0/1", CORD_IOS_MATCH_INVALID, 14);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "interface fa0/x", CORD_IOS_MATCH_INVALID, 14);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "interface fa 0/1 x", CORD_IOS_MATCH_INVALID, 17);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "interface 0/1", CORD_IOS_MATCH_INVALID, 10);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "interface fa0/1.10.2", CORD_IOS_MATCH_INVALID, 18);
  /* Two types that start alike are ambiguous, like two keywords. */
  ios->if_types = fddi_types;
  check (cli, ios, CORD_IOS_NODE_CONFIG, "interface f0/1", CORD_IOS_MATCH_AMBIGUOUS, 10);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "interface fa0/1", CORD_IOS_MATCH_OK, -1);
}
END_TEST

START_TEST (test_no_and_do)
{
  g_autoptr(CordIosCli) cli = make_cli ();
  g_autoptr(CordIosDevice) ios = cord_ios_device_new (CORD_IOS_PLATFORM_ROUTER, NULL, NULL);
  g_auto(CordIosMatch) match = { 0 };
  g_autofree char *no = arg_of (cli, ios, CORD_IOS_NODE_CONFIG, "no ip domain-lookup", "no");
  g_autofree char *yes = arg_of (cli, ios, CORD_IOS_NODE_CONFIG, "ip domain-lookup", "no");

  /* `no` forms live in the node of their positive form. */
  ck_assert_str_eq (no, "no");
  ck_assert_ptr_null (yes);
  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_CONFIG, "no host"), "no hostname");
  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_INTERFACE, "no shut"), "[no] shutdown");
  ck_assert_str_eq (matched_syntax (cli, ios, CORD_IOS_NODE_CONFIG, "no ip domain lookup"),
                    "[no] ip domain lookup");

  ck_assert (cord_ios_cli_match (cli, ios, CORD_IOS_NODE_INTERFACE, "do sh run", &match));
  ck_assert_int_eq (match.node, CORD_IOS_NODE_ENABLE);
  ck_assert_str_eq (match.command->syntax, "show running-config");
  ck_assert_uint_eq (match.start, 3);
  cord_ios_match_clear (&match);

  cord_ios_cli_match (cli, ios, CORD_IOS_NODE_CONFIG, "do sh ip route local", &match);
  ck_assert_int_eq (match.status, CORD_IOS_MATCH_INVALID);
  ck_assert_int_eq (match.node, CORD_IOS_NODE_ENABLE);
  ck_assert_uint_eq (match.error_offset, 15);
  ck_assert_uint_eq (match.error_word, 3);
  cord_ios_match_clear (&match);

  check (cli, ios, CORD_IOS_NODE_CONFIG, "do", CORD_IOS_MATCH_INCOMPLETE, -1);
  check (cli, ios, CORD_IOS_NODE_CONFIG, "do sh", CORD_IOS_MATCH_INCOMPLETE, -1);
  /* `do` exists only in configuration modes. */
  check (cli, ios, CORD_IOS_NODE_ENABLE, "do show running-config", CORD_IOS_MATCH_INVALID, 1);
}
END_TEST

START_TEST (test_features)
{
  g_autoptr(CordIosCli) cli = make_cli ();
  g_autoptr(CordIosDevice) router = cord_ios_device_new (CORD_IOS_PLATFORM_ROUTER, NULL, NULL);
  g_autoptr(CordIosDevice) sw = cord_ios_device_new (CORD_IOS_PLATFORM_SWITCH, NULL, NULL);

  check (cli, router, CORD_IOS_NODE_CONFIG, "line aux 0", CORD_IOS_MATCH_OK, -1);
  check (cli, sw, CORD_IOS_NODE_CONFIG, "line aux 0", CORD_IOS_MATCH_INVALID, 5);
  check (cli, sw, CORD_IOS_NODE_CONFIG, "vlan 10", CORD_IOS_MATCH_OK, -1);
  /* The caret goes past the "v" of `version`, which every saved config
   * starts with. */
  check (cli, router, CORD_IOS_NODE_CONFIG, "vlan 10", CORD_IOS_MATCH_INVALID, 1);
  check (cli, sw, CORD_IOS_NODE_CONFIG, "vlan 4095", CORD_IOS_MATCH_INVALID, 5);
}
END_TEST

/* `?` and Tab ------------------------------------------------------------ */

static void
check_describe (CordIosCli    *cli,
                CordIosDevice *ios,
                CordIosNodeId  node,
                const char    *line,
                const char    *expected)
{
  g_autofree char *help = cord_ios_cli_describe (cli, ios, node, line);

  ck_assert_msg (strcmp (help, expected) == 0, "“%s?” gave:\n%s\nexpected:\n%s", line, help, expected);
}

START_TEST (test_describe)
{
  g_autoptr(CordIosCli) cli = make_cli ();
  g_autoptr(CordIosDevice) ios = cord_ios_device_new (CORD_IOS_PLATFORM_ROUTER, NULL, NULL);

  check_describe (cli, ios, CORD_IOS_NODE_ENABLE, "sh", "show  \n\n");
  check_describe (cli, ios, CORD_IOS_NODE_ENABLE, "SH", "show  \n\n");
  check_describe (cli, ios, CORD_IOS_NODE_ENABLE, "e", "enable  exit  \n\n");
  check_describe (cli, ios, CORD_IOS_NODE_ENABLE, "xyz", "% Unrecognized command\n");
  check_describe (cli, ios, CORD_IOS_NODE_ENABLE, "show ",
                  "  history         Display the session command history\n"
                  "  ip              IP information\n"
                  "  running-config  Current operating configuration\n"
                  "\n");
  check_describe (cli, ios, CORD_IOS_NODE_ENABLE, "show ip route ",
                  "  A.B.C.D/nn  Network in prefix form\n"
                  "  <cr>\n"
                  "\n");
  check_describe (cli, ios, CORD_IOS_NODE_USER, "terminal length ",
                  "  <0-512>  Number of lines on screen (0 for no pausing)\n\n");
  check_describe (cli, ios, CORD_IOS_NODE_USER, "terminal length 2", "<0-512>  \n\n");
  check_describe (cli, ios, CORD_IOS_NODE_CONFIG, "hostname R1 ", "  <cr>\n\n");
  check_describe (cli, ios, CORD_IOS_NODE_CONFIG, "hostname ", "  WORD  This system's network name\n\n");
  check_describe (cli, ios, CORD_IOS_NODE_CONFIG, "enable secret ",
                  "  0     Specifies an UNENCRYPTED password will follow\n"
                  "  5     Specifies an ENCRYPTED secret will follow\n"
                  "  LINE  The UNENCRYPTED (cleartext) 'enable' secret\n\n");
  check_describe (cli, ios, CORD_IOS_NODE_LINE, "exec-timeout 5 ",
                  "  <0-2147483>  Timeout in seconds\n  <cr>\n\n");
  check_describe (cli, ios, CORD_IOS_NODE_INTERFACE, "description hello ",
                  "  LINE  Up to 240 characters describing this interface\n  <cr>\n\n");
  check_describe (cli, ios, CORD_IOS_NODE_CONFIG, "e", "enable  end  exit  \n\n");
  check_describe (cli, ios, CORD_IOS_NODE_CONFIG, "e ", "% Ambiguous command:  \"e \"\n");
  /* Hidden spellings are accepted but not offered. */
  check_describe (cli, ios, CORD_IOS_NODE_CONFIG, "ip domain-", "domain-lookup  \n\n");
  check_describe (cli, ios, CORD_IOS_NODE_CONFIG, "ip d", "domain-lookup  \n\n");
  /* `do` offers the EXEC commands. */
  check_describe (cli, ios, CORD_IOS_NODE_CONFIG, "do sh", "show  \n\n");
  check_describe (cli, ios, CORD_IOS_NODE_CONFIG, "do show r", "running-config  \n\n");
  /* Interface types come from the device. */
  check_describe (cli, ios, CORD_IOS_NODE_CONFIG, "interface g", "GigabitEthernet  \n\n");
  check_describe (cli, ios, CORD_IOS_NODE_CONFIG, "interface fastethernet ",
                  "  <0-9>  FastEthernet interface number\n\n");
}
END_TEST

START_TEST (test_describe_titles)
{
  g_autoptr(CordIosCli) cli = make_cli ();
  g_autoptr(CordIosDevice) ios = cord_ios_device_new (CORD_IOS_PLATFORM_ROUTER, NULL, NULL);

  check_describe (cli, ios, CORD_IOS_NODE_USER, "",
                  "Exec commands:\n"
                  "  disable   Turn off privileged commands\n"
                  "  enable    Turn on privileged commands\n"
                  "  exit      Exit from the EXEC\n"
                  "  logout    Exit from the EXEC\n"
                  "  show      Show running system information\n"
                  "  terminal  Set terminal line parameters\n"
                  "\n");
  check_describe (cli, ios, CORD_IOS_NODE_LINE, "",
                  "Line configuration commands:\n"
                  "  do            To run exec commands in config mode\n"
                  "  end           Exit from configure mode\n"
                  "  exec-timeout  Set the EXEC timeout\n"
                  "  exit          Exit from line configuration mode\n"
                  "  logging       Modify message logging facilities\n"
                  "  login         Enable password checking\n"
                  "  no            Negate a command or set its defaults\n"
                  "  password      Set a password\n"
                  "\n");
}
END_TEST

static void
check_complete (CordIosCli    *cli,
                CordIosNodeId  node,
                const char    *line,
                const char    *expected)
{
  g_autofree char *suffix = cord_ios_cli_complete (cli, NULL, node, line);

  ck_assert_msg (g_strcmp0 (suffix, expected) == 0, "Tab after “%s” gave “%s”, expected “%s”",
                 line, suffix ? suffix : "(nothing)", expected ? expected : "(nothing)");
}

START_TEST (test_complete)
{
  g_autoptr(CordIosCli) cli = make_cli ();

  check_complete (cli, CORD_IOS_NODE_ENABLE, "conf", "igure ");
  check_complete (cli, CORD_IOS_NODE_ENABLE, "conf t", "erminal ");
  check_complete (cli, CORD_IOS_NODE_ENABLE, "show", " ");
  check_complete (cli, CORD_IOS_NODE_ENABLE, "sh r", "unning-config ");
  check_complete (cli, CORD_IOS_NODE_ENABLE, "e", NULL);
  check_complete (cli, CORD_IOS_NODE_ENABLE, "show ", NULL);
  check_complete (cli, CORD_IOS_NODE_ENABLE, "", NULL);
  check_complete (cli, CORD_IOS_NODE_ENABLE, "xyz", NULL);
  check_complete (cli, CORD_IOS_NODE_ENABLE, "xyz sh", NULL);
  check_complete (cli, CORD_IOS_NODE_CONFIG, "ip", " ");
  check_complete (cli, CORD_IOS_NODE_CONFIG, "ipv", "6 ");
  check_complete (cli, CORD_IOS_NODE_CONFIG, "do sh ru", "nning-config ");
  check_complete (cli, CORD_IOS_NODE_CONFIG, "int fa", "stEthernet");
  check_complete (cli, CORD_IOS_NODE_CONFIG, "host R", NULL);
}
END_TEST

/* Compiling tables --------------------------------------------------------- */

static void
check_bad_syntax (const char        *syntax,
                  const char *const *helps)
{
  const CordIosCommand commands[] = {
    { CORD_IOS_NODE_CONFIG, syntax, helps, test_noop, 0 }, { 0 },
  };
  const CordIosModule module = { "bad", commands, NULL };
  const CordIosModule *const modules[] = { &module, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CordIosCli) cli = cord_ios_cli_new (modules, &error);

  ck_assert_msg (cli == NULL, "“%s” compiled", syntax);
  g_assert_error (error, CORD_ERROR, CORD_ERROR_PARSE);
  ck_assert_msg (strstr (error->message, syntax) != NULL, "%s", error->message);
}

START_TEST (test_bad_tables)
{
  check_bad_syntax ("hostname WORD", CORD_IOS_HELPS ("one"));
  check_bad_syntax ("hostname", CORD_IOS_HELPS ("one", "two"));
  check_bad_syntax ("hostname [WORD", CORD_IOS_HELPS ("one", "two"));
  check_bad_syntax ("hostname WORD]", CORD_IOS_HELPS ("one", "two"));
  check_bad_syntax ("hostname <a|>", CORD_IOS_HELPS ("one", "two"));
  check_bad_syntax ("banner LINE motd", CORD_IOS_HELPS ("one", "two", "three"));
  check_bad_syntax ("vlan (10-1)", CORD_IOS_HELPS ("one", "two"));
  check_bad_syntax ("vlan (1-x)", CORD_IOS_HELPS ("one", "two"));
  check_bad_syntax ("[a]", CORD_IOS_HELPS ("one"));
  check_bad_syntax ("vlan WORD$", CORD_IOS_HELPS ("one", "two"));
}
END_TEST

START_TEST (test_default_tables)
{
  /* Compiles every table of the program once: a mistake aborts here. */
  ck_assert_ptr_nonnull (cord_ios_cli_get_default ());
  ck_assert_ptr_eq (cord_ios_cli_get_default (), cord_ios_cli_get_default ());
}
END_TEST

/* Device state and running-config ------------------------------------------ */

START_TEST (test_passwords)
{
  g_autofree char *secret = cord_ios_crypt_secret ("class");
  g_autofree char *cisco = cord_ios_crypt_secret ("cisco");
  g_autofree char *other = cord_ios_crypt_md5 ("class", "abcdefghijk");
  g_autofree char *seven = cord_ios_type7_encode ("cisco");
  g_autofree char *back = cord_ios_type7_decode ("0822455D0A16");
  g_autofree char *lower = cord_ios_type7_decode ("0822404f1a0a");

  /* The values Packet Tracer writes for these passwords. */
  ck_assert_str_eq (secret, "$1$mERr$9cTjUIEqNGurQiFU.ZeCi1");
  ck_assert_str_eq (cisco, "$1$mERr$hx5rVt7rPNoS4wqbXKX7m0");
  ck_assert_str_eq (seven, "0822455D0A16");
  ck_assert_str_eq (back, "cisco");
  ck_assert_str_eq (lower, "class");
  ck_assert (g_str_has_prefix (other, "$1$abcdefgh$"));
  ck_assert (cord_ios_crypt_is_md5 (secret));
  ck_assert (cord_ios_crypt_is_md5 (other));
  ck_assert (!cord_ios_crypt_is_md5 ("$1$mERr$short"));
  ck_assert (!cord_ios_crypt_is_md5 ("class"));
  ck_assert_ptr_null (cord_ios_type7_decode ("08"));
  ck_assert_ptr_null (cord_ios_type7_decode ("0822455D0A1"));
  ck_assert_ptr_null (cord_ios_type7_decode ("99224"));
  ck_assert_ptr_null (cord_ios_type7_decode ("08ZZ"));
  ck_assert_ptr_null (cord_ios_type7_decode ("cisco"));
}
END_TEST

START_TEST (test_default_config)
{
  g_autoptr(CordIosDevice) router = cord_ios_device_new (CORD_IOS_PLATFORM_ROUTER, NULL, NULL);
  g_autoptr(CordIosDevice) sw = cord_ios_device_new (CORD_IOS_PLATFORM_SWITCH, NULL, NULL);
  g_autofree char *router_config = cord_ios_cli_write_config (cord_ios_cli_get_default (), router);
  g_autofree char *switch_config = cord_ios_cli_write_config (cord_ios_cli_get_default (), sw);

  ck_assert_str_eq (router_config,
                    "!\nversion 12.2\n"
                    "no service timestamps log datetime msec\n"
                    "no service timestamps debug datetime msec\n"
                    "no service password-encryption\n!\n"
                    "hostname Router\n!\n!\n!\n!\n!\n!\n"
                    "!\n!\n!\n"
                    "line con 0\n!\n"
                    "line aux 0\n!\n"
                    "line vty 0 4\n login\n!\n"
                    "!\n!\nend\n");
  ck_assert (strstr (switch_config, "version 15.0\n") != NULL);
  ck_assert (strstr (switch_config, "hostname Switch\n") != NULL);
  ck_assert (strstr (switch_config, "line aux") == NULL);
  ck_assert (strstr (switch_config, "line con 0\n!\nline vty 0 4\n login\nline vty 5 15\n login\n!\n") != NULL);
}
END_TEST

START_TEST (test_config_lines)
{
  g_autoptr(CordIosDevice) ios = cord_ios_device_new (CORD_IOS_PLATFORM_SWITCH, NULL, NULL);
  g_autofree char *config = NULL;

  cord_ios_line_set_password (ios, &ios->vty[0], "cisco");
  cord_ios_line_set_password (ios, &ios->vty[1], "cisco");
  ios->vty[2].login = FALSE;
  ios->console.timeout_minutes = 0;
  ios->console.logging_synchronous = TRUE;
  ios->password_encryption = TRUE;
  cord_ios_line_set_password (ios, &ios->console, "cisco");
  config = cord_ios_cli_write_config (cord_ios_cli_get_default (), ios);
  ck_assert_msg (strstr (config,
                         "line con 0\n exec-timeout 0 0\n"
                         " password 7 0822455D0A16\n logging synchronous\n!\n"
                         "line vty 0 1\n password cisco\n login\n"
                         "line vty 2\n"
                         "line vty 3 4\n login\n"
                         "line vty 5 15\n login\n!\n") != NULL, "%s", config);
}
END_TEST

static Suite *
ios_parser_suite (void)
{
  Suite *suite = suite_create ("ios-parser");
  TCase *matching = tcase_create ("matching");
  TCase *help = tcase_create ("help");
  TCase *tables = tcase_create ("tables");
  TCase *config = tcase_create ("config");

  tcase_add_test (matching, test_abbreviations);
  tcase_add_test (matching, test_errors_and_carets);
  tcase_add_test (matching, test_error_word);
  tcase_add_test (matching, test_values_and_labels);
  tcase_add_test (matching, test_ifname);
  tcase_add_test (matching, test_no_and_do);
  tcase_add_test (matching, test_features);
  tcase_add_test (help, test_describe);
  tcase_add_test (help, test_describe_titles);
  tcase_add_test (help, test_complete);
  tcase_add_test (tables, test_bad_tables);
  tcase_add_test (tables, test_default_tables);
  tcase_add_test (config, test_passwords);
  tcase_add_test (config, test_default_config);
  tcase_add_test (config, test_config_lines);
  suite_add_tcase (suite, matching);
  suite_add_tcase (suite, help);
  suite_add_tcase (suite, tables);
  suite_add_tcase (suite, config);
  return suite;
}

int
main (void)
{
  return cord_test_run (ios_parser_suite ());
}
