/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What `?` lists and what Tab completes, read from the same walk the matcher makes. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ios-private.h"

/* IOS wraps the list of a partial word's keywords before this column. */
#define HELP_WIDTH 79u

static const char *
translate (const char *help)
{
  return help != NULL && *help != '\0' ? _(help) : "";
}

static char *
token_display (const _CordIosToken *token)
{
  switch (token->type)
    {
    case _CORD_IOS_TOKEN_RANGE:
      return g_strdup_printf ("<%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ">", token->min, token->max);
    case _CORD_IOS_TOKEN_IPV4_PREFIX:
      return g_strdup ("A.B.C.D/nn");
    case _CORD_IOS_TOKEN_KEYWORD:
    case _CORD_IOS_TOKEN_IPV4:
    case _CORD_IOS_TOKEN_MAC:
    case _CORD_IOS_TOKEN_WORD:
    case _CORD_IOS_TOKEN_LINE:
    case _CORD_IOS_TOKEN_IFNAME:
    case _CORD_IOS_TOKEN_IFRANGE:
    default:
      return g_strdup (token->text);
    }
}

static gboolean
word_is_partial (const char *line)
{
  gsize len = strlen (line);

  return len > 0 && line[len - 1] != ' ' && line[len - 1] != '\t';
}

static gboolean
all_digits (const char *s,
            gsize       len,
            const char *also)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]) && strchr (also, s[i]) == NULL)
      return FALSE;
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The keywords and values a partial last word can become, in columns. */
static void
describe_partial (_CordIosWalk *walk,
                  GString      *out)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const _CordIosWord *word = &g_array_index (walk->words, _CordIosWord, walk->words->len - 1);
  const char *text = walk->line + word->start;
  const CordIosIfType *types = _cord_ios_if_types (walk->ios);
  g_autofree const char **sorted = NULL;
  guint n, column = 0;

  for (guint c = 0; c < walk->alive->len; c++)
    {
      const _CordIosCand *cand = &g_array_index (walk->alive, _CordIosCand, c);
      const _CordIosToken *token;

      if (_cord_ios_cand_hidden (cand) || cand->state == _CORD_IOS_IFNAME_NUMBER)
        continue;
      if (cand->state == _CORD_IOS_SWALLOWED)
        {
          g_hash_table_add (names, g_strdup ("LINE"));
          continue;
        }
      if (cand->tok >= cand->path->n_tokens)
        continue;
      token = cand->path->tokens[cand->tok];
      /* Inside a range only a type is offered, as for IFNAME. */
      if (token->type == _CORD_IOS_TOKEN_IFRANGE && cand->state != _CORD_IOS_AT_TOKEN &&
          cand->state != _CORD_IOS_RANGE_TYPE)
        continue;
      switch (token->type)
        {
        case _CORD_IOS_TOKEN_KEYWORD:
          if (word->len <= strlen (token->text) &&
              g_ascii_strncasecmp (token->text, text, word->len) == 0)
            g_hash_table_add (names, g_strdup (token->text));
          break;
        case _CORD_IOS_TOKEN_IFNAME:
        case _CORD_IOS_TOKEN_IFRANGE:
          for (guint t = 0; types[t].name != NULL; t++)
            if (word->len <= strlen (types[t].name) &&
                g_ascii_strncasecmp (types[t].name, text, word->len) == 0)
              g_hash_table_add (names, g_strdup (types[t].name));
          break;
        case _CORD_IOS_TOKEN_RANGE:
          if (all_digits (text, word->len, ""))
            g_hash_table_add (names, token_display (token));
          break;
        case _CORD_IOS_TOKEN_IPV4:
        case _CORD_IOS_TOKEN_IPV4_PREFIX:
          if (all_digits (text, word->len, token->type == _CORD_IOS_TOKEN_IPV4 ? "." : "./"))
            g_hash_table_add (names, token_display (token));
          break;
        case _CORD_IOS_TOKEN_MAC:
          if (all_digits (text, word->len, "abcdefABCDEF."))
            g_hash_table_add (names, token_display (token));
          break;
        case _CORD_IOS_TOKEN_WORD:
        case _CORD_IOS_TOKEN_LINE:
        default:
          g_hash_table_add (names, token_display (token));
          break;
        }
    }

  sorted = (const char **) g_hash_table_get_keys_as_array (names, &n);
  if (n == 0)
    {
      g_string_append (out, _("% Unrecognized command\n"));
      return;
    }
  qsort (sorted, n, sizeof *sorted, compare_names);
  for (guint i = 0; i < n; i++)
    {
      gsize width = strlen (sorted[i]) + 2;

      if (column > 0 && column + width > HELP_WIDTH)
        {
          g_string_append_c (out, '\n');
          column = 0;
        }
      g_string_append_printf (out, "%s  ", sorted[i]);
      column += width;
    }
  g_string_append (out, "\n\n");
}

static void
add_entry (GHashTable *entries,
           char       *name,
           char       *help)
{
  if (g_hash_table_contains (entries, name))
    {
      g_free (name);
      g_free (help);
      return;
    }
  g_hash_table_insert (entries, name, help);
}

/* The numbers of the ports whose names are @prefix followed by digits
 * ("FastEthernet0/" gives 1 and 24 on a 2960); FALSE when there are none. */
static gboolean
port_number_bounds (CordIosDevice *ios,
                    const char    *prefix,
                    guint64       *low,
                    guint64       *high)
{
  gsize plen = strlen (prefix);
  gboolean found = FALSE;

  if (ios == NULL || ios->device == NULL)
    return FALSE;
  for (guint i = 0; i < ios->device->ports->len; i++)
    {
      const CordPort *port = g_ptr_array_index (ios->device->ports, i);
      guint64 n;

      if (g_ascii_strncasecmp (port->name, prefix, plen) != 0 ||
          !g_ascii_string_to_unsigned (port->name + plen, 10, 0, G_MAXUINT32, &n, NULL))
        continue;
      *low = found ? MIN (*low, n) : n;
      *high = found ? MAX (*high, n) : n;
      found = TRUE;
    }
  return found;
}

/* What may follow inside an interface range: a number, "-" or ",". */
static void
describe_range (_CordIosWalk       *walk,
                const _CordIosCand *cand,
                GHashTable         *entries,
                gboolean           *cr)
{
  g_autoptr(GString) canon = g_string_new (NULL);
  guint state = _CORD_IOS_AT_TOKEN;
  const char *item, *slash;
  gsize accepted, alpha;
  guint64 low, high;

  /* Read the range so far again: it starts one word per keyword in. */
  for (guint w = walk->first + cand->tok; w < walk->words->len; w++)
    {
      const _CordIosWord *word = &g_array_index (walk->words, _CordIosWord, w);

      _cord_ios_range_word (walk->ios, &state, walk->line + word->start, word->len, canon, &accepted);
    }
  item = strrchr (canon->str, ',');
  item = item != NULL ? item + 1 : canon->str;
  for (alpha = 0; g_ascii_isalpha (item[alpha]) || item[alpha] == '-'; alpha++)
    ;

  switch (cand->state)
    {
    case _CORD_IOS_RANGE_TYPE:
      for (const CordIosIfType *types = _cord_ios_if_types (walk->ios); types->name != NULL; types++)
        add_entry (entries, g_strdup (types->name), g_strdup (translate (types->help)));
      break;
    case _CORD_IOS_RANGE_NUMBER:
      add_entry (entries, g_strdup ("<0-9>"),
                 g_strdup_printf (_("%.*s interface number"), (int) alpha, item));
      break;
    case _CORD_IOS_RANGE_LAST:
      /* "fa0/1 - ?": the ports of that module, as IOS lists them. */
      slash = strrchr (item, '/');
      if (slash != NULL)
        {
          g_autofree char *prefix = g_strndup (item, slash + 1 - item);

          if (port_number_bounds (walk->ios, prefix, &low, &high))
            {
              add_entry (entries,
                         g_strdup_printf ("<%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT ">", low, high),
                         g_strdup_printf (_("%.*s interface number"), (int) alpha, item));
              break;
            }
        }
      /* SVIs are numbered by VLAN. */
      add_entry (entries, g_strdup (alpha == 4 && g_ascii_strncasecmp (item, "Vlan", 4) == 0 ? "<1-4094>" : "<0-9>"),
                 g_strdup_printf (_("%.*s interface number"), (int) alpha, item));
      break;
    case _CORD_IOS_RANGE_AFTER:
      add_entry (entries, g_strdup ("-"), g_strdup (_("hyphen")));
      G_GNUC_FALLTHROUGH;
    case _CORD_IOS_RANGE_DONE:
      add_entry (entries, g_strdup (","), g_strdup (_("comma")));
      *cr = TRUE;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The tokens that may follow, with their help, in IOS's two columns. */
static void
describe_next (_CordIosWalk *walk,
               GString      *out)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const CordIosIfType *types = _cord_ios_if_types (walk->ios);
  g_autofree const char **sorted = NULL;
  gboolean cr = FALSE;
  gsize width = 0;
  guint n;

  if (walk->words->len == 0)
    g_string_append_printf (out, "%s\n", _(cord_ios_node_get (walk->node)->help_title));

  for (guint c = 0; c < walk->alive->len; c++)
    {
      const _CordIosCand *cand = &g_array_index (walk->alive, _CordIosCand, c);
      const _CordIosToken *token;

      if (_cord_ios_cand_hidden (cand))
        continue;
      if (cand->state == _CORD_IOS_SWALLOWED)
        {
          token = cand->path->tokens[cand->path->n_tokens - 1];
          add_entry (entries, token_display (token), g_strdup (translate (token->help)));
          cr = TRUE;
          continue;
        }
      if (cand->tok >= cand->path->n_tokens)
        {
          cr = TRUE;
          continue;
        }
      token = cand->path->tokens[cand->tok];
      if (token->type == _CORD_IOS_TOKEN_IFRANGE && cand->state != _CORD_IOS_AT_TOKEN)
        {
          describe_range (walk, cand, entries, &cr);
          continue;
        }
      if (cand->state == _CORD_IOS_IFNAME_NUMBER)
        {
          const _CordIosWord *word = &g_array_index (walk->words, _CordIosWord, walk->words->len - 1);
          const char *type;
          guint n_types;

          _cord_ios_ifname_type (walk->ios, walk->line + word->start, word->len, &type, &n_types);
          add_entry (entries, g_strdup ("<0-9>"),
                     g_strdup_printf (_("%s interface number"), type != NULL ? type : ""));
        }
      else if (token->type == _CORD_IOS_TOKEN_IFNAME || token->type == _CORD_IOS_TOKEN_IFRANGE)
        for (guint t = 0; types[t].name != NULL; t++)
          add_entry (entries, g_strdup (types[t].name), g_strdup (translate (types[t].help)));
      else
        add_entry (entries, token_display (token), g_strdup (translate (token->help)));
    }

  sorted = (const char **) g_hash_table_get_keys_as_array (entries, &n);
  qsort (sorted, n, sizeof *sorted, compare_names);
  for (guint i = 0; i < n; i++)
    width = MAX (width, strlen (sorted[i]));
  for (guint i = 0; i < n; i++)
    {
      const char *help = g_hash_table_lookup (entries, sorted[i]);

      if (*help == '\0')
        g_string_append_printf (out, "  %s\n", sorted[i]);
      else
        g_string_append_printf (out, "  %-*s  %s\n", (int) width, sorted[i], help);
    }
  if (cr)
    g_string_append (out, "  <cr>\n");
  g_string_append_c (out, '\n');
}

char *
cord_ios_cli_describe (CordIosCli    *cli,
                       CordIosDevice *ios,
                       CordIosNodeId  node,
                       const char    *line)
{
  GString *out;
  _CordIosWalk walk;
  gboolean partial;
  guint upto;

  g_return_val_if_fail (cli != NULL, NULL);
  g_return_val_if_fail ((guint) node < CORD_IOS_N_NODES, NULL);
  g_return_val_if_fail (line != NULL, NULL);

  out = g_string_new (NULL);
  partial = word_is_partial (line);
  _cord_ios_walk_init (&walk, cli, ios, node, line);
  upto = walk.words->len - (partial ? 1 : 0);
  if (!_cord_ios_walk_run (&walk, upto))
    {
      if (walk.status == CORD_IOS_MATCH_AMBIGUOUS)
        g_string_append_printf (out, _("%% Ambiguous command:  \"%s\"\n"), line);
      else
        g_string_append (out, _("% Unrecognized command\n"));
    }
  else if (partial)
    describe_partial (&walk, out);
  else
    describe_next (&walk, out);
  _cord_ios_walk_clear (&walk);
  return g_string_free (out, FALSE);
}

char *
cord_ios_cli_complete (CordIosCli    *cli,
                       CordIosDevice *ios,
                       CordIosNodeId  node,
                       const char    *line)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  _CordIosWalk walk;
  const _CordIosWord *word;
  const CordIosIfType *types;
  const char *text, *found = NULL, *exact = NULL;
  gboolean found_type = FALSE;
  char *suffix = NULL;

  g_return_val_if_fail (cli != NULL, NULL);
  g_return_val_if_fail ((guint) node < CORD_IOS_N_NODES, NULL);
  g_return_val_if_fail (line != NULL, NULL);

  if (!word_is_partial (line))
    return NULL;
  _cord_ios_walk_init (&walk, cli, ios, node, line);
  if (!_cord_ios_walk_run (&walk, walk.words->len - 1))
    {
      _cord_ios_walk_clear (&walk);
      return NULL;
    }

  /* Keywords and interface types the word is a prefix of, each once. */
  word = &g_array_index (walk.words, _CordIosWord, walk.words->len - 1);
  text = line + word->start;
  types = _cord_ios_if_types (ios);
  for (guint c = 0; c < walk.alive->len; c++)
    {
      const _CordIosCand *cand = &g_array_index (walk.alive, _CordIosCand, c);
      const _CordIosToken *token;

      if (_cord_ios_cand_hidden (cand) ||
          (cand->state != _CORD_IOS_AT_TOKEN && cand->state != _CORD_IOS_RANGE_TYPE) ||
          cand->tok >= cand->path->n_tokens)
        continue;
      token = cand->path->tokens[cand->tok];
      if (token->type == _CORD_IOS_TOKEN_KEYWORD)
        {
          if (word->len > strlen (token->text) ||
              g_ascii_strncasecmp (token->text, text, word->len) != 0 ||
              !g_hash_table_add (seen, token->text))
            continue;
          if (token->text[word->len] == '\0')
            exact = token->text;
          found = token->text;
          found_type = FALSE;
        }
      else if (token->type == _CORD_IOS_TOKEN_IFNAME || token->type == _CORD_IOS_TOKEN_IFRANGE)
        for (guint t = 0; types[t].name != NULL; t++)
          if (word->len <= strlen (types[t].name) &&
              g_ascii_strncasecmp (types[t].name, text, word->len) == 0 &&
              g_hash_table_add (seen, (gpointer) types[t].name))
            {
              found = types[t].name;
              found_type = TRUE;
            }
    }

  if (exact != NULL)
    suffix = g_strdup (" ");
  else if (g_hash_table_size (seen) == 1)
    suffix = g_strconcat (found + word->len, found_type ? "" : " ", NULL);
  _cord_ios_walk_clear (&walk);
  if (suffix != NULL && *suffix == '\0')
    g_clear_pointer (&suffix, g_free);
  return suffix;
}
