/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An IOS console session: keystrokes in, terminal bytes out, with IOS line editing, history and paging. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-limits.h"
#include "ios-private.h"
#include "line-editor.h"


typedef enum {
  STATE_AWAIT_RETURN,   /* "Press RETURN to get started" */
  STATE_PROMPT,         /* editing a command line */
  STATE_ASK,            /* editing the answer to a question */
  STATE_MORE,           /* output stopped at --More-- */
  STATE_BUSY,           /* running a command */
} State;

enum {
  HISTORY_EXEC,
  HISTORY_CONFIG,
  N_HISTORIES,
};

struct _CordIosSession {
  CordIosCli        *cli;
  CordIosDevice     *ios;
  CordIosOutputFunc  output;
  gpointer           output_data;
  GDestroyNotify     output_destroy;

  State              state;
  GArray            *levels;      /* _CordIosLevel: USER or ENABLE, then config modes */
  CordLineEditor     editor;      /* the line; echo is off for a password */
  gboolean           quote_next;  /* Ctrl-V: the next key is text */

  GPtrArray         *history[N_HISTORIES];

  guint              length;
  char              *more_text;
  gsize              more_pos;

  _CordIosAsk       *ask;
  gboolean           logout;
  GQueue             logs;
};

/* --- Output ------------------------------------------------------------ */

static void
emit (CordIosSession *s,
      const char     *data,
      gsize           len)
{
  if (len > 0 && s->output != NULL)
    s->output (s, data, len, s->output_data);
}

static void
emit_str (CordIosSession *s,
          const char     *text)
{
  emit (s, text, strlen (text));
}

/* The line editor's echo. */
static void
emit_edit (gpointer    user_data,
           const char *data,
           gsize       len)
{
  emit (user_data, data, len);
}

/* Text with "\n" line ends, sent with CR LF. */
static void
emit_text (CordIosSession *s,
           const char     *text,
           gsize           len)
{
  gsize from = 0;

  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n')
      {
        emit (s, text + from, i - from);
        emit (s, "\r\n", 2);
        from = i + 1;
      }
  emit (s, text + from, len - from);
}

static CordIosNodeId
current_node (CordIosSession *s)
{
  return g_array_index (s->levels, _CordIosLevel, s->levels->len - 1).node;
}

static void
show_prompt (CordIosSession *s)
{
  g_autofree char *prompt = NULL;

  if (s->state == STATE_ASK)
    {
      emit_text (s, s->ask->prompt, strlen (s->ask->prompt));
      return;
    }
  prompt = cord_ios_session_get_prompt (s);
  emit_str (s, prompt);
}

/* The prompt and the line again, the cursor where it was. */
static void
redisplay (CordIosSession *s)
{
  show_prompt (s);
  cord_line_editor_redraw (&s->editor);
}

static gboolean
logging_synchronous (CordIosSession *s)
{
  return s->ios->console.logging_synchronous;
}

static void
show_log (CordIosSession *s,
          const char     *message)
{
  emit_str (s, "\r\n");
  emit_text (s, message, strlen (message));
  emit_str (s, "\r\n");
  /* Packet Tracer leaves the prompt off after a message unless something
   * was being typed; with logging synchronous IOS always redraws it. */
  if (s->state == STATE_ASK ||
      (s->state == STATE_PROMPT && (s->editor.line->len > 0 || logging_synchronous (s))))
    redisplay (s);
}

static void
flush_logs (CordIosSession *s)
{
  char *message;

  while ((message = g_queue_pop_head (&s->logs)) != NULL)
    {
      show_log (s, message);
      g_free (message);
    }
}

/* --- Modes ------------------------------------------------------------- */

static void
level_clear (_CordIosLevel *level)
{
  if (level->destroy != NULL)
    level->destroy (level->context);
  level->destroy = NULL;
  level->context = NULL;
}

static void
reset_exec (CordIosSession *s)
{
  _CordIosLevel user = { CORD_IOS_NODE_USER, NULL, NULL };

  g_array_set_size (s->levels, 0);
  g_array_append_val (s->levels, user);
  for (guint i = 0; i < N_HISTORIES; i++)
    g_ptr_array_set_size (s->history[i], 0);
  s->editor.history_pos = 0;
  s->length = CORD_IOS_DEFAULT_LENGTH;
}

CordIosCli *
_cord_ios_session_cli (CordIosSession *session)
{
  return session->cli;
}

GArray *
_cord_ios_session_levels (CordIosSession *session)
{
  return session->levels;
}

void
_cord_ios_session_pop_to (CordIosSession *session,
                          guint           depth)
{
  g_assert (depth >= 1);
  if (session->levels->len > depth)
    g_array_set_size (session->levels, depth);
}

void
_cord_ios_session_queue_log (CordIosSession *session,
                             const char     *message)
{
  g_queue_push_tail (&session->logs, g_strdup (message));
}

char *
_cord_ios_session_pop_log (CordIosSession *session)
{
  return g_queue_pop_head (&session->logs);
}

void
_cord_ios_session_set_ask (CordIosSession *session,
                           _CordIosAsk    *ask)
{
  _cord_ios_ask_free (session->ask);
  session->ask = ask;
}

_CordIosAsk *
_cord_ios_session_take_ask (CordIosSession *session)
{
  return g_steal_pointer (&session->ask);
}

void
_cord_ios_session_set_logout (CordIosSession *session)
{
  session->logout = TRUE;
}

void
_cord_ios_session_end_config (CordIosSession *session)
{
  if (!cord_ios_node_is_config (current_node (session)))
    return;
  _cord_ios_session_pop_to (session, 1);
  g_array_index (session->levels, _CordIosLevel, 0).node = CORD_IOS_NODE_ENABLE;
  _cord_ios_session_queue_log (session, _("%SYS-5-CONFIG_I: Configured from console by console"));
}

/* --- After a command: pages, then the next prompt ---------------------- */

static void
after_output (CordIosSession *s)
{
  g_string_truncate (s->editor.line, 0);
  s->editor.cursor = 0;
  s->editor.echo = TRUE;
  if (s->ask != NULL)
    {
      s->state = STATE_ASK;
      s->editor.echo = s->ask->echo;
      show_prompt (s);
    }
  else if (s->logout)
    {
      g_autofree char *text = NULL;

      s->logout = FALSE;
      text = g_strdup_printf (_("%s con0 is now available"), s->ios->hostname);
      emit_str (s, "\r\n\r\n");
      emit_str (s, text);
      emit_str (s, "\r\n\r\n\r\n");
      emit_str (s, _("Press RETURN to get started."));
      emit_str (s, "\r\n\r\n");
      reset_exec (s);
      s->state = STATE_AWAIT_RETURN;
    }
  else
    {
      s->state = STATE_PROMPT;
      show_prompt (s);
    }
  flush_logs (s);
}

gboolean
_cord_ios_session_waits_for_return (CordIosSession *session)
{
  return session->state == STATE_AWAIT_RETURN;
}

void
_cord_ios_session_time_out (CordIosSession *session)
{
  if (session->state == STATE_AWAIT_RETURN)
    return;
  g_assert (session->state != STATE_BUSY);
  cord_line_editor_reset (&session->editor);
  session->editor.escape = 0;
  session->quote_next = FALSE;
  g_clear_pointer (&session->ask, _cord_ios_ask_free);
  g_clear_pointer (&session->more_text, g_free);
  /* The line the cursor is on ends as Enter would end it; from there the
   * screen is the one `exit` leaves (reference 7). PT shows no
   * %SYS-5-CONFIG_I when the timeout leaves configuration mode. */
  emit_str (session, "\r\n");
  session->logout = TRUE;
  after_output (session);
}

static const char *
more_prompt (void)
{
  return _(" --More-- ");
}

/* Shows up to @lines lines of the pending output, then --More-- if there
 * is more; takes s->more_text. */
static void
page_out (CordIosSession *s,
          guint           lines)
{
  const char *text = s->more_text;
  gsize len = strlen (text), pos = s->more_pos;

  for (guint shown = 0; pos < len && (s->length == 0 || shown < lines); shown++)
    {
      const char *newline = memchr (text + pos, '\n', len - pos);
      gsize end = newline != NULL ? (gsize) (newline - text) + 1 : len;

      emit_text (s, text + pos, end - pos);
      pos = end;
    }
  if (pos < len)
    {
      s->more_pos = pos;
      s->state = STATE_MORE;
      emit_str (s, more_prompt ());
      return;
    }
  g_clear_pointer (&s->more_text, g_free);
  after_output (s);
}

static guint
page_lines (CordIosSession *s)
{
  return MAX (s->length, 2u) - 1;
}

static void
finish (CordIosSession *s,
        GString        *out)
{
  g_free (s->more_text);
  s->more_text = g_string_free (out, FALSE);
  s->more_pos = 0;
  page_out (s, page_lines (s));
}

static void
more_key (CordIosSession *s,
          CordLineKey     key,
          char            c)
{
  gsize len = strlen (more_prompt ());

  /* IOS rubs the prompt out but for its first blank: " --More-- " is
   * answered with 9 backspaces, 8 spaces and 9 backspaces. */
  cord_line_editor_emit_repeat (&s->editor, '\b', len - 1);
  cord_line_editor_emit_repeat (&s->editor, ' ', len - 2);
  cord_line_editor_emit_repeat (&s->editor, '\b', len - 1);
  if (key == CORD_LINE_KEY_CHAR && c == ' ')
    page_out (s, page_lines (s));
  else if (key == CORD_LINE_KEY_CHAR && (c == '\r' || c == '\n'))
    page_out (s, 1);
  else
    {
      g_clear_pointer (&s->more_text, g_free);
      after_output (s);
    }
}

/* --- Console start, login --------------------------------------------- */

static void
login_answer (CordIosExec *exec,
              const char  *answer,
              gpointer     user_data)
{
  guint tries = GPOINTER_TO_UINT (user_data) + 1;
  CordIosDevice *ios = cord_ios_exec_get_device (exec);

  if (g_strcmp0 (answer, ios->console.password) == 0)
    return;
  if (tries < CORD_IOS_PASSWORD_TRIES)
    cord_ios_exec_ask (exec, _("Password: "), FALSE, login_answer, GUINT_TO_POINTER (tries), NULL);
  else
    {
      cord_ios_exec_print (exec, "%s\n", _("% Bad passwords"));
      cord_ios_exec_logout (exec);
    }
}

static void
begin_exec (CordIosSession *s)
{
  GString *out = g_string_new (NULL);
  const CordIosLine *console = &s->ios->console;

  emit_str (s, "\r\n");
  if (s->ios->banner_motd != NULL)
    g_string_append_printf (out, "\n%s\n\n", s->ios->banner_motd);
  if (console->login && console->password == NULL)
    {
      g_string_append_printf (out, "%s\n", _("Password required, but none set"));
      s->logout = TRUE;
    }
  else if (console->login)
    {
      _CordIosAsk *ask = g_new0 (_CordIosAsk, 1);

      g_string_append_printf (out, "\n%s\n\n", _("User Access Verification"));
      ask->prompt = g_strdup (_("Password: "));
      ask->func = login_answer;
      _cord_ios_session_set_ask (s, ask);
    }
  finish (s, out);
}

/* --- Line editing ------------------------------------------------------ */

static GPtrArray *
current_history (CordIosSession *s)
{
  return s->history[cord_ios_node_is_config (current_node (s)) ? HISTORY_CONFIG : HISTORY_EXEC];
}

static void
history_add (CordIosSession *s,
             const char     *line)
{
  cord_line_editor_history_add (current_history (s), CORD_IOS_HISTORY_SIZE, line);
}

static void
enter_line (CordIosSession *s)
{
  g_autofree char *text = g_strdup (s->editor.line->str);
  GString *out = g_string_new (NULL);

  emit_str (s, "\r\n");
  cord_line_editor_reset (&s->editor);
  s->state = STATE_BUSY;
  if (s->ask != NULL)
    _cord_ios_exec_answer (s, text, out);
  else
    {
      history_add (s, text);
      _cord_ios_exec_line (s, text, out);
    }
  finish (s, out);
}

static void
help_key (CordIosSession *s)
{
  g_autofree char *before = g_strndup (s->editor.line->str, s->editor.cursor);
  g_autofree char *help = cord_ios_cli_describe (s->cli, s->ios, current_node (s), before);

  if (s->editor.cursor == s->editor.line->len)
    emit_str (s, "?");
  emit_str (s, "\r\n");
  emit_text (s, help, strlen (help));
  redisplay (s);
}

static void
tab_key (CordIosSession *s)
{
  g_autofree char *suffix = NULL;

  if (s->editor.cursor != s->editor.line->len)
    return;
  suffix = cord_ios_cli_complete (s->cli, s->ios, current_node (s), s->editor.line->str);
  if (suffix != NULL)
    cord_line_editor_insert (&s->editor, suffix, strlen (suffix));
  else
    {
      /* Packet Tracer shows the line again when Tab cannot complete it. */
      emit_str (s, "\r\n");
      redisplay (s);
    }
}

/* Ctrl-Z and Ctrl-C: leave configuration mode (Ctrl-Z runs the typed line
 * first); in EXEC, Ctrl-C only drops the line. */
static void
leave_key (CordIosSession *s,
           gboolean        run)
{
  g_autofree char *text = NULL;
  GString *out;

  if (run && !cord_ios_node_is_config (current_node (s)))
    return;
  text = g_strdup (s->editor.line->str);
  out = g_string_new (NULL);
  emit_str (s, run ? "^Z\r\n" : "^C\r\n");
  cord_line_editor_reset (&s->editor);
  s->state = STATE_BUSY;
  if (run)
    {
      history_add (s, text);
      _cord_ios_exec_line (s, text, out);
    }
  _cord_ios_session_end_config (s);
  finish (s, out);
}

static void
edit_key (CordIosSession *s,
          CordLineKey     key,
          char            c)
{
  CordLineEditor *ed = &s->editor;
  gboolean prompt = s->state == STATE_PROMPT;

  if (key == CORD_LINE_KEY_CHAR && s->quote_next)
    {
      s->quote_next = FALSE;
      if (g_ascii_isprint (c))
        cord_line_editor_insert (ed, &c, 1);
      return;
    }
  /* A question (a password) has no history to walk. */
  if (cord_line_editor_key (ed, key, prompt ? current_history (s) : NULL) || key != CORD_LINE_KEY_CHAR)
    return;

  switch (c)
    {
    case '\r':
    case '\n':
      enter_line (s);
      break;
    case 0x01: /* Ctrl-A */
      cord_line_editor_move_to (ed, 0);
      break;
    case 0x05: /* Ctrl-E */
      cord_line_editor_move_to (ed, ed->line->len);
      break;
    case 0x02: /* Ctrl-B */
      edit_key (s, CORD_LINE_KEY_LEFT, 0);
      break;
    case 0x06: /* Ctrl-F */
      edit_key (s, CORD_LINE_KEY_RIGHT, 0);
      break;
    case 0x04: /* Ctrl-D */
      edit_key (s, CORD_LINE_KEY_DELETE, 0);
      break;
    case 0x08: /* Backspace */
    case 0x7f:
      cord_line_editor_backspace (ed);
      break;
    case 0x0b: /* Ctrl-K: to the end of the line */
      cord_line_editor_delete (ed, ed->cursor, ed->line->len - ed->cursor);
      break;
    case 0x15: /* Ctrl-U, Ctrl-X: to the start of the line */
    case 0x18:
      cord_line_editor_delete (ed, 0, ed->cursor);
      break;
    case 0x17: /* Ctrl-W: the word before the cursor */
      cord_line_editor_delete_word (ed);
      break;
    case 0x10: /* Ctrl-P */
    case 0x0e: /* Ctrl-N */
      edit_key (s, c == 0x10 ? CORD_LINE_KEY_UP : CORD_LINE_KEY_DOWN, 0);
      break;
    case 0x0c: /* Ctrl-L, Ctrl-R: show the line again */
    case 0x12:
      emit_str (s, "\r\n");
      redisplay (s);
      break;
    case 0x16: /* Ctrl-V */
      s->quote_next = TRUE;
      break;
    case 0x09:
      if (prompt)
        tab_key (s);
      break;
    case '?':
      if (prompt)
        help_key (s);
      else
        cord_line_editor_insert (ed, &c, 1);
      break;
    case 0x1a: /* Ctrl-Z */
      if (prompt)
        leave_key (s, TRUE);
      break;
    case 0x03: /* Ctrl-C; a question (a password) must be answered */
      if (prompt)
        leave_key (s, FALSE);
      break;
    default:
      if (c >= 0x20 && c < 0x7f)
        cord_line_editor_insert (ed, &c, 1);
      break;
    }
}

static void
handle_key (CordIosSession *s,
            CordLineKey     key,
            char            c)
{
  switch (s->state)
    {
    case STATE_AWAIT_RETURN:
      if (key == CORD_LINE_KEY_CHAR && (c == '\r' || c == '\n'))
        begin_exec (s);
      break;
    case STATE_MORE:
      more_key (s, key, c);
      break;
    case STATE_PROMPT:
    case STATE_ASK:
      edit_key (s, key, c);
      break;
    case STATE_BUSY:
    default:
      break;
    }
}

/* --- Public ------------------------------------------------------------ */

CordIosSession *
cord_ios_session_new (CordIosCli    *cli,
                      CordIosDevice *ios)
{
  CordIosSession *s;

  g_return_val_if_fail (cli != NULL, NULL);
  g_return_val_if_fail (ios != NULL, NULL);

  s = g_new0 (CordIosSession, 1);
  s->cli = cord_ios_cli_ref (cli);
  s->ios = cord_ios_device_ref (ios);
  s->state = STATE_AWAIT_RETURN;
  s->levels = g_array_new (FALSE, FALSE, sizeof (_CordIosLevel));
  g_array_set_clear_func (s->levels, (GDestroyNotify) level_clear);
  cord_line_editor_init (&s->editor, emit_edit, s);
  for (guint i = 0; i < N_HISTORIES; i++)
    s->history[i] = g_ptr_array_new_with_free_func (g_free);
  g_queue_init (&s->logs);
  reset_exec (s);
  return s;
}

void
cord_ios_session_free (CordIosSession *session)
{
  g_return_if_fail (session != NULL);

  if (session->output_destroy != NULL)
    session->output_destroy (session->output_data);
  _cord_ios_ask_free (session->ask);
  g_queue_clear_full (&session->logs, g_free);
  g_free (session->more_text);
  for (guint i = 0; i < N_HISTORIES; i++)
    g_ptr_array_unref (session->history[i]);
  cord_line_editor_clear (&session->editor);
  g_array_unref (session->levels);
  cord_ios_device_unref (session->ios);
  cord_ios_cli_unref (session->cli);
  g_free (session);
}

void
cord_ios_session_set_output (CordIosSession    *session,
                             CordIosOutputFunc  func,
                             gpointer           user_data,
                             GDestroyNotify     destroy)
{
  g_return_if_fail (session != NULL);

  if (session->output_destroy != NULL)
    session->output_destroy (session->output_data);
  session->output = func;
  session->output_data = user_data;
  session->output_destroy = destroy;
}

void
cord_ios_session_start (CordIosSession *session)
{
  g_return_if_fail (session != NULL);

  reset_exec (session);
  session->state = STATE_AWAIT_RETURN;
  emit_str (session, _("Press RETURN to get started!"));
  emit_str (session, "\r\n");
}

void
cord_ios_session_feed (CordIosSession *session,
                       const char     *bytes,
                       gsize           len)
{
  g_return_if_fail (session != NULL);
  g_return_if_fail (bytes != NULL || len == 0);

  for (gsize i = 0; i < len; i++)
    {
      CordLineKey key = cord_line_editor_decode (&session->editor, bytes[i]);

      if (key != CORD_LINE_KEY_NONE)
        handle_key (session, key, key == CORD_LINE_KEY_CHAR ? bytes[i] : 0);
    }
}

void
cord_ios_session_log (CordIosSession *session,
                      const char     *message)
{
  g_return_if_fail (session != NULL);
  g_return_if_fail (message != NULL);

  if (session->state == STATE_BUSY || session->state == STATE_MORE)
    _cord_ios_session_queue_log (session, message);
  else
    show_log (session, message);
}

CordIosDevice *
cord_ios_session_get_device (CordIosSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);
  return session->ios;
}

CordIosNodeId
cord_ios_session_get_node (CordIosSession *session)
{
  g_return_val_if_fail (session != NULL, CORD_IOS_NODE_USER);
  return current_node (session);
}

char *
cord_ios_session_get_prompt (CordIosSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);
  return g_strconcat (session->ios->hostname, cord_ios_node_get (current_node (session))->prompt, NULL);
}

const GPtrArray *
cord_ios_session_get_history (CordIosSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);
  return current_history (session);
}

guint
cord_ios_session_get_length (CordIosSession *session)
{
  g_return_val_if_fail (session != NULL, 0);
  return session->length;
}

void
cord_ios_session_set_length (CordIosSession *session,
                             guint           length)
{
  g_return_if_fail (session != NULL);
  session->length = length;
}
