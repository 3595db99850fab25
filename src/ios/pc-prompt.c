/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Command Prompt of Packet Tracer's end devices: the window, line editing, history and the command table. */
#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-limits.h"
#include "pc-prompt-private.h"

#define PROMPT "C:\\>"

typedef enum {
  KEY_CHAR,
  KEY_UP,
  KEY_DOWN,
  KEY_LEFT,
  KEY_RIGHT,
  KEY_HOME,
  KEY_END,
  KEY_DELETE,
} Key;

/* --- Output ------------------------------------------------------------ */

static void
emit (CordPcPrompt *p,
      const char   *data,
      gsize         len)
{
  if (len > 0 && p->output != NULL && !p->closing)
    p->output (p, data, len, p->output_data);
}

static void
emit_repeat (CordPcPrompt *p,
             char          c,
             gsize         n)
{
  g_autofree char *run = NULL;

  if (n == 0)
    return;
  run = g_malloc (n);
  memset (run, c, n);
  emit (p, run, n);
}

void
_cord_pc_prompt_print (CordPcPrompt *prompt,
                       const char   *text)
{
  gsize from = 0, len = strlen (text);

  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n')
      {
        emit (prompt, text + from, i - from);
        emit (prompt, "\r\n", 2);
        from = i + 1;
      }
  emit (prompt, text + from, len - from);
}

void
_cord_pc_prompt_printf (CordPcPrompt *prompt,
                        const char   *format,
                        ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  _cord_pc_prompt_print (prompt, text);
}

void
_cord_pc_prompt_invalid (CordPcPrompt *prompt)
{
  _cord_pc_prompt_printf (prompt, "%s\n\n", _("Invalid Command."));
}

void
_cord_pc_prompt_finish (CordPcPrompt *prompt)
{
  g_string_truncate (prompt->line, 0);
  prompt->cursor = 0;
  prompt->history_pos = 0;
  prompt->interrupted = FALSE;
  prompt->state = _CORD_PC_EDITING;
  emit (prompt, PROMPT, strlen (PROMPT));
}

/* --- Commands ---------------------------------------------------------- */

typedef void (*CommandFunc) (CordPcPrompt *prompt,
                             guint         argc,
                             char        **argv);

static void cmd_help (CordPcPrompt *prompt, guint argc, char **argv);
static void cmd_exit (CordPcPrompt *prompt, guint argc, char **argv);

/* Only what works here is listed; PT's own list is longer (ftp, ssh,
 * telnet, nslookup, …), and those commands will join it as they come. */
static const struct {
  const char  *name;
  const char  *help;
  CommandFunc  func;
} commands[] = {
  { "?",        N_("Display the list of available commands"), cmd_help },
  { "arp",      N_("Display the arp table"), _cord_pc_prompt_arp },
  { "exit",     N_("Quits the CMD.EXE program (command interpreter)"), cmd_exit },
  { "help",     N_("Display the list of available commands"), cmd_help },
  { "ipconfig", N_("Display network configuration for each network adapter"), _cord_pc_prompt_ipconfig },
  { "ping",     N_("Send echo messages"), _cord_pc_prompt_ping },
  { "tracert",  N_("Trace route to destination"), _cord_pc_prompt_tracert },
};

static void
cmd_help (CordPcPrompt *prompt,
          guint         argc,
          char        **argv)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n", _("Available Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "%-16s%s\n", commands[i].name, _(commands[i].help));
  g_string_append_c (out, '\n');
  _cord_pc_prompt_print (prompt, out->str);
  g_string_free (out, TRUE);
}

/* Packet Tracer closes the window; here the console stays, ready. */
static void
cmd_exit (CordPcPrompt *prompt,
          guint         argc,
          char        **argv)
{
}

/* Runs one command line: words split at blanks, the command's name in any
 * case, as Windows reads it. */
static void
run_line (CordPcPrompt *p,
          const char   *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *s = text;

  while (*s != '\0')
    {
      gsize len;

      s += strspn (s, " \t");
      len = strcspn (s, " \t");
      if (len > 0)
        g_ptr_array_add (words, g_strndup (s, len));
      s += len;
    }
  if (words->len == 0)
    return;
  g_ptr_array_add (words, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_ascii_strcasecmp (words->pdata[0], commands[i].name) == 0)
      {
        commands[i].func (p, words->len - 2, (char **) words->pdata + 1);
        return;
      }
  _cord_pc_prompt_invalid (p);
}

/* --- Line editing ------------------------------------------------------ */

static void
insert_char (CordPcPrompt *p,
             char          c)
{
  gsize tail;

  /* A line at the limit refuses more, with a bell. */
  if (p->line->len >= CORD_LIMIT_CONSOLE_LINE)
    {
      emit (p, "\a", 1);
      return;
    }
  g_string_insert_c (p->line, p->cursor, c);
  p->cursor++;
  tail = p->line->len - p->cursor;
  emit (p, p->line->str + p->cursor - 1, tail + 1);
  emit_repeat (p, '\b', tail);
}

/* Removes @count characters from @at and redraws what follows. */
static void
delete_text (CordPcPrompt *p,
             gsize         at,
             gsize         count)
{
  gsize tail;

  if (count == 0)
    return;
  emit_repeat (p, '\b', p->cursor - at);
  g_string_erase (p->line, at, count);
  p->cursor = at;
  tail = p->line->len - at;
  emit (p, p->line->str + at, tail);
  emit_repeat (p, ' ', count);
  emit_repeat (p, '\b', tail + count);
}

static void
move_to (CordPcPrompt *p,
         gsize         to)
{
  if (to < p->cursor)
    emit_repeat (p, '\b', p->cursor - to);
  else
    emit (p, p->line->str + p->cursor, to - p->cursor);
  p->cursor = to;
}

static void
replace_line (CordPcPrompt *p,
              const char   *text)
{
  gsize old_len = p->line->len, len = strlen (text);

  emit_repeat (p, '\b', p->cursor);
  g_string_assign (p->line, text);
  p->cursor = len;
  emit (p, text, len);
  if (old_len > len)
    {
      emit_repeat (p, ' ', old_len - len);
      emit_repeat (p, '\b', old_len - len);
    }
}

static void
history_walk (CordPcPrompt *p,
              gboolean      older)
{
  GPtrArray *history = p->history;

  if (older && p->history_pos < history->len)
    p->history_pos++;
  else if (!older && p->history_pos > 0)
    p->history_pos--;
  else
    return;
  replace_line (p, p->history_pos == 0 ? "" : history->pdata[history->len - p->history_pos]);
}

static void
history_add (CordPcPrompt *p,
             const char   *line)
{
  if (line[strspn (line, " \t")] == '\0')
    return;
  if (p->history->len == CORD_PC_PROMPT_HISTORY_SIZE)
    g_ptr_array_remove_index (p->history, 0);
  g_ptr_array_add (p->history, g_strdup (line));
}

static void
enter_line (CordPcPrompt *p)
{
  g_autofree char *text = g_strdup (p->line->str);

  move_to (p, p->line->len);
  emit (p, "\r\n", 2);
  g_string_truncate (p->line, 0);
  p->cursor = 0;
  p->history_pos = 0;
  history_add (p, text);
  run_line (p, text);
  /* A command that waits on virtual time shows the prompt when it ends. */
  if (p->state == _CORD_PC_EDITING && !p->closing)
    _cord_pc_prompt_finish (p);
}

static void
edit_key (CordPcPrompt *p,
          Key           key,
          char          c)
{
  switch (key)
    {
    case KEY_UP:
    case KEY_DOWN:
      history_walk (p, key == KEY_UP);
      return;
    case KEY_LEFT:
      if (p->cursor > 0)
        move_to (p, p->cursor - 1);
      return;
    case KEY_RIGHT:
      if (p->cursor < p->line->len)
        move_to (p, p->cursor + 1);
      return;
    case KEY_HOME:
      move_to (p, 0);
      return;
    case KEY_END:
      move_to (p, p->line->len);
      return;
    case KEY_DELETE:
      if (p->cursor < p->line->len)
        delete_text (p, p->cursor, 1);
      return;
    case KEY_CHAR:
    default:
      break;
    }

  switch (c)
    {
    case '\r':
    case '\n':
      enter_line (p);
      break;
    case 0x08: /* Backspace */
    case 0x7f:
      if (p->cursor > 0)
        delete_text (p, p->cursor - 1, 1);
      break;
    case 0x03: /* Ctrl-C drops the line, as cmd.exe does */
      move_to (p, p->line->len);
      emit (p, "^C\r\n", 4);
      _cord_pc_prompt_finish (p);
      break;
    default:
      if (c >= 0x20 && c < 0x7f)
        insert_char (p, c);
      break;
    }
}

static void
handle_key (CordPcPrompt *p,
            Key           key,
            char          c)
{
  switch (p->state)
    {
    case _CORD_PC_EDITING:
      edit_key (p, key, c);
      break;
    case _CORD_PC_PINGING:
    case _CORD_PC_TRACING:
      if (key == KEY_CHAR && c == 0x03)
        _cord_pc_prompt_interrupt (p);
      break;
    case _CORD_PC_RENEWING:
    case _CORD_PC_CLOSED:
    default:
      break;
    }
}

/* --- Public ------------------------------------------------------------ */

CordPcPrompt *
cord_pc_prompt_new (CordSim    *sim,
                    CordDevice *device)
{
  CordPcPrompt *p;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (device->model->kind == CORD_KIND_PC || device->model->kind == CORD_KIND_LAPTOP ||
                        device->model->kind == CORD_KIND_SERVER, NULL);

  p = g_new0 (CordPcPrompt, 1);
  p->sim = sim;
  p->device = device;
  p->state = _CORD_PC_CLOSED;
  p->line = g_string_new (NULL);
  p->history = g_ptr_array_new_with_free_func (g_free);
  return p;
}

void
cord_pc_prompt_free (CordPcPrompt *prompt)
{
  g_return_if_fail (prompt != NULL);

  prompt->closing = TRUE;
  _cord_pc_prompt_stop (prompt);
  g_ptr_array_unref (prompt->history);
  g_string_free (prompt->line, TRUE);
  g_free (prompt);
}

void
cord_pc_prompt_set_output (CordPcPrompt           *prompt,
                           CordPcPromptOutputFunc  func,
                           gpointer                user_data)
{
  g_return_if_fail (prompt != NULL);

  prompt->output = func;
  prompt->output_data = user_data;
}

void
cord_pc_prompt_start (CordPcPrompt *prompt)
{
  const char *banner;

  g_return_if_fail (prompt != NULL);

  /* A restart ends what ran without a word, as a closed window would. */
  prompt->closing = TRUE;
  _cord_pc_prompt_stop (prompt);
  prompt->closing = FALSE;
  g_ptr_array_set_size (prompt->history, 0);
  prompt->escape = 0;
  prompt->after_cr = FALSE;
  banner = prompt->device->model->kind == CORD_KIND_SERVER
             ? _("Cisco Packet Tracer SERVER Command Line 1.0")
             : _("Cisco Packet Tracer PC Command Line 1.0");
  _cord_pc_prompt_printf (prompt, "%s\n", banner);
  _cord_pc_prompt_finish (prompt);
}

void
cord_pc_prompt_feed (CordPcPrompt *prompt,
                     const char   *bytes,
                     gsize         len)
{
  g_return_if_fail (prompt != NULL);
  g_return_if_fail (bytes != NULL || len == 0);

  for (gsize i = 0; i < len && !prompt->closing; i++)
    {
      char c = bytes[i];

      if (prompt->escape == 1)
        {
          prompt->escape = (c == '[' || c == 'O') ? 2 : 0;
          prompt->escape_arg = 0;
          continue;
        }
      if (prompt->escape == 2)
        {
          if (g_ascii_isdigit (c) || c == ';')
            {
              if (g_ascii_isdigit (c) && prompt->escape_arg < 1000)
                prompt->escape_arg = prompt->escape_arg * 10 + (guint) (c - '0');
              continue;
            }
          prompt->escape = 0;
          switch (c)
            {
            case 'A': handle_key (prompt, KEY_UP, 0); break;
            case 'B': handle_key (prompt, KEY_DOWN, 0); break;
            case 'C': handle_key (prompt, KEY_RIGHT, 0); break;
            case 'D': handle_key (prompt, KEY_LEFT, 0); break;
            case 'H': handle_key (prompt, KEY_HOME, 0); break;
            case 'F': handle_key (prompt, KEY_END, 0); break;
            case '~':
              if (prompt->escape_arg == 1 || prompt->escape_arg == 7)
                handle_key (prompt, KEY_HOME, 0);
              else if (prompt->escape_arg == 4 || prompt->escape_arg == 8)
                handle_key (prompt, KEY_END, 0);
              else if (prompt->escape_arg == 3)
                handle_key (prompt, KEY_DELETE, 0);
              break;
            default:
              break;
            }
          continue;
        }
      if (c == 0x1b)
        {
          prompt->escape = 1;
          continue;
        }
      /* CR LF and CR NUL are one Enter, even when a command started in
       * between. */
      if (prompt->after_cr && (c == '\n' || c == '\0'))
        {
          prompt->after_cr = FALSE;
          continue;
        }
      prompt->after_cr = c == '\r';
      handle_key (prompt, KEY_CHAR, c);
    }
}

gboolean
cord_pc_prompt_is_busy (CordPcPrompt *prompt)
{
  g_return_val_if_fail (prompt != NULL, FALSE);

  return prompt->state == _CORD_PC_PINGING || prompt->state == _CORD_PC_TRACING ||
         prompt->state == _CORD_PC_RENEWING;
}

CordDevice *
cord_pc_prompt_get_device (CordPcPrompt *prompt)
{
  g_return_val_if_fail (prompt != NULL, NULL);
  return prompt->device;
}

const GPtrArray *
cord_pc_prompt_get_history (CordPcPrompt *prompt)
{
  g_return_val_if_fail (prompt != NULL, NULL);
  return prompt->history;
}
