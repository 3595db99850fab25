/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The golden-transcript notation the console suites share: escapes, reading, rendering and comparing. */
#pragma once

#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "test-util.h"

/* Reads one escape at @p (just after '<'): <CR> <LF> <TAB> <BS> <DEL>
 * <ESC> <BEL> <SP> <LT> <?> <UP> <DOWN> <LEFT> <RIGHT> <CTRL-A>…<CTRL-Z>
 * and <REPEAT n c>; FALSE when it is plain text. */
static inline gboolean
transcript_decode_escape (const char  *p,
                          const char **end,
                          GString     *out)
{
  static const struct {
    const char *name;
    const char *bytes;
  } escapes[] = {
    { "CR", "\r" }, { "LF", "\n" }, { "TAB", "\t" }, { "BS", "\b" }, { "DEL", "\x7f" },
    { "ESC", "\x1b" }, { "BEL", "\a" }, { "SP", " " }, { "LT", "<" }, { "?", "?" },
    { "UP", "\x1b[A" }, { "DOWN", "\x1b[B" }, { "RIGHT", "\x1b[C" }, { "LEFT", "\x1b[D" },
  };
  const char *close = strchr (p, '>');
  g_autofree char *name = NULL;
  guint count;
  char c;

  if (close == NULL)
    return FALSE;
  name = g_strndup (p, close - p);
  *end = close + 1;
  for (guint i = 0; i < G_N_ELEMENTS (escapes); i++)
    if (strcmp (name, escapes[i].name) == 0)
      {
        g_string_append (out, escapes[i].bytes);
        return TRUE;
      }
  if (strlen (name) == 6 && g_str_has_prefix (name, "CTRL-") && g_ascii_isupper (name[5]))
    {
      g_string_append_c (out, name[5] & 0x1f);
      return TRUE;
    }
  if (sscanf (name, "REPEAT %u %c", &count, &c) == 2)
    {
      for (guint i = 0; i < count; i++)
        g_string_append_c (out, c);
      return TRUE;
    }
  return FALSE;
}

/* @text with its escapes decoded, appended to @out. */
static inline void
transcript_decode (const char *text,
                   GString    *out)
{
  while (*text != '\0')
    {
      const char *end;

      if (*text == '<' && transcript_decode_escape (text + 1, &end, out))
        text = end;
      else
        g_string_append_c (out, *text++);
    }
}

/* The keys of a "> " line (or any text), decoded; @len gets their length. */
static inline char *
transcript_decode_keys (const char *text,
                        gsize      *len)
{
  GString *out = g_string_new (NULL);

  transcript_decode (text, out);
  *len = out->len;
  return g_string_free (out, FALSE);
}

/* Output in transcript notation, for messages and dumps. */
static inline char *
transcript_render (const char *data,
                   gsize       len)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    {
      gsize run = 1;

      while (i + run < len && data[i + run] == data[i] && g_ascii_isalnum (data[i]))
        run++;
      if (run >= 40)
        {
          g_string_append_printf (out, "<REPEAT %zu %c>", run, data[i]);
          i += run - 1;
          continue;
        }
      switch (data[i])
        {
        case '\r':
          if (i + 1 < len && data[i + 1] == '\n')
            {
              g_string_append_c (out, '\n');
              i++;
            }
          else
            g_string_append (out, "<CR>");
          break;
        case '\n': g_string_append (out, "<LF>"); break;
        case '\b': g_string_append (out, "<BS>"); break;
        case '\t': g_string_append (out, "<TAB>"); break;
        case '\a': g_string_append (out, "<BEL>"); break;
        case 0x1b: g_string_append (out, "<ESC>"); break;
        case ' ':
          if (i + 1 == len || data[i + 1] == '\r')
            g_string_append (out, "<SP>");
          else
            g_string_append_c (out, ' ');
          break;
        default:
          g_string_append_c (out, data[i]);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/* The lines of the transcript file @path, without the empty one after
 * the last newline; @n gets how many. */
static inline GStrv
transcript_read_lines (const char *path,
                       guint      *n)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStrv lines;

  ck_assert_msg (g_file_get_contents (path, &contents, NULL, &error), "%s", error ? error->message : "");
  lines = g_strsplit (contents, "\n", -1);
  *n = g_strv_length (lines);
  if (*n > 0 && lines[*n - 1][0] == '\0')
    (*n)--;
  return lines;
}

/* FALSE for a line that is no part of the screen: a ## comment. Checks
 * that @line (line @number of @name) ends in no blank. */
static inline gboolean
transcript_line_counts (const char *name,
                        guint       number,
                        const char *line)
{
  gsize len = strlen (line);

  ck_assert_msg (len == 0 || line[len - 1] != ' ', "%s:%u: ends with a space; write <SP>", name, number);
  return !g_str_has_prefix (line, "##");
}

/* A screen line: appended to @expected, after CR LF unless it is the
 * first. Anything else that looks like a directive is an error. */
static inline void
transcript_expect_line (GString    *expected,
                        gboolean   *first,
                        const char *name,
                        guint       number,
                        const char *line)
{
  ck_assert_msg (line[0] != '@' && line[0] != '>', "%s:%u: unknown directive", name, number);
  if (!*first)
    g_string_append (expected, "\r\n");
  transcript_decode (line, expected);
  *first = FALSE;
}

/* TRUE while @actual is still the start of @expected. */
static inline gboolean
transcript_begins (const GString *expected,
                   const GString *actual)
{
  return actual->len <= expected->len && memcmp (actual->str, expected->str, actual->len) == 0;
}

/* Where @actual first leaves @expected, with up to @context characters
 * of each from the first line that differs. */
static inline char *
transcript_describe_difference (const char    *name,
                                const GString *expected,
                                const GString *actual,
                                guint          step_line,
                                int            context)
{
  g_autofree char *want = transcript_render (expected->str, expected->len);
  g_autofree char *got = transcript_render (actual->str, actual->len);
  gsize at = 0, line_start = 0;
  guint line = 1;

  while (want[at] != '\0' && want[at] == got[at])
    {
      if (want[at] == '\n')
        line_start = at + 1, line++;
      at++;
    }
  return g_strdup_printf ("%s, after the step on line %u: output line %u differs\n"
                          "--- expected ---\n%.*s\n--- actual ---\n%.*s\n",
                          name, step_line, line, context, want + line_start, context, got + line_start);
}

static inline int
transcript_compare_names (gconstpointer a,
                          gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The *.txt files of the folder @dir_path whose names start with none of
 * the NULL-terminated @skip prefixes, sorted. */
static inline GPtrArray *
transcript_list (const char        *dir_path,
                 const char * const *skip)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gboolean skipped = FALSE;

      for (guint i = 0; skip != NULL && skip[i] != NULL; i++)
        skipped = skipped || g_str_has_prefix (name, skip[i]);
      if (g_str_has_suffix (name, ".txt") && !skipped)
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, transcript_compare_names);
  return names;
}
