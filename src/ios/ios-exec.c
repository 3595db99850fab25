/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a typed line: finds its command, prints IOS's error forms, and gives the handler its context. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ios-private.h"

struct _CordIosExec {
  CordIosSession     *session;
  CordIosDevice      *ios;
  CordIosCli         *cli;
  CordIosNodeId       node;
  gpointer            context;
  const char         *line;
  const CordIosMatch *match;      /* NULL while answering a question */
  GString            *out;
  gsize               prompt_len; /* columns before the line on the screen */
  gboolean            via_do;
};

void
_cord_ios_print_invalid (GString    *out,
                         const char *line,
                         gsize       start,
                         gsize       offset,
                         gsize       prompt_len)
{
  gsize column = prompt_len + offset;

  /* After `do`, IOS shows the EXEC command again and points into it. */
  if (start > 0)
    {
      g_string_append_printf (out, "%s\n", line + start);
      column = offset - start;
    }
  for (gsize i = 0; i < column; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, "^\n");
  g_string_append (out, _("% Invalid input detected at '^' marker."));
  /* Packet Tracer ends this message with a line holding one tab. */
  g_string_append (out, "\n\t\n");
}

static void
print_error (CordIosExec        *exec,
             const CordIosMatch *match)
{
  switch (match->status)
    {
    case CORD_IOS_MATCH_INVALID:
      if (!cord_ios_node_is_config (match->node) && match->error_word == 0)
        {
          /* In EXEC an unknown word is a host to telnet to: IOS looks it up. */
          const char *word = exec->line + match->start;
          gsize len = strcspn (word, " \t");

          if (exec->ios->domain_lookup)
            g_string_append_printf (exec->out, _("Translating \"%.*s\"...domain server (255.255.255.255)\n"),
                                    (int) len, word);
          g_string_append_printf (exec->out, "%s\n",
                                  _("% Unknown command or computer name, or unable to find computer address"));
        }
      else
        _cord_ios_print_invalid (exec->out, exec->line, exec->via_do ? match->start : 0,
                                 match->error_offset, exec->prompt_len);
      break;
    case CORD_IOS_MATCH_INCOMPLETE:
      g_string_append_printf (exec->out, "%s\n\n", _("% Incomplete command."));
      break;
    case CORD_IOS_MATCH_AMBIGUOUS:
      g_string_append_printf (exec->out, _("%% Ambiguous command:  \"%s\"\n"), exec->line);
      break;
    case CORD_IOS_MATCH_OK:
    case CORD_IOS_MATCH_EMPTY:
    default:
      break;
    }
}

/* How far into the line a failed match got. */
static gsize
error_progress (const CordIosMatch *match)
{
  return match->status == CORD_IOS_MATCH_INCOMPLETE ? G_MAXSIZE : match->error_offset;
}

void
_cord_ios_exec_line (CordIosSession *session,
                     const char     *line,
                     GString        *out)
{
  GArray *levels = _cord_ios_session_levels (session);
  CordIosCli *cli = _cord_ios_session_cli (session);
  CordIosDevice *ios = cord_ios_session_get_device (session);
  g_autofree char *prompt = cord_ios_session_get_prompt (session);
  g_auto(CordIosMatch) match = { 0 };
  CordIosNodeId here = g_array_index (levels, _CordIosLevel, levels->len - 1).node;
  CordIosExec exec = { session, ios, cli, here, NULL, line, NULL, out, strlen (prompt), FALSE };
  guint depth = levels->len;

  cord_ios_cli_match (cli, ios, here, line, &match);
  if (match.status == CORD_IOS_MATCH_EMPTY)
    return;

  /* A command of an enclosing configuration mode works in a sub-mode too,
   * and leaves the sub-mode: `interface fa0/2` in (config-if), `hostname`
   * in (config-line). When no mode knows the line, the error that got
   * furthest into it is the one shown. */
  for (guint d = depth - 1; match.status != CORD_IOS_MATCH_OK && d-- > 0;)
    {
      CordIosNodeId outer = g_array_index (levels, _CordIosLevel, d).node;
      g_auto(CordIosMatch) other = { 0 };
      gboolean found;

      if (!cord_ios_node_is_config (outer))
        break;
      found = cord_ios_cli_match (cli, ios, outer, line, &other);
      if (found || error_progress (&other) > error_progress (&match))
        {
          cord_ios_match_clear (&match);
          match = other;
          other.args = NULL;
        }
      if (found)
        _cord_ios_session_pop_to (session, d + 1);
    }

  exec.node = match.node;
  exec.match = &match;
  exec.via_do = cord_ios_node_is_config (here) && !cord_ios_node_is_config (match.node);
  if (match.status != CORD_IOS_MATCH_OK)
    {
      print_error (&exec, &match);
      return;
    }
  exec.context = g_array_index (levels, _CordIosLevel, levels->len - 1).context;
  match.command->handler (&exec);
}

void
_cord_ios_exec_answer (CordIosSession *session,
                       const char     *answer,
                       GString        *out)
{
  GArray *levels = _cord_ios_session_levels (session);
  _CordIosAsk *ask = _cord_ios_session_take_ask (session);
  const _CordIosLevel *top = &g_array_index (levels, _CordIosLevel, levels->len - 1);
  CordIosExec exec = {
    session, cord_ios_session_get_device (session), _cord_ios_session_cli (session),
    top->node, top->context, answer, NULL, out, 0, FALSE
  };

  g_assert (ask != NULL);
  ask->func (&exec, answer, ask->user_data);
  _cord_ios_ask_free (ask);
}

void
_cord_ios_ask_free (_CordIosAsk *ask)
{
  if (ask == NULL)
    return;
  if (ask->destroy != NULL)
    ask->destroy (ask->user_data);
  g_free (ask->prompt);
  g_free (ask);
}

/* --- The handler's view ------------------------------------------------ */

CordIosDevice *
cord_ios_exec_get_device (CordIosExec *exec)
{
  g_return_val_if_fail (exec != NULL, NULL);
  return exec->ios;
}

CordIosSession *
cord_ios_exec_get_session (CordIosExec *exec)
{
  g_return_val_if_fail (exec != NULL, NULL);
  return exec->session;
}

CordIosCli *
cord_ios_exec_get_cli (CordIosExec *exec)
{
  g_return_val_if_fail (exec != NULL, NULL);
  return exec->cli;
}

CordIosNodeId
cord_ios_exec_get_node (CordIosExec *exec)
{
  g_return_val_if_fail (exec != NULL, CORD_IOS_NODE_USER);
  return exec->node;
}

gpointer
cord_ios_exec_get_context (CordIosExec *exec)
{
  g_return_val_if_fail (exec != NULL, NULL);
  return exec->context;
}

static const CordIosArg *
find_arg (CordIosExec *exec,
          const char  *name)
{
  if (exec->match == NULL)
    return NULL;
  for (guint i = 0; i < exec->match->args->len; i++)
    {
      const CordIosArg *arg = &g_array_index (exec->match->args, CordIosArg, i);

      if (strcmp (arg->name, name) == 0)
        return arg;
    }
  return NULL;
}

const char *
cord_ios_exec_arg (CordIosExec *exec,
                   const char  *name)
{
  const CordIosArg *arg;

  g_return_val_if_fail (exec != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  arg = find_arg (exec, name);
  return arg != NULL ? arg->value : NULL;
}

gboolean
cord_ios_exec_has (CordIosExec *exec,
                   const char  *name)
{
  g_return_val_if_fail (exec != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  return find_arg (exec, name) != NULL;
}

gint64
cord_ios_exec_arg_int (CordIosExec *exec,
                       const char  *name,
                       gint64       fallback)
{
  const CordIosArg *arg;

  g_return_val_if_fail (exec != NULL, fallback);
  g_return_val_if_fail (name != NULL, fallback);
  arg = find_arg (exec, name);
  return arg != NULL ? g_ascii_strtoll (arg->value, NULL, 10) : fallback;
}

gpointer
cord_ios_exec_interface (CordIosExec *exec,
                         const char  *name)
{
  const char *value;
  gpointer found = NULL;

  g_return_val_if_fail (exec != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  value = cord_ios_exec_arg (exec, name);
  g_return_val_if_fail (value != NULL, NULL);
  if (exec->ios->lookup_interface != NULL)
    found = exec->ios->lookup_interface (exec->ios, value, exec->ios->lookup_interface_data);
  if (found == NULL)
    g_string_append_printf (exec->out, "%s\n", _("%Invalid interface type and number"));
  return found;
}

void
cord_ios_exec_print (CordIosExec *exec,
                     const char  *format,
                     ...)
{
  va_list args;

  g_return_if_fail (exec != NULL);
  g_return_if_fail (format != NULL);
  va_start (args, format);
  g_string_append_vprintf (exec->out, format, args);
  va_end (args);
}

void
cord_ios_exec_invalid (CordIosExec *exec,
                       const char  *name)
{
  const CordIosArg *arg;

  g_return_if_fail (exec != NULL);
  g_return_if_fail (name != NULL);
  arg = find_arg (exec, name);
  g_return_if_fail (arg != NULL);
  _cord_ios_print_invalid (exec->out, exec->line, exec->via_do ? exec->match->start : 0,
                           arg->offset, exec->prompt_len);
}

void
cord_ios_exec_log (CordIosExec *exec,
                   const char  *message)
{
  g_return_if_fail (exec != NULL);
  g_return_if_fail (message != NULL);
  _cord_ios_session_queue_log (exec->session, message);
}

void
cord_ios_exec_enter (CordIosExec    *exec,
                     CordIosNodeId   node,
                     gpointer        context,
                     GDestroyNotify  destroy)
{
  GArray *levels;
  CordIosNodeId parent;
  _CordIosLevel level = { node, context, destroy };

  g_return_if_fail (exec != NULL);
  g_return_if_fail ((guint) node < CORD_IOS_N_NODES);

  levels = _cord_ios_session_levels (exec->session);
  if (!cord_ios_node_is_config (node))
    {
      _cord_ios_session_pop_to (exec->session, 1);
      g_array_index (levels, _CordIosLevel, 0).node = node;
      if (destroy != NULL)
        destroy (context);
      return;
    }
  /* A sibling mode replaces the current one: `line vty 0 4` in (config-line). */
  parent = cord_ios_node_get (node)->parent;
  while (levels->len > 1 && g_array_index (levels, _CordIosLevel, levels->len - 1).node != parent)
    _cord_ios_session_pop_to (exec->session, levels->len - 1);
  g_array_append_val (levels, level);
}

void
cord_ios_exec_exit (CordIosExec *exec)
{
  GArray *levels;
  CordIosNodeId top;

  g_return_if_fail (exec != NULL);

  levels = _cord_ios_session_levels (exec->session);
  top = g_array_index (levels, _CordIosLevel, levels->len - 1).node;
  if (top == CORD_IOS_NODE_CONFIG)
    _cord_ios_session_end_config (exec->session);
  else if (cord_ios_node_is_config (top))
    _cord_ios_session_pop_to (exec->session, levels->len - 1);
  else
    _cord_ios_session_set_logout (exec->session);
}

void
cord_ios_exec_end (CordIosExec *exec)
{
  g_return_if_fail (exec != NULL);
  _cord_ios_session_end_config (exec->session);
}

void
cord_ios_exec_logout (CordIosExec *exec)
{
  g_return_if_fail (exec != NULL);
  _cord_ios_session_set_logout (exec->session);
}

void
cord_ios_exec_ask (CordIosExec    *exec,
                   const char     *prompt,
                   gboolean        echo,
                   CordIosAskFunc  func,
                   gpointer        user_data,
                   GDestroyNotify  destroy)
{
  _CordIosAsk *ask;

  g_return_if_fail (exec != NULL);
  g_return_if_fail (prompt != NULL);
  g_return_if_fail (func != NULL);

  ask = g_new0 (_CordIosAsk, 1);
  ask->prompt = g_strdup (prompt);
  ask->echo = echo;
  ask->func = func;
  ask->user_data = user_data;
  ask->destroy = destroy;
  _cord_ios_session_set_ask (exec->session, ask);
}
