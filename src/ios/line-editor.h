/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Line editing the IOS console and the PC Command Prompt share: keys from terminal bytes, echo and history. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a byte from the terminal amounts to. */
typedef enum {
  CORD_LINE_KEY_NONE,     /* part of an escape sequence, or the LF of CR LF */
  CORD_LINE_KEY_CHAR,     /* the byte itself: text or a control key */
  CORD_LINE_KEY_UP,
  CORD_LINE_KEY_DOWN,
  CORD_LINE_KEY_LEFT,
  CORD_LINE_KEY_RIGHT,
  CORD_LINE_KEY_HOME,
  CORD_LINE_KEY_END,
  CORD_LINE_KEY_DELETE,
} CordLineKey;

/* Where the editor's echo goes: the console that embeds it. */
typedef void (*CordLineEditorOutput) (gpointer    user_data,
                                      const char *data,
                                      gsize       len);

/* Embedded in the console that uses it; its fields are read and set
 * there (the line is cleared when a command runs, echo is off for a
 * password). */
typedef struct {
  GString              *line;
  gsize                 cursor;
  gboolean              echo;
  guint                 history_pos;   /* 0: not walking; n: the n-th newest */

  guint                 escape;        /* 0, 1 after ESC, 2 inside ESC [ … */
  guint                 escape_arg;
  gboolean              after_cr;      /* swallow the LF of CR LF */

  CordLineEditorOutput  output;
  gpointer              output_data;
} CordLineEditor;

void        cord_line_editor_init        (CordLineEditor       *editor,
                                          CordLineEditorOutput  output,
                                          gpointer              user_data);
void        cord_line_editor_clear       (CordLineEditor       *editor);

/* One byte as a terminal sends it: CR, LF or CR LF (or CR NUL) for Enter,
 * ESC [ A … for the arrows, ESC [ n ~ for Home, End and Delete. */
CordLineKey cord_line_editor_decode      (CordLineEditor       *editor,
                                          char                  c);

/* Empties the line and stops walking the history; prints nothing. */
void        cord_line_editor_reset       (CordLineEditor       *editor);

/* @n copies of @c to the output. */
void        cord_line_editor_emit_repeat (CordLineEditor       *editor,
                                          char                  c,
                                          gsize                 n);
/* The line from the start, then the cursor back where it is; nothing
 * when echo is off. */
void        cord_line_editor_redraw      (CordLineEditor       *editor);

/* Inserts at the cursor what fits within CORD_LIMIT_CONSOLE_LINE and
 * rings the bell for the rest. */
void        cord_line_editor_insert      (CordLineEditor       *editor,
                                          const char           *text,
                                          gsize                 len);
/* Removes @count characters from @at and redraws what follows. */
void        cord_line_editor_delete      (CordLineEditor       *editor,
                                          gsize                 at,
                                          gsize                 count);
void        cord_line_editor_move_to     (CordLineEditor       *editor,
                                          gsize                 to);
/* The character before the cursor. */
void        cord_line_editor_backspace   (CordLineEditor       *editor);
/* The word before the cursor, and the blanks after it. */
void        cord_line_editor_delete_word (CordLineEditor       *editor);

/* The arrows, Home, End and Delete; Up and Down walk @history, or do
 * nothing when it is NULL. FALSE for CORD_LINE_KEY_CHAR, which is left
 * to the console. */
gboolean    cord_line_editor_key         (CordLineEditor       *editor,
                                          CordLineKey           key,
                                          GPtrArray            *history);

/* Adds @line to @history, oldest first, keeping at most @size lines;
 * blank lines are not kept. */
void        cord_line_editor_history_add (GPtrArray            *history,
                                          guint                 size,
                                          const char           *line);

G_END_DECLS
