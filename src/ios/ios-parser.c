/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Matches typed lines against the compiled command tables word by word, as IOS does. */
#include "config.h"

#include <string.h>

#include "ios-private.h"

/* How well a word fits a token. At each word only the candidates with the
 * best fit survive: a keyword typed in full beats a number or an address,
 * which beat a keyword prefix, which beats WORD and LINE. */
enum {
  LEVEL_NONE,
  LEVEL_ANY,
  LEVEL_PARTIAL,
  LEVEL_VALUE,
  LEVEL_EXACT,
};

/* --- Matching words ---------------------------------------------------- */

static gboolean
ipv4_valid (const char *s,
            gsize       len)
{
  guint octets = 0;
  gsize i = 0;

  while (octets < 4)
    {
      guint value = 0, digits = 0;

      while (i < len && g_ascii_isdigit (s[i]) && digits < 4)
        value = value * 10 + (s[i++] - '0'), digits++;
      if (digits == 0 || digits > 3 || value > 255)
        return FALSE;
      if (++octets < 4)
        {
          if (i >= len || s[i] != '.')
            return FALSE;
          i++;
        }
    }
  return i == len;
}

static gboolean
prefix_valid (const char *s,
              gsize       len)
{
  const char *slash = memchr (s, '/', len);
  gsize bits_len;
  guint bits = 0;

  if (slash == NULL || !ipv4_valid (s, slash - s))
    return FALSE;
  bits_len = len - (slash - s) - 1;
  if (bits_len == 0 || bits_len > 2)
    return FALSE;
  for (gsize i = 1; i <= bits_len; i++)
    {
      if (!g_ascii_isdigit (slash[i]))
        return FALSE;
      bits = bits * 10 + (slash[i] - '0');
    }
  return bits <= 32;
}

/* IOS reads H.H.H as three 16-bit groups; leading zeros may be left out. */
static gboolean
mac_valid (const char *s,
           gsize       len)
{
  gsize i = 0;

  for (guint group = 0; group < 3; group++)
    {
      guint digits = 0;

      if (group > 0)
        {
          if (i >= len || s[i] != '.')
            return FALSE;
          i++;
        }
      while (i < len && g_ascii_isxdigit (s[i]) && digits < 5)
        i++, digits++;
      if (digits == 0 || digits > 4)
        return FALSE;
    }
  return i == len;
}

static gboolean
range_valid (const _CordIosToken *token,
             const char          *s,
             gsize                len)
{
  gint64 value = 0;

  if (len == 0 || len > 18)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      value = value * 10 + (s[i] - '0');
    }
  return value >= token->min && value <= token->max;
}

/* Interface numbers: "0", "0/1", "0/0/1", with an optional ".10". *good
 * is how far the text is well formed, for the caret. */
static gboolean
ifname_number_valid (const char *s,
                     gsize       len,
                     gsize      *good)
{
  gboolean dot = FALSE;
  gsize i = 0;

  *good = 0;
  for (;;)
    {
      gsize digits = i;

      while (i < len && g_ascii_isdigit (s[i]))
        i++;
      if (i == digits)
        return FALSE;
      *good = i;
      if (i == len)
        return TRUE;
      if (dot || (s[i] != '/' && s[i] != '.'))
        return FALSE;
      dot = s[i] == '.';
      *good = ++i;
    }
}

gsize
_cord_ios_ifname_type (CordIosDevice  *ios,
                       const char     *word,
                       gsize           len,
                       const char    **type,
                       guint          *n_matches)
{
  const CordIosIfType *types = _cord_ios_if_types (ios);
  gsize alpha = 0, best_common = 0;

  while (alpha < len && (g_ascii_isalpha (word[alpha]) || word[alpha] == '-'))
    alpha++;
  *type = NULL;
  *n_matches = 0;
  if (alpha == 0)
    return 0;
  for (guint i = 0; types[i].name != NULL; i++)
    {
      const char *name = types[i].name;
      gsize common = 0;

      while (common < alpha && name[common] != '\0' &&
             g_ascii_tolower (name[common]) == g_ascii_tolower (word[common]))
        common++;
      best_common = MAX (best_common, common);
      if (common < alpha)
        continue;
      if (name[alpha] == '\0')
        {
          /* Typed in full: wins over longer names it is a prefix of. */
          *type = name;
          *n_matches = 1;
          return alpha;
        }
      if (*n_matches == 0)
        *type = name;
      (*n_matches)++;
    }
  if (*n_matches != 1)
    *type = NULL;
  return *n_matches > 0 ? alpha : best_common;
}

/* Interface ranges, one word at a time: "fa0/1-5,", "fastethernet",
 * "0/1", "-", "24", ",gi0/1". A type and its number may share a word or
 * not; so may the number, the "-", the last number and the ",". */
gboolean
_cord_ios_range_word (CordIosDevice *ios,
                      guint         *state,
                      const char    *word,
                      gsize          len,
                      GString       *canon,
                      gsize         *accepted)
{
  guint st = *state == _CORD_IOS_AT_TOKEN ? _CORD_IOS_RANGE_TYPE : *state;
  gsize i = 0;

  g_assert (st >= _CORD_IOS_RANGE_TYPE && st <= _CORD_IOS_RANGE_DONE);
  while (i < len)
    {
      const char *type;
      guint n_types;
      gsize end;

      switch (st)
        {
        case _CORD_IOS_RANGE_TYPE:
          end = _cord_ios_ifname_type (ios, word + i, len - i, &type, &n_types);
          if (n_types != 1)
            {
              *accepted = i + (n_types == 0 ? end : 0);
              return FALSE;
            }
          if (canon != NULL)
            g_string_append (canon, type);
          i += end;
          st = _CORD_IOS_RANGE_NUMBER;
          break;
        case _CORD_IOS_RANGE_NUMBER:
        case _CORD_IOS_RANGE_LAST:
          /* "0/1" after a type; only digits after "-". */
          for (end = i; end < len && (g_ascii_isdigit (word[end]) ||
                                      (st == _CORD_IOS_RANGE_NUMBER && word[end] == '/' &&
                                       end > i && word[end - 1] != '/')); end++)
            ;
          if (end == i || word[end - 1] == '/')
            {
              *accepted = end;
              return FALSE;
            }
          if (canon != NULL)
            g_string_append_len (canon, word + i, end - i);
          i = end;
          st = st == _CORD_IOS_RANGE_NUMBER ? _CORD_IOS_RANGE_AFTER : _CORD_IOS_RANGE_DONE;
          break;
        case _CORD_IOS_RANGE_AFTER:
        case _CORD_IOS_RANGE_DONE:
          if ((word[i] != '-' || st == _CORD_IOS_RANGE_DONE) && word[i] != ',')
            {
              *accepted = i;
              return FALSE;
            }
          if (canon != NULL)
            g_string_append_c (canon, word[i]);
          st = word[i] == '-' ? _CORD_IOS_RANGE_LAST : _CORD_IOS_RANGE_TYPE;
          i++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  *state = st;
  *accepted = len;
  return TRUE;
}

static gsize
common_prefix (const char *keyword,
               const char *word,
               gsize       len)
{
  gsize n = 0;

  while (n < len && keyword[n] != '\0' &&
         g_ascii_tolower (keyword[n]) == g_ascii_tolower (word[n]))
    n++;
  return n;
}

static guint
match_token (_CordIosWalk       *walk,
             const _CordIosCand *cand,
             const char         *word,
             gsize               len,
             guint              *state)
{
  const _CordIosToken *token;
  const char *type;
  guint n_types;
  gsize good, alpha;

  *state = _CORD_IOS_AT_TOKEN;
  if (cand->state == _CORD_IOS_SWALLOWED)
    {
      *state = _CORD_IOS_SWALLOWED;
      return LEVEL_ANY;
    }
  if (cand->tok >= cand->path->n_tokens)
    return LEVEL_NONE;
  if (cand->state == _CORD_IOS_IFNAME_NUMBER)
    return ifname_number_valid (word, len, &good) ? LEVEL_VALUE : LEVEL_NONE;

  token = cand->path->tokens[cand->tok];
  switch (token->type)
    {
    case _CORD_IOS_TOKEN_IFRANGE:
      /* The token stays current, its place in the list in *state. */
      *state = cand->state;
      return _cord_ios_range_word (walk->ios, state, word, len, NULL, &good) ? LEVEL_VALUE : LEVEL_NONE;
    case _CORD_IOS_TOKEN_KEYWORD:
      if (common_prefix (token->text, word, len) < len)
        return LEVEL_NONE;
      return token->text[len] == '\0' ? LEVEL_EXACT : LEVEL_PARTIAL;
    case _CORD_IOS_TOKEN_RANGE:
      return range_valid (token, word, len) ? LEVEL_VALUE : LEVEL_NONE;
    case _CORD_IOS_TOKEN_IPV4:
      return ipv4_valid (word, len) ? LEVEL_VALUE : LEVEL_NONE;
    case _CORD_IOS_TOKEN_IPV4_PREFIX:
      return prefix_valid (word, len) ? LEVEL_VALUE : LEVEL_NONE;
    case _CORD_IOS_TOKEN_MAC:
      return mac_valid (word, len) ? LEVEL_VALUE : LEVEL_NONE;
    case _CORD_IOS_TOKEN_WORD:
      return LEVEL_ANY;
    case _CORD_IOS_TOKEN_LINE:
      *state = _CORD_IOS_SWALLOWED;
      return LEVEL_ANY;
    case _CORD_IOS_TOKEN_IFNAME:
      alpha = _cord_ios_ifname_type (walk->ios, word, len, &type, &n_types);
      if (n_types == 0)
        return LEVEL_NONE;
      if (n_types > 1)
        return LEVEL_PARTIAL;
      if (alpha == len)
        {
          *state = _CORD_IOS_IFNAME_NUMBER;
          return LEVEL_VALUE;
        }
      return ifname_number_valid (word + alpha, len - alpha, &good) ? LEVEL_VALUE : LEVEL_NONE;
    default:
      g_assert_not_reached ();
    }
  return LEVEL_NONE;
}

/* How many characters of @word the candidate's token still accepts: the
 * caret goes under the first one no candidate accepts. */
static gsize
accepted_chars (_CordIosWalk       *walk,
                const _CordIosCand *cand,
                const char         *word,
                gsize               len)
{
  const _CordIosToken *token;
  const char *type;
  guint n_types;
  gsize good, alpha;

  if (cand->tok >= cand->path->n_tokens || cand->state == _CORD_IOS_SWALLOWED)
    return 0;
  if (cand->state == _CORD_IOS_IFNAME_NUMBER)
    {
      ifname_number_valid (word, len, &good);
      return good;
    }
  token = cand->path->tokens[cand->tok];
  if (token->type == _CORD_IOS_TOKEN_KEYWORD)
    return common_prefix (token->text, word, len);
  if (token->type == _CORD_IOS_TOKEN_IFRANGE)
    {
      guint state = cand->state;

      _cord_ios_range_word (walk->ios, &state, word, len, NULL, &good);
      return good;
    }
  if (token->type != _CORD_IOS_TOKEN_IFNAME)
    return 0;
  alpha = _cord_ios_ifname_type (walk->ios, word, len, &type, &n_types);
  if (n_types != 1 || alpha == len)
    return alpha;
  ifname_number_valid (word + alpha, len - alpha, &good);
  return alpha + good;
}

static void
walk_start_node (_CordIosWalk  *walk,
                 CordIosNodeId  node,
                 guint          first)
{
  GPtrArray *paths = walk->cli->by_node[node];
  guint features = walk->ios != NULL ? walk->ios->features : 0;

  walk->node = node;
  walk->first = first;
  g_array_set_size (walk->alive, 0);
  for (guint i = 0; i < paths->len; i++)
    {
      _CordIosCand cand = { paths->pdata[i], 0, _CORD_IOS_AT_TOKEN };
      guint needs = (cand.path->command->flags >> 8) & 0xff;

      if ((needs & features) == needs)
        g_array_append_val (walk->alive, cand);
    }
}

void
_cord_ios_walk_init (_CordIosWalk  *walk,
                     CordIosCli    *cli,
                     CordIosDevice *ios,
                     CordIosNodeId  node,
                     const char    *line)
{
  gsize i = 0;

  g_assert (walk != NULL && cli != NULL && line != NULL);
  memset (walk, 0, sizeof *walk);
  walk->cli = cli;
  walk->ios = ios;
  walk->line = line;
  walk->words = g_array_new (FALSE, FALSE, sizeof (_CordIosWord));
  walk->alive = g_array_new (FALSE, FALSE, sizeof (_CordIosCand));
  while (line[i] != '\0')
    {
      _CordIosWord word;

      while (line[i] == ' ' || line[i] == '\t')
        i++;
      if (line[i] == '\0')
        break;
      word.start = i;
      while (line[i] != '\0' && line[i] != ' ' && line[i] != '\t')
        i++;
      word.len = i - word.start;
      walk->line_end = i;
      g_array_append_val (walk->words, word);
    }
  walk_start_node (walk, node, 0);
}

void
_cord_ios_walk_clear (_CordIosWalk *walk)
{
  g_clear_pointer (&walk->words, g_array_unref);
  g_clear_pointer (&walk->alive, g_array_unref);
}

gboolean
_cord_ios_cand_hidden (const _CordIosCand *cand)
{
  return (cand->path->command->flags & CORD_IOS_CMD_HIDDEN) != 0;
}

/* Counts the different keywords (and interface types) the candidates at
 * the partial level could become: more than one is ambiguous. */
static guint
count_partial_names (_CordIosWalk *walk,
                     const guint  *levels,
                     const char   *word,
                     gsize         len)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  const CordIosIfType *types = _cord_ios_if_types (walk->ios);

  for (guint c = 0; c < walk->alive->len; c++)
    {
      const _CordIosCand *cand = &g_array_index (walk->alive, _CordIosCand, c);
      const _CordIosToken *token;

      if (levels[c] != LEVEL_PARTIAL)
        continue;
      token = cand->path->tokens[cand->tok];
      if (token->type == _CORD_IOS_TOKEN_KEYWORD)
        g_hash_table_add (names, token->text);
      else
        {
          gsize alpha = 0;

          /* An interface type, with the number that may follow it. */
          while (alpha < len && (g_ascii_isalpha (word[alpha]) || word[alpha] == '-'))
            alpha++;
          for (guint t = 0; types[t].name != NULL; t++)
            if (common_prefix (types[t].name, word, alpha) == alpha)
              g_hash_table_add (names, (gpointer) types[t].name);
        }
    }
  return g_hash_table_size (names);
}

static gboolean
all_do (_CordIosWalk *walk)
{
  for (guint c = 0; c < walk->alive->len; c++)
    if ((g_array_index (walk->alive, _CordIosCand, c).path->command->flags & CORD_IOS_CMD_DO) == 0)
      return FALSE;
  return walk->alive->len > 0;
}

gboolean
_cord_ios_walk_run (_CordIosWalk *walk,
                    guint         upto)
{
  for (guint i = walk->first; i < upto; i++)
    {
      const _CordIosWord *word = &g_array_index (walk->words, _CordIosWord, i);
      const char *text = walk->line + word->start;
      g_autofree guint *levels = g_new0 (guint, walk->alive->len + 1);
      g_autofree guint *states = g_new0 (guint, walk->alive->len + 1);
      guint best = LEVEL_NONE, kept = 0;
      gboolean command_word = i == walk->first;

      for (guint c = 0; c < walk->alive->len; c++)
        {
          levels[c] = match_token (walk, &g_array_index (walk->alive, _CordIosCand, c),
                                   text, word->len, &states[c]);
          best = MAX (best, levels[c]);
        }

      if (best == LEVEL_NONE)
        {
          gsize accepted = 0;

          for (guint c = 0; c < walk->alive->len; c++)
            accepted = MAX (accepted, accepted_chars (walk, &g_array_index (walk->alive, _CordIosCand, c),
                                                      text, word->len));
          walk->status = CORD_IOS_MATCH_INVALID;
          walk->error_word = i;
          walk->error_offset = word->start + accepted;
          return FALSE;
        }
      if (best == LEVEL_PARTIAL && count_partial_names (walk, levels, text, word->len) > 1)
        {
          walk->status = CORD_IOS_MATCH_AMBIGUOUS;
          walk->error_word = i;
          walk->error_offset = word->start;
          return FALSE;
        }

      for (guint c = 0; c < walk->alive->len; c++)
        {
          _CordIosCand cand = g_array_index (walk->alive, _CordIosCand, c);

          if (levels[c] != best)
            continue;
          if (states[c] == _CORD_IOS_SWALLOWED)
            cand.tok = cand.path->n_tokens;
          else if (states[c] == _CORD_IOS_AT_TOKEN)
            cand.tok++;
          cand.state = states[c];
          g_array_index (walk->alive, _CordIosCand, kept++) = cand;
        }
      g_array_set_size (walk->alive, kept);

      /* `do WORDS`: the words are an EXEC command, read as one. */
      if (command_word && all_do (walk))
        walk_start_node (walk, CORD_IOS_NODE_ENABLE, i + 1);
    }
  return TRUE;
}

/* --- Whole lines ------------------------------------------------------- */

static void
arg_clear (CordIosArg *arg)
{
  g_free (arg->value);
}

static void
fill_args (_CordIosWalk       *walk,
           const _CordIosPath *path,
           GArray             *args)
{
  guint w = walk->first;

  for (guint k = 0; k < path->n_tokens && w < walk->words->len; k++)
    {
      const _CordIosToken *token = path->tokens[k];
      const _CordIosWord *word = &g_array_index (walk->words, _CordIosWord, w);
      const char *text = walk->line + word->start;
      CordIosArg arg = { token->label != NULL ? token->label : token->text, NULL, word->start };
      const char *type;
      guint n_types;
      gsize alpha;

      switch (token->type)
        {
        case _CORD_IOS_TOKEN_KEYWORD:
          arg.value = g_strdup (token->text);
          w++;
          break;
        case _CORD_IOS_TOKEN_LINE:
          arg.value = g_strndup (text, walk->line_end - word->start);
          w = walk->words->len;
          break;
        case _CORD_IOS_TOKEN_IFNAME:
          alpha = _cord_ios_ifname_type (walk->ios, text, word->len, &type, &n_types);
          g_assert (type != NULL);
          if (alpha == word->len && w + 1 < walk->words->len)
            {
              const _CordIosWord *number = &g_array_index (walk->words, _CordIosWord, w + 1);

              arg.value = g_strdup_printf ("%s%.*s", type, (int) number->len,
                                           walk->line + number->start);
              w += 2;
            }
          else
            {
              arg.value = g_strdup_printf ("%s%.*s", type, (int) (word->len - alpha), text + alpha);
              w++;
            }
          break;
        case _CORD_IOS_TOKEN_IFRANGE:
          {
            GString *canon = g_string_new (NULL);
            guint state = _CORD_IOS_AT_TOKEN;
            gsize accepted;

            for (; w < walk->words->len; w++)
              {
                const _CordIosWord *next = &g_array_index (walk->words, _CordIosWord, w);

                _cord_ios_range_word (walk->ios, &state, walk->line + next->start, next->len,
                                      canon, &accepted);
              }
            arg.value = g_string_free (canon, FALSE);
          }
          break;
        case _CORD_IOS_TOKEN_RANGE:
        case _CORD_IOS_TOKEN_IPV4:
        case _CORD_IOS_TOKEN_IPV4_PREFIX:
        case _CORD_IOS_TOKEN_MAC:
        case _CORD_IOS_TOKEN_WORD:
        default:
          arg.value = g_strndup (text, word->len);
          w++;
          break;
        }
      g_array_append_val (args, arg);
    }
}

gboolean
cord_ios_cli_match (CordIosCli    *cli,
                    CordIosDevice *ios,
                    CordIosNodeId  node,
                    const char    *line,
                    CordIosMatch  *match)
{
  _CordIosWalk walk;
  const _CordIosPath *winner = NULL;

  g_return_val_if_fail (cli != NULL, FALSE);
  g_return_val_if_fail ((guint) node < CORD_IOS_N_NODES, FALSE);
  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (match != NULL, FALSE);

  memset (match, 0, sizeof *match);
  match->args = g_array_new (FALSE, FALSE, sizeof (CordIosArg));
  g_array_set_clear_func (match->args, (GDestroyNotify) arg_clear);

  _cord_ios_walk_init (&walk, cli, ios, node, line);
  if (walk.words->len == 0)
    {
      match->status = CORD_IOS_MATCH_EMPTY;
      match->node = node;
      _cord_ios_walk_clear (&walk);
      return FALSE;
    }

  if (_cord_ios_walk_run (&walk, walk.words->len))
    {
      for (guint c = 0; c < walk.alive->len; c++)
        {
          const _CordIosCand *cand = &g_array_index (walk.alive, _CordIosCand, c);

          gboolean done = (cand->tok == cand->path->n_tokens && cand->state != _CORD_IOS_IFNAME_NUMBER) ||
                          cand->state == _CORD_IOS_RANGE_AFTER || cand->state == _CORD_IOS_RANGE_DONE;

          if (done && (winner == NULL || cand->path->order < winner->order))
            winner = cand->path;
        }
      walk.status = winner != NULL ? CORD_IOS_MATCH_OK : CORD_IOS_MATCH_INCOMPLETE;
      walk.error_word = walk.words->len;
      walk.error_offset = walk.line_end;
    }

  match->status = walk.status;
  match->node = walk.node;
  match->start = walk.first < walk.words->len
                 ? g_array_index (walk.words, _CordIosWord, walk.first).start
                 : walk.line_end;
  match->error_word = walk.error_word - walk.first;
  match->error_offset = walk.error_offset;
  if (winner != NULL)
    {
      match->command = winner->command;
      fill_args (&walk, winner, match->args);
    }
  _cord_ios_walk_clear (&walk);
  return match->status == CORD_IOS_MATCH_OK;
}

void
cord_ios_match_clear (CordIosMatch *match)
{
  g_return_if_fail (match != NULL);
  g_clear_pointer (&match->args, g_array_unref);
  match->command = NULL;
}
