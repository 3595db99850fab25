/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Configuration commands run for the Config tab and its undo: a session of their own on a device's IOS, echoed with their prompts. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "ios-console-private.h"

/* Output that tells the user something without refusing the line. */
static const char *const notices[] = {
  "% Access VLAN does not exist. Creating vlan",
};

static gboolean
is_notice (const char *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (notices); i++)
    if (g_str_has_prefix (line, notices[i]))
      return TRUE;
  return FALSE;
}

/* A configuration command prints nothing when it works; what it printed
 * otherwise is its error, without the caret block. NULL when it worked. */
static char *
refusal (const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *text = g_strstrip (lines[i]);

      if (*text == '\0' || strspn (text, "^ ") == strlen (text) || is_notice (text))
        continue;
      if (message->len > 0)
        g_string_append_c (message, ' ');
      g_string_append (message, text);
    }
  return message->len > 0 ? g_string_free (g_steal_pointer (&message), FALSE) : NULL;
}

/* Whether a command waits for more lines (a banner): peeking means taking
 * the question and putting it back. */
static gboolean
session_asks (CordIosSession *session)
{
  _CordIosAsk *ask = _cord_ios_session_take_ask (session);

  if (ask == NULL)
    return FALSE;
  _cord_ios_session_set_ask (session, ask);
  return TRUE;
}

/* A session at "Router(config)#". The console's password and enable
 * secret guard people at the keyboard, not the Config tab: Packet
 * Tracer's forms work whatever they are. */
static CordIosSession *
config_session (CordConsole   *console,
                CordIosDevice *ios)
{
  CordIosSession *session = cord_ios_session_new (_cord_console_get_cli (console), ios);
  GArray *levels = _cord_ios_session_levels (session);
  g_autoptr(GString) ignored = g_string_new (NULL);

  g_array_index (levels, _CordIosLevel, 0).node = CORD_IOS_NODE_ENABLE;
  _cord_ios_exec_line (session, "configure terminal", ignored);
  g_assert (cord_ios_session_get_node (session) == CORD_IOS_NODE_CONFIG);
  return session;
}

gboolean
cord_console_configure (CordConsole  *console,
                        const char   *commands,
                        GError      **error)
{
  g_autoptr(CordIosSession) session = NULL;
  g_autoptr(GString) transcript = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *prompt = NULL;
  CordIosDevice *ios;
  gboolean ok = TRUE;

  g_return_val_if_fail (console != NULL, FALSE);
  g_return_val_if_fail (commands != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((ios = _cord_console_get_ios (console, error)) == NULL)
    return FALSE;
  session = config_session (console, ios);
  lines = g_strsplit (commands, "\n", -1);
  for (guint i = 0; ok && lines[i] != NULL; i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *refused = NULL;
      char *line = lines[i];
      gsize len = strlen (line);
      char *message;

      if (len > 0 && line[len - 1] == '\r')
        line[len - 1] = '\0';
      if (session_asks (session))
        {
          g_string_append_printf (transcript, "%s\n", line);
          _cord_ios_exec_answer (session, line, out);
        }
      else
        {
          /* Indented as in a config, shown as typed at the prompt. */
          line = g_strchug (line);
          if (*line == '\0' || *line == '!')
            continue;
          g_free (prompt);
          prompt = cord_ios_session_get_prompt (session);
          g_string_append_printf (transcript, "%s%s\n", prompt, line);
          _cord_ios_exec_line (session, line, out);
        }
      g_string_append (transcript, out->str);
      /* What the console shows after the next prompt, both places. */
      while ((message = _cord_ios_session_pop_log (session)) != NULL)
        {
          g_string_append_printf (transcript, "%s\n", message);
          _cord_console_log (console, message);
          g_free (message);
        }
      if ((refused = refusal (out->str)) != NULL)
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                       _("IOS refused “%s”: %s"), g_strstrip (line), refused);
          ok = FALSE;
        }
    }
  g_free (prompt);
  prompt = cord_ios_session_get_prompt (session);
  g_string_append_printf (transcript, "%s\n", prompt);
  _cord_console_config_emit (console, transcript->str);
  _cord_console_mirror (console);
  return ok;
}

gboolean
_cord_consoles_run_commands (CordTopology  *topology,
                             CordDevice    *device,
                             const char    *commands,
                             gpointer       user_data,
                             GError       **error)
{
  CordConsole *console = cord_consoles_lookup (user_data, device);

  if (console == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s (%s) has no command line to configure"), device->name,
                   device->model->name);
      return FALSE;
    }
  return cord_console_configure (console, commands, error);
}
