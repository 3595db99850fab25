/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The first IOS commands: moving between modes, enable, hostname, banner, terminal and the running-config. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-limits.h"
#include "ios-console.h"
#include "ios-exec.h"
#include "ios-modules.h"
#include "ios-session.h"
#include "ios-strings.h"

/* A banner longer than this is refused rather than kept growing. */
#define BANNER_MAX_BYTES (16u * 1024u)

/* --- Modes ------------------------------------------------------------- */

static void
cmd_exit (CordIosExec *exec)
{
  cord_ios_exec_exit (exec);
}

static void
cmd_logout (CordIosExec *exec)
{
  cord_ios_exec_logout (exec);
}

static void
cmd_end (CordIosExec *exec)
{
  cord_ios_exec_end (exec);
}

/* Never runs: after `do` the matcher reads the rest as an EXEC command. */
static void
cmd_do (CordIosExec *exec)
{
}

static void
cmd_disable (CordIosExec *exec)
{
  cord_ios_exec_enter (exec, CORD_IOS_NODE_USER, NULL, NULL);
}

static void
cmd_configure (CordIosExec *exec)
{
  cord_ios_exec_print (exec, "%s\n", _("Enter configuration commands, one per line.  End with CNTL/Z."));
  cord_ios_exec_enter (exec, CORD_IOS_NODE_CONFIG, NULL, NULL);
}

static gboolean
enable_accepts (CordIosDevice *ios,
                const char    *answer)
{
  g_autofree char *hash = NULL;

  /* A secret, when set, is the only way in. */
  if (ios->enable_secret != NULL)
    {
      hash = cord_ios_crypt_md5 (answer, ios->enable_secret + strlen ("$1$"));
      return strcmp (hash, ios->enable_secret) == 0;
    }
  return g_strcmp0 (answer, ios->enable_password) == 0;
}

static void
enable_answer (CordIosExec *exec,
               const char  *answer,
               gpointer     user_data)
{
  guint tries = GPOINTER_TO_UINT (user_data) + 1;

  if (enable_accepts (cord_ios_exec_get_device (exec), answer))
    cord_ios_exec_enter (exec, CORD_IOS_NODE_ENABLE, NULL, NULL);
  else if (tries < CORD_IOS_PASSWORD_TRIES)
    cord_ios_exec_ask (exec, _("Password: "), FALSE, enable_answer, GUINT_TO_POINTER (tries), NULL);
  else
    cord_ios_exec_print (exec, "%s\n\n", _("% Bad secrets"));
}

static void
cmd_enable (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);

  if (cord_ios_exec_get_node (exec) == CORD_IOS_NODE_ENABLE)
    return;
  /* On the console no password set means no question. */
  if (ios->enable_secret == NULL && ios->enable_password == NULL)
    cord_ios_exec_enter (exec, CORD_IOS_NODE_ENABLE, NULL, NULL);
  else
    cord_ios_exec_ask (exec, _("Password: "), FALSE, enable_answer, GUINT_TO_POINTER (0), NULL);
}

/* --- EXEC ------------------------------------------------------------- */

static void
cmd_terminal_length (CordIosExec *exec)
{
  cord_ios_session_set_length (cord_ios_exec_get_session (exec),
                               (guint) cord_ios_exec_arg_int (exec, "lines", CORD_IOS_DEFAULT_LENGTH));
}

static void
cmd_show_history (CordIosExec *exec)
{
  const GPtrArray *history = cord_ios_session_get_history (cord_ios_exec_get_session (exec));

  for (guint i = 0; i < history->len; i++)
    cord_ios_exec_print (exec, "  %s\n", (const char *) history->pdata[i]);
}

static void
cmd_show_running (CordIosExec *exec)
{
  g_autofree char *config = cord_ios_cli_write_config (cord_ios_exec_get_cli (exec),
                                                       cord_ios_exec_get_device (exec));

  /* IOS counts one byte more than the text it shows. */
  cord_ios_exec_print (exec, "%s\n\n", _("Building configuration..."));
  cord_ios_exec_print (exec, _("Current configuration : %zu bytes"), strlen (config) + 1);
  cord_ios_exec_print (exec, "\n%s\n\n", config);
}

/* --- Global configuration ---------------------------------------------- */

/* A hostname typed on the console names the device on the canvas too, as
 * in Packet Tracer: an edit of the lab, undone like a rename. Configs read
 * at boot or applied by the Config tab do not rename (the device keeps
 * the name the lab gives it), nor does a name another device has. */
static void
rename_device (CordIosExec *exec,
               const char  *name)
{
  CordConsole *console = cord_ios_console_from_exec (exec);
  CordDevice *device;

  g_assert (name != NULL);

  if (console == NULL)
    return;
  device = cord_console_get_device (console);
  if (g_strcmp0 (device->name, name) == 0 ||
      cord_topology_find_device (device->topology, name) != NULL ||
      !cord_name_is_valid (name, NULL))
    return;
  cord_topology_rename_device (device->topology, device, name, NULL);
}

static void
cmd_hostname (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *name = cord_ios_exec_arg (exec, "WORD");

  if (strlen (name) >= CORD_LIMIT_NAME_CHARS)
    {
      cord_ios_exec_invalid (exec, "WORD");
      return;
    }
  g_free (ios->hostname);
  ios->hostname = g_strdup (name);
  rename_device (exec, name);
}

static void
cmd_no_hostname (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);

  g_free (ios->hostname);
  ios->hostname = g_strdup (ios->default_hostname);
  rename_device (exec, ios->hostname);
}

static void
cmd_enable_secret (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *secret = cord_ios_exec_arg (exec, "LINE");

  if (cord_ios_exec_has (exec, "5"))
    {
      if (!cord_ios_crypt_is_md5 (secret))
        {
          cord_ios_exec_print (exec, "%s\n",
                               _("ERROR: The secret you entered is not a valid encrypted secret.\n"
                                 "To enter an UNENCRYPTED secret, do not specify type 5 encryption.\n"
                                 "When you properly enter an UNENCRYPTED secret, it will be encrypted."));
          return;
        }
      g_free (ios->enable_secret);
      ios->enable_secret = g_strdup (secret);
      return;
    }
  g_free (ios->enable_secret);
  ios->enable_secret = cord_ios_crypt_secret (secret);
}

static void
cmd_enable_password (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *text = cord_ios_exec_arg (exec, "LINE");
  g_autofree char *password = NULL;

  if (cord_ios_exec_has (exec, "7"))
    {
      password = cord_ios_type7_decode (text);
      if (password == NULL)
        {
          cord_ios_exec_invalid (exec, "LINE");
          return;
        }
    }
  else
    password = g_strdup (text);
  g_free (ios->enable_password);
  ios->enable_password = g_steal_pointer (&password);
  ios->enable_password_encrypted = cord_ios_exec_has (exec, "7") || ios->password_encryption;
}

static void
cmd_no_enable (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);

  if (cord_ios_exec_has (exec, "secret"))
    g_clear_pointer (&ios->enable_secret, g_free);
  else
    g_clear_pointer (&ios->enable_password, g_free);
}

static void
cmd_service_encryption (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  gboolean on = !cord_ios_exec_has (exec, "no");

  ios->password_encryption = on;
  if (!on)
    return;
  /* Turning it on encrypts every password set so far; turning it off
   * leaves them encrypted, as IOS does. */
  ios->enable_password_encrypted = ios->enable_password != NULL;
  ios->console.password_encrypted = ios->console.password != NULL;
  ios->aux.password_encrypted = ios->aux.password != NULL;
  for (guint i = 0; i < CORD_IOS_MAX_VTY; i++)
    ios->vty[i].password_encrypted = ios->vty[i].password != NULL;
}

/* The first lines of every running-config: IOS writes its image's version
 * and turns log timestamps off itself, and reads these lines back without
 * effect (a saved config replays them at boot). */
static void
cmd_config_header (CordIosExec *exec)
{
}

static void
cmd_domain_lookup (CordIosExec *exec)
{
  cord_ios_exec_get_device (exec)->domain_lookup = !cord_ios_exec_has (exec, "no");
}

/* The text of a banner typed over several lines, up to the delimiter. */
typedef struct {
  char    *delimiter;
  GString *text;
} BannerInput;

static void
banner_input_free (BannerInput *input)
{
  g_free (input->delimiter);
  g_string_free (input->text, TRUE);
  g_free (input);
}

static void
banner_answer (CordIosExec *exec,
               const char  *answer,
               gpointer     user_data)
{
  BannerInput *input = user_data;
  BannerInput *next;
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *end = strstr (answer, input->delimiter);

  if (end != NULL)
    {
      g_string_append_len (input->text, answer, end - answer);
      g_free (ios->banner_motd);
      ios->banner_motd = g_strdup (input->text->str);
      cord_ios_exec_print (exec, "\n");
      return;
    }
  if (input->text->len + strlen (answer) + 1 > BANNER_MAX_BYTES)
    {
      cord_ios_exec_print (exec, "%s\n", _("% Banner too long, not changed"));
      return;
    }
  /* The answer's input is freed after this returns: go on with a copy. */
  next = g_new0 (BannerInput, 1);
  next->delimiter = g_strdup (input->delimiter);
  next->text = g_string_new (input->text->str);
  g_string_append_printf (next->text, "%s\n", answer);
  cord_ios_exec_ask (exec, "", TRUE, banner_answer, next, (GDestroyNotify) banner_input_free);
}

static void
cmd_banner_motd (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *line = cord_ios_exec_arg (exec, "LINE");
  /* A running-config writes the delimiter as "^C"; read it back as one. */
  gsize dlen = g_str_has_prefix (line, "^C") ? 2 : 1;
  g_autofree char *delimiter = g_strndup (line, dlen);
  const char *end = strstr (line + dlen, delimiter);
  BannerInput *input;

  if (end != NULL)
    {
      g_free (ios->banner_motd);
      ios->banner_motd = g_strndup (line + dlen, end - (line + dlen));
      return;
    }
  cord_ios_exec_print (exec, _("Enter TEXT message.  End with the character '%s'."), delimiter);
  cord_ios_exec_print (exec, "\n");
  input = g_new0 (BannerInput, 1);
  input->delimiter = g_steal_pointer (&delimiter);
  input->text = g_string_new (line + dlen);
  g_string_append_c (input->text, '\n');
  cord_ios_exec_ask (exec, "", TRUE, banner_answer, input, (GDestroyNotify) banner_input_free);
}

static void
cmd_no_banner (CordIosExec *exec)
{
  g_clear_pointer (&cord_ios_exec_get_device (exec)->banner_motd, g_free);
}

/* --- Running-config ---------------------------------------------------- */

static void
write_version (CordIosDevice *ios,
               GString       *out)
{
  g_string_append_printf (out, "!\nversion %s\n", ios->version);
  g_string_append (out, "no service timestamps log datetime msec\n"
                        "no service timestamps debug datetime msec\n");
  g_string_append_printf (out, "%sservice password-encryption\n",
                          ios->password_encryption ? "" : "no ");
}

static void
write_hostname (CordIosDevice *ios,
                GString       *out)
{
  /* The "!" ends the service lines, which other modules add to. */
  g_string_append_printf (out, "!\nhostname %s\n!\n", ios->hostname);
}

static void
write_enable (CordIosDevice *ios,
              GString       *out)
{
  if (ios->enable_secret != NULL)
    g_string_append_printf (out, "enable secret 5 %s\n", ios->enable_secret);
  if (ios->enable_password != NULL && ios->enable_password_encrypted)
    {
      g_autofree char *encoded = cord_ios_type7_encode (ios->enable_password);

      g_string_append_printf (out, "enable password 7 %s\n", encoded);
    }
  else if (ios->enable_password != NULL)
    g_string_append_printf (out, "enable password %s\n", ios->enable_password);
  if (ios->enable_secret != NULL || ios->enable_password != NULL)
    g_string_append (out, "!\n");
  g_string_append (out, "!\n!\n");
}

static void
write_ip (CordIosDevice *ios,
          GString       *out)
{
  if (!ios->domain_lookup)
    g_string_append (out, "no ip domain-lookup\n");
  g_string_append (out, "!\n!\n!\n");
}

static void
write_banner (CordIosDevice *ios,
              GString       *out)
{
  if (ios->banner_motd != NULL)
    g_string_append_printf (out, "banner motd ^C%s^C\n", ios->banner_motd);
}

static void
write_tail (CordIosDevice *ios,
            GString       *out)
{
  g_string_append (out, "!\n!\n");
}

/* --- Tables ------------------------------------------------------------ */

#define EXIT_CMD(node, help) \
  { node, "exit", CORD_IOS_HELPS (help), cmd_exit, 0 }
#define CONFIG_MODE_CMDS(node, exit_help) \
  EXIT_CMD (node, exit_help), \
  { node, "end", CORD_IOS_HELPS (END_STR), cmd_end, 0 }, \
  { node, "do LINE", CORD_IOS_HELPS (DO_STR, N_("Exec Command")), cmd_do, CORD_IOS_CMD_DO }

static const CordIosCommand base_commands[] = {
  /* User and privileged EXEC. */
  { CORD_IOS_NODE_USER, "enable", CORD_IOS_HELPS (N_("Turn on privileged commands")), cmd_enable, 0 },
  { CORD_IOS_NODE_ENABLE, "enable", CORD_IOS_HELPS (N_("Turn on privileged commands")), cmd_enable, 0 },
  { CORD_IOS_NODE_USER, "disable", CORD_IOS_HELPS (N_("Turn off privileged commands")), cmd_disable, 0 },
  { CORD_IOS_NODE_ENABLE, "disable", CORD_IOS_HELPS (N_("Turn off privileged commands")), cmd_disable, 0 },
  EXIT_CMD (CORD_IOS_NODE_USER, EXIT_EXEC_STR),
  EXIT_CMD (CORD_IOS_NODE_ENABLE, EXIT_EXEC_STR),
  { CORD_IOS_NODE_USER, "logout", CORD_IOS_HELPS (EXIT_EXEC_STR), cmd_logout, 0 },
  { CORD_IOS_NODE_ENABLE, "logout", CORD_IOS_HELPS (EXIT_EXEC_STR), cmd_logout, 0 },
  { CORD_IOS_NODE_ENABLE, "configure terminal",
    CORD_IOS_HELPS (N_("Enter configuration mode"), N_("Configure from the terminal")), cmd_configure, 0 },
  { CORD_IOS_NODE_USER, "terminal length (0-512)$lines",
    CORD_IOS_HELPS (TERMINAL_STR, N_("Set number of lines on a screen"),
                    N_("Number of lines on screen (0 for no pausing)")), cmd_terminal_length, 0 },
  { CORD_IOS_NODE_ENABLE, "terminal length (0-512)$lines",
    CORD_IOS_HELPS (TERMINAL_STR, N_("Set number of lines on a screen"),
                    N_("Number of lines on screen (0 for no pausing)")), cmd_terminal_length, 0 },
  { CORD_IOS_NODE_USER, "show history",
    CORD_IOS_HELPS (SHOW_STR, N_("Display the session command history")), cmd_show_history, 0 },
  { CORD_IOS_NODE_ENABLE, "show history",
    CORD_IOS_HELPS (SHOW_STR, N_("Display the session command history")), cmd_show_history, 0 },
  { CORD_IOS_NODE_ENABLE, "show running-config",
    CORD_IOS_HELPS (SHOW_STR, N_("Current operating configuration")), cmd_show_running, 0 },

  /* Global configuration. */
  CONFIG_MODE_CMDS (CORD_IOS_NODE_CONFIG, EXIT_CONFIG_STR),
  { CORD_IOS_NODE_CONFIG, "hostname WORD",
    CORD_IOS_HELPS (N_("Set system's network name"), N_("This system's network name")), cmd_hostname, 0 },
  { CORD_IOS_NODE_CONFIG, "no hostname",
    CORD_IOS_HELPS (NO_STR, N_("Set system's network name")), cmd_no_hostname, 0 },
  { CORD_IOS_NODE_CONFIG, "enable secret [<0|5>] LINE",
    CORD_IOS_HELPS (N_("Modify enable password parameters"), N_("Assign the privileged level secret"),
                    UNENCRYPTED_STR, N_("Specifies an ENCRYPTED secret will follow"),
                    N_("The UNENCRYPTED (cleartext) 'enable' secret")), cmd_enable_secret, 0 },
  { CORD_IOS_NODE_CONFIG, "enable password [<0|7>] LINE",
    CORD_IOS_HELPS (N_("Modify enable password parameters"), N_("Assign the privileged level password"),
                    UNENCRYPTED_STR, HIDDEN_STR,
                    N_("The UNENCRYPTED (cleartext) 'enable' password")), cmd_enable_password, 0 },
  { CORD_IOS_NODE_CONFIG, "no enable <secret|password>",
    CORD_IOS_HELPS (NO_STR, N_("Modify enable password parameters"), N_("Assign the privileged level secret"),
                    N_("Assign the privileged level password")), cmd_no_enable, 0 },
  { CORD_IOS_NODE_CONFIG, "version WORD",
    CORD_IOS_HELPS (N_("Version"), N_("Version")), cmd_config_header, CORD_IOS_CMD_HIDDEN },
  { CORD_IOS_NODE_CONFIG, "no service timestamps <log|debug> datetime msec",
    CORD_IOS_HELPS (NO_STR, SERVICE_STR, N_("Timestamp debug/log messages"), N_("Timestamp log messages"),
                    N_("Timestamp debug messages"), N_("Timestamp with date and time"),
                    N_("Include milliseconds in timestamp")), cmd_config_header, 0 },
  { CORD_IOS_NODE_CONFIG, "[no] service password-encryption",
    CORD_IOS_HELPS (NO_STR, SERVICE_STR, N_("Encrypt system passwords")), cmd_service_encryption, 0 },
  { CORD_IOS_NODE_CONFIG, "[no] ip domain-lookup",
    CORD_IOS_HELPS (NO_STR, IP_CONFIG_STR, N_("Enable IP Domain Name System hostname translation")),
    cmd_domain_lookup, 0 },
  /* The spelling of newer images, which Packet Tracer accepts too. */
  { CORD_IOS_NODE_CONFIG, "[no] ip domain lookup",
    CORD_IOS_HELPS (NO_STR, IP_CONFIG_STR, N_("Configure IP domain name"),
                    N_("Enable IP Domain Name System hostname translation")),
    cmd_domain_lookup, CORD_IOS_CMD_HIDDEN },
  { CORD_IOS_NODE_CONFIG, "banner motd LINE",
    CORD_IOS_HELPS (BANNER_STR, N_("Set Message of the Day banner"),
                    N_("c banner-text c, where 'c' is a delimiting character")), cmd_banner_motd, 0 },
  { CORD_IOS_NODE_CONFIG, "no banner motd",
    CORD_IOS_HELPS (NO_STR, BANNER_STR, N_("Set Message of the Day banner")), cmd_no_banner, 0 },

  /* Every configuration sub-mode can be left the same ways. */
  CONFIG_MODE_CMDS (CORD_IOS_NODE_INTERFACE, EXIT_IF_STR),
  CONFIG_MODE_CMDS (CORD_IOS_NODE_IF_RANGE, EXIT_IF_STR),
  CONFIG_MODE_CMDS (CORD_IOS_NODE_SUBIF, EXIT_IF_STR),
  CONFIG_MODE_CMDS (CORD_IOS_NODE_VLAN, EXIT_VLAN_STR),
  CONFIG_MODE_CMDS (CORD_IOS_NODE_LINE, EXIT_LINE_STR),
  CONFIG_MODE_CMDS (CORD_IOS_NODE_ROUTER, EXIT_ROUTER_STR),
  CONFIG_MODE_CMDS (CORD_IOS_NODE_DHCP, EXIT_DHCP_STR),
  { 0 },
};

static const CordIosConfigWriter base_writers[] = {
  { CORD_IOS_NODE_CONFIG, CORD_IOS_ORDER_VERSION, write_version },
  { CORD_IOS_NODE_CONFIG, CORD_IOS_ORDER_HOSTNAME, write_hostname },
  { CORD_IOS_NODE_CONFIG, CORD_IOS_ORDER_ENABLE, write_enable },
  { CORD_IOS_NODE_CONFIG, CORD_IOS_ORDER_IP, write_ip },
  { CORD_IOS_NODE_CONFIG, CORD_IOS_ORDER_BANNER, write_banner },
  { CORD_IOS_NODE_CONFIG, CORD_IOS_ORDER_TAIL, write_tail },
  { 0 },
};

const CordIosModule cord_ios_module_base = {
  "base", base_commands, base_writers,
};
