/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Compiles command tables into the paths the matcher walks, and writes the running-config from them. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "ios-private.h"

/* A syntax with more ways through it than this is a mistake in a table. */
#define MAX_PATHS 512u

/* --- Compiling syntax strings ------------------------------------------ */

typedef struct {
  CordIosCli           *cli;
  const CordIosCommand *command;
  const char           *p;
  guint                 n_helps;
  guint                 help;
} Compiler;

static GPtrArray *
seqs_new_empty (void)
{
  GPtrArray *seqs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_ptr_array_add (seqs, g_ptr_array_new ());
  return seqs;
}

/* Every sequence of @a followed by every sequence of @b; takes both. */
static GPtrArray *
seqs_product (GPtrArray *a,
              GPtrArray *b)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      {
        GPtrArray *left = a->pdata[i], *right = b->pdata[j];
        GPtrArray *seq = g_ptr_array_sized_new (left->len + right->len);

        for (guint k = 0; k < left->len; k++)
          g_ptr_array_add (seq, left->pdata[k]);
        for (guint k = 0; k < right->len; k++)
          g_ptr_array_add (seq, right->pdata[k]);
        g_ptr_array_add (out, seq);
      }
  g_ptr_array_unref (a);
  g_ptr_array_unref (b);
  return out;
}

static gboolean
compile_fail (Compiler   *c,
              GError    **error,
              const char *what)
{
  g_set_error (error, CORD_ERROR, CORD_ERROR_PARSE,
               _("IOS command “%s”: %s at “%s”"),
               c->command->syntax, what, c->p);
  return FALSE;
}

static gboolean
parse_range (const char *text,
             gint64     *min,
             gint64     *max)
{
  char *end;

  if (text[0] != '(' || !g_ascii_isdigit (text[1]))
    return FALSE;
  *min = g_ascii_strtoll (text + 1, &end, 10);
  if (*end != '-' || !g_ascii_isdigit (end[1]))
    return FALSE;
  *max = g_ascii_strtoll (end + 1, &end, 10);
  return strcmp (end, ")") == 0 && *min <= *max;
}

static _CordIosToken *
make_token (Compiler   *c,
            const char *atom,
            gsize       len,
            GError    **error)
{
  g_autofree char *text = g_strndup (atom, len);
  char *dollar = strchr (text, '$');
  _CordIosToken *token;

  if (c->help >= c->n_helps)
    {
      compile_fail (c, error, _("more tokens than help strings"));
      return NULL;
    }
  token = g_new0 (_CordIosToken, 1);
  if (dollar != NULL)
    {
      token->label = g_strdup (dollar + 1);
      *dollar = '\0';
    }
  token->text = g_steal_pointer (&text);
  token->help = c->command->helps[c->help++];
  g_ptr_array_add (c->cli->tokens, token);
  if (token->text[0] == '\0' || (token->label != NULL && token->label[0] == '\0'))
    {
      compile_fail (c, error, _("an empty token or label"));
      return NULL;
    }

  if (strcmp (token->text, "A.B.C.D") == 0)
    token->type = _CORD_IOS_TOKEN_IPV4;
  else if (strcmp (token->text, "A.B.C.D/M") == 0)
    token->type = _CORD_IOS_TOKEN_IPV4_PREFIX;
  else if (strcmp (token->text, "H.H.H") == 0)
    token->type = _CORD_IOS_TOKEN_MAC;
  else if (strcmp (token->text, "WORD") == 0)
    token->type = _CORD_IOS_TOKEN_WORD;
  else if (strcmp (token->text, "LINE") == 0)
    token->type = _CORD_IOS_TOKEN_LINE;
  else if (strcmp (token->text, "IFNAME") == 0)
    token->type = _CORD_IOS_TOKEN_IFNAME;
  else if (strcmp (token->text, "IFRANGE") == 0)
    token->type = _CORD_IOS_TOKEN_IFRANGE;
  else if (token->text[0] == '(')
    {
      token->type = _CORD_IOS_TOKEN_RANGE;
      if (!parse_range (token->text, &token->min, &token->max))
        {
          compile_fail (c, error, _("a range is written (LOW-HIGH)"));
          return NULL;
        }
    }
  else
    token->type = _CORD_IOS_TOKEN_KEYWORD;
  return token;
}

static GPtrArray *parse_seq (Compiler *c, const char *stop, GError **error);

static GPtrArray *
parse_item (Compiler  *c,
            GError   **error)
{
  g_autoptr(GPtrArray) seqs = NULL;
  char open = *c->p;

  if (open == '[' || open == '<')
    {
      char close = open == '[' ? ']' : '>';
      char stop[3] = { '|', close, '\0' };
      guint first_token = c->cli->tokens->len;

      c->p++;
      seqs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      for (;;)
        {
          GPtrArray *alt = parse_seq (c, stop, error);

          if (alt == NULL)
            return NULL;
          if (alt->len == 1 && ((GPtrArray *) alt->pdata[0])->len == 0)
            {
              g_ptr_array_unref (alt);
              compile_fail (c, error, _("an empty alternative"));
              return NULL;
            }
          while (alt->len > 0)
            g_ptr_array_add (seqs, g_ptr_array_steal_index (alt, 0));
          g_ptr_array_unref (alt);
          if (*c->p == '|')
            c->p++;
          else if (*c->p == close)
            break;
          else
            {
              compile_fail (c, error, _("an unclosed group"));
              return NULL;
            }
        }
      c->p++;
      if (open == '[')
        g_ptr_array_add (seqs, g_ptr_array_new ());
      if (*c->p == '$')
        {
          const char *start = ++c->p;

          while (g_ascii_isalnum (*c->p) || *c->p == '_' || *c->p == '-')
            c->p++;
          if (c->p == start)
            {
              compile_fail (c, error, _("an empty label"));
              return NULL;
            }
          for (guint i = first_token; i < c->cli->tokens->len; i++)
            {
              _CordIosToken *token = c->cli->tokens->pdata[i];

              if (token->label == NULL)
                token->label = g_strndup (start, c->p - start);
            }
        }
      return g_steal_pointer (&seqs);
    }
  else
    {
      const char *start = c->p;
      _CordIosToken *token;

      while (*c->p != '\0' && *c->p != ' ' && strchr ("[]<>|", *c->p) == NULL)
        c->p++;
      if (c->p == start)
        {
          compile_fail (c, error, _("an unexpected character"));
          return NULL;
        }
      token = make_token (c, start, c->p - start, error);
      if (token == NULL)
        return NULL;
      seqs = seqs_new_empty ();
      g_ptr_array_add (seqs->pdata[0], token);
      return g_steal_pointer (&seqs);
    }
}

static GPtrArray *
parse_seq (Compiler   *c,
           const char *stop,
           GError    **error)
{
  g_autoptr(GPtrArray) seqs = seqs_new_empty ();

  for (;;)
    {
      GPtrArray *item;

      while (*c->p == ' ')
        c->p++;
      if (*c->p == '\0' || strchr (stop, *c->p) != NULL)
        return g_steal_pointer (&seqs);
      item = parse_item (c, error);
      if (item == NULL)
        return NULL;
      seqs = seqs_product (g_steal_pointer (&seqs), item);
      if (seqs->len > MAX_PATHS)
        {
          compile_fail (c, error, _("too many optional parts"));
          return NULL;
        }
    }
}

static gboolean
compile_command (CordIosCli           *cli,
                 const CordIosCommand *command,
                 guint                 order,
                 GError              **error)
{
  Compiler c = { cli, command, command->syntax, 0, 0 };
  g_autoptr(GPtrArray) seqs = NULL;

  g_assert (command->syntax != NULL);
  if ((guint) command->node >= CORD_IOS_N_NODES || command->helps == NULL ||
      command->handler == NULL)
    return compile_fail (&c, error, _("no node, helps or handler"));
  while (command->helps[c.n_helps] != NULL)
    c.n_helps++;

  seqs = parse_seq (&c, "", error);
  if (seqs == NULL)
    return FALSE;
  if (*c.p != '\0')
    return compile_fail (&c, error, _("an unmatched bracket"));
  if (c.help != c.n_helps)
    return compile_fail (&c, error, _("more help strings than tokens"));

  for (guint i = 0; i < seqs->len; i++)
    {
      GPtrArray *seq = seqs->pdata[i];
      _CordIosPath *path;

      if (seq->len == 0)
        return compile_fail (&c, error, _("a command that can be empty"));
      for (guint k = 0; k + 1 < seq->len; k++)
        if (((_CordIosToken *) seq->pdata[k])->type == _CORD_IOS_TOKEN_LINE)
          return compile_fail (&c, error, _("LINE before the end"));
      /* An IFRANGE takes the rest of the line; the help for its numbers
       * finds where it starts by counting one word per keyword before it. */
      for (guint k = 0; k < seq->len; k++)
        if (((_CordIosToken *) seq->pdata[k])->type == _CORD_IOS_TOKEN_IFRANGE &&
            k + 1 != seq->len)
          return compile_fail (&c, error, _("IFRANGE before the end"));
      if (((_CordIosToken *) seq->pdata[seq->len - 1])->type == _CORD_IOS_TOKEN_IFRANGE)
        for (guint k = 0; k + 1 < seq->len; k++)
          if (((_CordIosToken *) seq->pdata[k])->type != _CORD_IOS_TOKEN_KEYWORD)
            return compile_fail (&c, error, _("IFRANGE after more than keywords"));
      path = g_new0 (_CordIosPath, 1);
      path->command = command;
      path->order = order;
      path->n_tokens = seq->len;
      path->tokens = (_CordIosToken **) g_ptr_array_steal (seq, NULL);
      g_ptr_array_add (cli->paths, path);
      g_ptr_array_add (cli->by_node[command->node], path);
    }
  return TRUE;
}

static void
token_free (_CordIosToken *token)
{
  g_free (token->text);
  g_free (token->label);
  g_free (token);
}

static void
path_free (_CordIosPath *path)
{
  g_free (path->tokens);
  g_free (path);
}

static void
cli_clear (CordIosCli *cli)
{
  for (guint i = 0; i < CORD_IOS_N_NODES; i++)
    g_clear_pointer (&cli->by_node[i], g_ptr_array_unref);
  g_clear_pointer (&cli->paths, g_ptr_array_unref);
  g_clear_pointer (&cli->tokens, g_ptr_array_unref);
  g_clear_pointer (&cli->writers, g_array_unref);
}

CordIosCli *
cord_ios_cli_new (const CordIosModule *const *modules,
                  GError                    **error)
{
  g_autoptr(CordIosCli) cli = NULL;
  guint order = 0;

  g_return_val_if_fail (modules != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cli = g_atomic_rc_box_new0 (CordIosCli);
  cli->tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) token_free);
  cli->paths = g_ptr_array_new_with_free_func ((GDestroyNotify) path_free);
  for (guint i = 0; i < CORD_IOS_N_NODES; i++)
    cli->by_node[i] = g_ptr_array_new ();
  cli->writers = g_array_new (FALSE, FALSE, sizeof (CordIosConfigWriter));

  for (guint m = 0; modules[m] != NULL; m++)
    {
      const CordIosModule *module = modules[m];

      for (const CordIosCommand *command = module->commands;
           command != NULL && command->syntax != NULL; command++)
        if (!compile_command (cli, command, order++, error))
          return NULL;
      /* Insert after every writer of the same order: module order stays. */
      for (const CordIosConfigWriter *writer = module->writers;
           writer != NULL && writer->write != NULL; writer++)
        {
          guint at = cli->writers->len;

          while (at > 0 && g_array_index (cli->writers, CordIosConfigWriter, at - 1).order > writer->order)
            at--;
          g_array_insert_val (cli->writers, at, *writer);
        }
    }
  return g_steal_pointer (&cli);
}

CordIosCli *
cord_ios_cli_ref (CordIosCli *cli)
{
  g_return_val_if_fail (cli != NULL, NULL);
  return g_atomic_rc_box_acquire (cli);
}

void
cord_ios_cli_unref (CordIosCli *cli)
{
  g_return_if_fail (cli != NULL);
  g_atomic_rc_box_release_full (cli, (GDestroyNotify) cli_clear);
}

CordIosCli *
cord_ios_cli_get_default (void)
{
  static CordIosCli *cli = NULL;

  if (g_once_init_enter (&cli))
    {
      g_autoptr(GError) error = NULL;
      CordIosCli *made = cord_ios_cli_new (_cord_ios_default_modules (), &error);

      /* The tables are part of the program: a mistake there is a bug. */
      if (made == NULL)
        g_error ("%s", error->message);
      g_once_init_leave (&cli, made);
    }
  return cli;
}

char *
cord_ios_cli_write_config (CordIosCli    *cli,
                           CordIosDevice *ios)
{
  GString *out;

  g_return_val_if_fail (cli != NULL, NULL);
  g_return_val_if_fail (ios != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < cli->writers->len; i++)
    g_array_index (cli->writers, CordIosConfigWriter, i).write (ios, out);
  g_string_append (out, "end\n");
  return g_string_free (out, FALSE);
}
