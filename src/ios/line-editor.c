/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Line editing the IOS console and the PC Command Prompt share: keys from terminal bytes, echo and history. */
#include "config.h"

#include <string.h>

#include "cord-limits.h"
#include "line-editor.h"

static void
emit (CordLineEditor *editor,
      const char     *data,
      gsize           len)
{
  if (len > 0)
    editor->output (editor->output_data, data, len);
}

void
cord_line_editor_init (CordLineEditor       *editor,
                       CordLineEditorOutput  output,
                       gpointer              user_data)
{
  g_return_if_fail (editor != NULL);
  g_return_if_fail (output != NULL);

  memset (editor, 0, sizeof *editor);
  editor->line = g_string_new (NULL);
  editor->echo = TRUE;
  editor->output = output;
  editor->output_data = user_data;
}

void
cord_line_editor_clear (CordLineEditor *editor)
{
  g_return_if_fail (editor != NULL);

  if (editor->line != NULL)
    g_string_free (editor->line, TRUE);
  editor->line = NULL;
}

CordLineKey
cord_line_editor_decode (CordLineEditor *editor,
                         char            c)
{
  g_return_val_if_fail (editor != NULL, CORD_LINE_KEY_NONE);

  if (editor->escape == 1)
    {
      editor->escape = (c == '[' || c == 'O') ? 2 : 0;
      editor->escape_arg = 0;
      return CORD_LINE_KEY_NONE;
    }
  if (editor->escape == 2)
    {
      if (g_ascii_isdigit (c) || c == ';')
        {
          if (g_ascii_isdigit (c) && editor->escape_arg < 1000)
            editor->escape_arg = editor->escape_arg * 10 + (guint) (c - '0');
          return CORD_LINE_KEY_NONE;
        }
      editor->escape = 0;
      switch (c)
        {
        case 'A': return CORD_LINE_KEY_UP;
        case 'B': return CORD_LINE_KEY_DOWN;
        case 'C': return CORD_LINE_KEY_RIGHT;
        case 'D': return CORD_LINE_KEY_LEFT;
        case 'H': return CORD_LINE_KEY_HOME;
        case 'F': return CORD_LINE_KEY_END;
        case '~':
          if (editor->escape_arg == 1 || editor->escape_arg == 7)
            return CORD_LINE_KEY_HOME;
          if (editor->escape_arg == 4 || editor->escape_arg == 8)
            return CORD_LINE_KEY_END;
          if (editor->escape_arg == 3)
            return CORD_LINE_KEY_DELETE;
          return CORD_LINE_KEY_NONE;
        default:
          return CORD_LINE_KEY_NONE;
        }
    }
  if (c == 0x1b)
    {
      editor->escape = 1;
      return CORD_LINE_KEY_NONE;
    }
  /* CR LF and CR NUL are one Enter, even when a command started in
   * between. */
  if (editor->after_cr && (c == '\n' || c == '\0'))
    {
      editor->after_cr = FALSE;
      return CORD_LINE_KEY_NONE;
    }
  editor->after_cr = c == '\r';
  return CORD_LINE_KEY_CHAR;
}

void
cord_line_editor_reset (CordLineEditor *editor)
{
  g_return_if_fail (editor != NULL);

  g_string_truncate (editor->line, 0);
  editor->cursor = 0;
  editor->history_pos = 0;
}

void
cord_line_editor_emit_repeat (CordLineEditor *editor,
                              char            c,
                              gsize           n)
{
  g_autofree char *run = NULL;

  g_return_if_fail (editor != NULL);

  if (n == 0)
    return;
  run = g_malloc (n);
  memset (run, c, n);
  emit (editor, run, n);
}

void
cord_line_editor_redraw (CordLineEditor *editor)
{
  g_return_if_fail (editor != NULL);

  if (!editor->echo)
    return;
  emit (editor, editor->line->str, editor->line->len);
  cord_line_editor_emit_repeat (editor, '\b', editor->line->len - editor->cursor);
}

void
cord_line_editor_insert (CordLineEditor *editor,
                         const char     *text,
                         gsize           len)
{
  gsize room, tail;
  gboolean refused;

  g_return_if_fail (editor != NULL);
  g_return_if_fail (text != NULL || len == 0);

  /* The console refuses what would make the line too long, with a bell. */
  room = CORD_LIMIT_CONSOLE_LINE - editor->line->len;
  refused = len > room;
  len = MIN (len, room);
  g_string_insert_len (editor->line, editor->cursor, text, len);
  editor->cursor += len;
  if (editor->echo)
    {
      tail = editor->line->len - editor->cursor;
      emit (editor, editor->line->str + editor->cursor - len, len + tail);
      cord_line_editor_emit_repeat (editor, '\b', tail);
    }
  if (refused)
    emit (editor, "\a", 1);
}

void
cord_line_editor_delete (CordLineEditor *editor,
                         gsize           at,
                         gsize           count)
{
  gsize tail;

  g_return_if_fail (editor != NULL);
  g_return_if_fail (at <= editor->cursor);

  if (count == 0)
    return;
  if (editor->echo)
    cord_line_editor_emit_repeat (editor, '\b', editor->cursor - at);
  g_string_erase (editor->line, at, count);
  editor->cursor = at;
  if (!editor->echo)
    return;
  tail = editor->line->len - at;
  emit (editor, editor->line->str + at, tail);
  cord_line_editor_emit_repeat (editor, ' ', count);
  cord_line_editor_emit_repeat (editor, '\b', tail + count);
}

void
cord_line_editor_move_to (CordLineEditor *editor,
                          gsize           to)
{
  g_return_if_fail (editor != NULL);
  g_return_if_fail (to <= editor->line->len);

  if (editor->echo)
    {
      if (to < editor->cursor)
        cord_line_editor_emit_repeat (editor, '\b', editor->cursor - to);
      else
        emit (editor, editor->line->str + editor->cursor, to - editor->cursor);
    }
  editor->cursor = to;
}

void
cord_line_editor_backspace (CordLineEditor *editor)
{
  g_return_if_fail (editor != NULL);

  if (editor->cursor > 0)
    cord_line_editor_delete (editor, editor->cursor - 1, 1);
}

void
cord_line_editor_delete_word (CordLineEditor *editor)
{
  const char *str;
  gsize word;

  g_return_if_fail (editor != NULL);

  str = editor->line->str;
  word = editor->cursor;
  while (word > 0 && str[word - 1] == ' ')
    word--;
  while (word > 0 && str[word - 1] != ' ')
    word--;
  cord_line_editor_delete (editor, word, editor->cursor - word);
}

/* The whole line becomes @text, the cursor at its end. */
static void
replace_line (CordLineEditor *editor,
              const char     *text)
{
  gsize old_len = editor->line->len, len = strlen (text);

  cord_line_editor_emit_repeat (editor, '\b', editor->cursor);
  g_string_assign (editor->line, text);
  editor->cursor = len;
  emit (editor, text, len);
  if (old_len > len)
    {
      cord_line_editor_emit_repeat (editor, ' ', old_len - len);
      cord_line_editor_emit_repeat (editor, '\b', old_len - len);
    }
}

static void
history_walk (CordLineEditor *editor,
              GPtrArray      *history,
              gboolean        older)
{
  if (older && editor->history_pos < history->len)
    editor->history_pos++;
  else if (!older && editor->history_pos > 0)
    editor->history_pos--;
  else
    return;
  replace_line (editor, editor->history_pos == 0 ? "" : history->pdata[history->len - editor->history_pos]);
}

gboolean
cord_line_editor_key (CordLineEditor *editor,
                      CordLineKey     key,
                      GPtrArray      *history)
{
  g_return_val_if_fail (editor != NULL, FALSE);

  switch (key)
    {
    case CORD_LINE_KEY_UP:
    case CORD_LINE_KEY_DOWN:
      if (history != NULL)
        history_walk (editor, history, key == CORD_LINE_KEY_UP);
      return TRUE;
    case CORD_LINE_KEY_LEFT:
      if (editor->cursor > 0)
        cord_line_editor_move_to (editor, editor->cursor - 1);
      return TRUE;
    case CORD_LINE_KEY_RIGHT:
      if (editor->cursor < editor->line->len)
        cord_line_editor_move_to (editor, editor->cursor + 1);
      return TRUE;
    case CORD_LINE_KEY_HOME:
      cord_line_editor_move_to (editor, 0);
      return TRUE;
    case CORD_LINE_KEY_END:
      cord_line_editor_move_to (editor, editor->line->len);
      return TRUE;
    case CORD_LINE_KEY_DELETE:
      if (editor->cursor < editor->line->len)
        cord_line_editor_delete (editor, editor->cursor, 1);
      return TRUE;
    case CORD_LINE_KEY_NONE:
    case CORD_LINE_KEY_CHAR:
    default:
      return FALSE;
    }
}

void
cord_line_editor_history_add (GPtrArray  *history,
                              guint       size,
                              const char *line)
{
  g_return_if_fail (history != NULL);
  g_return_if_fail (size > 0);
  g_return_if_fail (line != NULL);

  if (line[strspn (line, " \t")] == '\0')
    return;
  if (history->len == size)
    g_ptr_array_remove_index (history, 0);
  g_ptr_array_add (history, g_strdup (line));
}
