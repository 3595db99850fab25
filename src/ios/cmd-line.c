/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Terminal lines: `line console 0`, `line vty 0 4`, the (config-line) commands and their running-config. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ios-exec.h"
#include "ios-modules.h"
#include "ios-strings.h"

/* IOS writes vty 0-4 and 5-15 as separate blocks even when they agree. */
#define VTY_FIRST_BLOCK 5u

typedef enum {
  LINES_CONSOLE,
  LINES_AUX,
  LINES_VTY,
} LineKind;

/* What (config-line) edits: one line or a range of vty lines. */
typedef struct {
  LineKind kind;
  guint    first;
  guint    last;
} LineRange;

typedef void (*LineFunc) (CordIosExec *exec,
                          CordIosLine *line);

static CordIosLine *
line_get (CordIosDevice *ios,
          LineKind       kind,
          guint          index)
{
  switch (kind)
    {
    case LINES_CONSOLE:
      return &ios->console;
    case LINES_AUX:
      return &ios->aux;
    case LINES_VTY:
    default:
      g_assert (index < CORD_IOS_MAX_VTY);
      return &ios->vty[index];
    }
}

static void
for_each_line (CordIosExec *exec,
               LineFunc     func)
{
  const LineRange *range = cord_ios_exec_get_context (exec);
  CordIosDevice *ios = cord_ios_exec_get_device (exec);

  g_assert (range != NULL);
  for (guint i = range->first; i <= range->last; i++)
    func (exec, line_get (ios, range->kind, i));
}

static void
cmd_line (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  LineRange *range = g_new0 (LineRange, 1);

  if (cord_ios_exec_has (exec, "console"))
    range->kind = LINES_CONSOLE;
  else if (cord_ios_exec_has (exec, "aux"))
    range->kind = LINES_AUX;
  else
    {
      range->kind = LINES_VTY;
      range->first = (guint) cord_ios_exec_arg_int (exec, "first", 0);
      range->last = (guint) cord_ios_exec_arg_int (exec, "last", range->first);
      if (range->last < range->first)
        {
          cord_ios_exec_invalid (exec, "last");
          g_free (range);
          return;
        }
      /* Naming vty lines beyond the last creates them, as IOS does. */
      ios->n_vty = MAX (ios->n_vty, range->last + 1);
    }
  cord_ios_exec_enter (exec, CORD_IOS_NODE_LINE, range, g_free);
}

static void
set_password (CordIosExec *exec,
              CordIosLine *line)
{
  const char *text = cord_ios_exec_arg (exec, "LINE");
  CordIosDevice *ios = cord_ios_exec_get_device (exec);

  if (cord_ios_exec_has (exec, "7"))
    {
      g_autofree char *password = cord_ios_type7_decode (text);

      cord_ios_line_set_password (ios, line, password);
      line->password_encrypted = TRUE;
    }
  else
    cord_ios_line_set_password (ios, line, text);
}

static void
cmd_password (CordIosExec *exec)
{
  if (cord_ios_exec_has (exec, "7"))
    {
      g_autofree char *check = cord_ios_type7_decode (cord_ios_exec_arg (exec, "LINE"));

      if (check == NULL)
        {
          cord_ios_exec_invalid (exec, "LINE");
          return;
        }
    }
  for_each_line (exec, set_password);
}

static void
clear_password (CordIosExec *exec,
                CordIosLine *line)
{
  cord_ios_line_set_password (cord_ios_exec_get_device (exec), line, NULL);
}

static void
cmd_no_password (CordIosExec *exec)
{
  for_each_line (exec, clear_password);
}

static void
set_login (CordIosExec *exec,
           CordIosLine *line)
{
  line->login = !cord_ios_exec_has (exec, "no");
}

static void
cmd_login (CordIosExec *exec)
{
  for_each_line (exec, set_login);
}

static void
set_timeout (CordIosExec *exec,
             CordIosLine *line)
{
  gboolean reset = cord_ios_exec_has (exec, "no");

  line->timeout_minutes = reset ? 10 : (guint) cord_ios_exec_arg_int (exec, "minutes", 10);
  line->timeout_seconds = reset ? 0 : (guint) cord_ios_exec_arg_int (exec, "seconds", 0);
}

static void
cmd_exec_timeout (CordIosExec *exec)
{
  for_each_line (exec, set_timeout);
}

static void
set_synchronous (CordIosExec *exec,
                 CordIosLine *line)
{
  line->logging_synchronous = !cord_ios_exec_has (exec, "no");
}

static void
cmd_logging_synchronous (CordIosExec *exec)
{
  for_each_line (exec, set_synchronous);
}

/* --- Running-config ---------------------------------------------------- */

static gboolean
line_same (const CordIosLine *a,
           const CordIosLine *b)
{
  return g_strcmp0 (a->password, b->password) == 0 &&
         a->password_encrypted == b->password_encrypted &&
         a->login == b->login &&
         a->timeout_minutes == b->timeout_minutes &&
         a->timeout_seconds == b->timeout_seconds &&
         a->logging_synchronous == b->logging_synchronous;
}

static void
write_line_body (const CordIosLine *line,
                 GString           *out)
{
  if (line->timeout_minutes != 10 || line->timeout_seconds != 0)
    g_string_append_printf (out, " exec-timeout %u %u\n", line->timeout_minutes, line->timeout_seconds);
  if (line->password != NULL && line->password_encrypted)
    {
      g_autofree char *encoded = cord_ios_type7_encode (line->password);

      g_string_append_printf (out, " password 7 %s\n", encoded);
    }
  else if (line->password != NULL)
    g_string_append_printf (out, " password %s\n", line->password);
  if (line->logging_synchronous)
    g_string_append (out, " logging synchronous\n");
  if (line->login)
    g_string_append (out, " login\n");
}

static void
write_lines (CordIosDevice *ios,
             GString       *out)
{
  g_string_append (out, "!\n!\n!\nline con 0\n");
  write_line_body (&ios->console, out);
  g_string_append (out, "!\n");
  if (ios->features & CORD_IOS_FEATURE_AUX)
    {
      g_string_append (out, "line aux 0\n");
      write_line_body (&ios->aux, out);
      g_string_append (out, "!\n");
    }
  /* Neighbouring vty lines that agree share one block. */
  for (guint first = 0, last; first < ios->n_vty; first = last + 1)
    {
      last = first;
      while (last + 1 < ios->n_vty && last + 1 != VTY_FIRST_BLOCK &&
             line_same (&ios->vty[last + 1], &ios->vty[first]))
        last++;
      if (last == first)
        g_string_append_printf (out, "line vty %u\n", first);
      else
        g_string_append_printf (out, "line vty %u %u\n", first, last);
      write_line_body (&ios->vty[first], out);
    }
  g_string_append (out, "!\n");
}

/* --- Tables ------------------------------------------------------------ */

static const CordIosCommand line_commands[] = {
  { CORD_IOS_NODE_CONFIG, "line console (0-0)",
    CORD_IOS_HELPS (LINE_STR, N_("Primary terminal line"), N_("First Line number")), cmd_line, 0 },
  { CORD_IOS_NODE_CONFIG, "line aux (0-0)",
    CORD_IOS_HELPS (LINE_STR, N_("Auxiliary line"), N_("First Line number")), cmd_line, CORD_IOS_CMD_AUX },
  { CORD_IOS_NODE_CONFIG, "line vty (0-15)$first [(1-15)$last]",
    CORD_IOS_HELPS (LINE_STR, N_("Virtual terminal"), N_("First Line number"), N_("Last Line number")),
    cmd_line, 0 },
  { CORD_IOS_NODE_LINE, "password [<0|7>] LINE",
    CORD_IOS_HELPS (N_("Set a password"), UNENCRYPTED_STR, HIDDEN_STR,
                    N_("The UNENCRYPTED (cleartext) line password")), cmd_password, 0 },
  { CORD_IOS_NODE_LINE, "no password",
    CORD_IOS_HELPS (NO_STR, N_("Set a password")), cmd_no_password, 0 },
  { CORD_IOS_NODE_LINE, "[no] login",
    CORD_IOS_HELPS (NO_STR, N_("Enable password checking")), cmd_login, 0 },
  { CORD_IOS_NODE_LINE, "exec-timeout (0-35791)$minutes [(0-2147483)$seconds]",
    CORD_IOS_HELPS (N_("Set the EXEC timeout"), N_("Timeout in minutes"), N_("Timeout in seconds")),
    cmd_exec_timeout, 0 },
  { CORD_IOS_NODE_LINE, "no exec-timeout",
    CORD_IOS_HELPS (NO_STR, N_("Set the EXEC timeout")), cmd_exec_timeout, 0 },
  { CORD_IOS_NODE_LINE, "[no] logging synchronous",
    CORD_IOS_HELPS (NO_STR, LOGGING_STR, N_("Synchronized message output")), cmd_logging_synchronous, 0 },
  { 0 },
};

static const CordIosConfigWriter line_writers[] = {
  { CORD_IOS_NODE_LINE, CORD_IOS_ORDER_LINE, write_lines },
  { 0 },
};

const CordIosModule cord_ios_module_line = {
  "line", line_commands, line_writers,
};
