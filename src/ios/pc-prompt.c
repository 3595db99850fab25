/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Command Prompt of Packet Tracer's end devices: the window, line editing, history and the command table. */
#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-limits.h"
#include "pc-prompt-private.h"

#define PROMPT "C:\\>"

/* --- Output ------------------------------------------------------------ */

static void
emit (CordPcPrompt *p,
      const char   *data,
      gsize         len)
{
  if (len > 0 && p->output != NULL && !p->closing)
    p->output (p, data, len, p->output_data);
}

/* The line editor's echo. */
static void
emit_edit (gpointer    user_data,
           const char *data,
           gsize       len)
{
  emit (user_data, data, len);
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
  cord_line_editor_reset (&prompt->editor);
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
  /* A line at the limit refuses more, with a bell and no redraw. */
  if (p->editor.line->len >= CORD_LIMIT_CONSOLE_LINE)
    {
      emit (p, "\a", 1);
      return;
    }
  cord_line_editor_insert (&p->editor, &c, 1);
}

static void
enter_line (CordPcPrompt *p)
{
  g_autofree char *text = g_strdup (p->editor.line->str);

  cord_line_editor_move_to (&p->editor, p->editor.line->len);
  emit (p, "\r\n", 2);
  cord_line_editor_reset (&p->editor);
  cord_line_editor_history_add (p->history, CORD_PC_PROMPT_HISTORY_SIZE, text);
  run_line (p, text);
  /* A command that waits on virtual time shows the prompt when it ends. */
  if (p->state == _CORD_PC_EDITING && !p->closing)
    _cord_pc_prompt_finish (p);
}

static void
edit_key (CordPcPrompt *p,
          CordLineKey   key,
          char          c)
{
  if (cord_line_editor_key (&p->editor, key, p->history) || key != CORD_LINE_KEY_CHAR)
    return;

  switch (c)
    {
    case '\r':
    case '\n':
      enter_line (p);
      break;
    case 0x08: /* Backspace */
    case 0x7f:
      cord_line_editor_backspace (&p->editor);
      break;
    case 0x03: /* Ctrl-C drops the line, as cmd.exe does */
      cord_line_editor_move_to (&p->editor, p->editor.line->len);
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
            CordLineKey   key,
            char          c)
{
  switch (p->state)
    {
    case _CORD_PC_EDITING:
      edit_key (p, key, c);
      break;
    case _CORD_PC_PINGING:
    case _CORD_PC_TRACING:
      if (key == CORD_LINE_KEY_CHAR && c == 0x03)
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
  cord_line_editor_init (&p->editor, emit_edit, p);
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
  cord_line_editor_clear (&prompt->editor);
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
  prompt->editor.escape = 0;
  prompt->editor.after_cr = FALSE;
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
      CordLineKey key = cord_line_editor_decode (&prompt->editor, bytes[i]);

      if (key != CORD_LINE_KEY_NONE)
        handle_key (prompt, key, key == CORD_LINE_KEY_CHAR ? bytes[i] : 0);
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
