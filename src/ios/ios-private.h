/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals the files of src/ios share: compiled syntax, the word-by-word matcher, and the session seen by exec. */
#pragma once

#include "ios-exec.h"
#include "ios-parser.h"
#include "ios-session.h"

G_BEGIN_DECLS

typedef enum {
  _CORD_IOS_TOKEN_KEYWORD,
  _CORD_IOS_TOKEN_RANGE,
  _CORD_IOS_TOKEN_IPV4,
  _CORD_IOS_TOKEN_IPV4_PREFIX,
  _CORD_IOS_TOKEN_MAC,
  _CORD_IOS_TOKEN_WORD,
  _CORD_IOS_TOKEN_LINE,
  _CORD_IOS_TOKEN_IFNAME,
  _CORD_IOS_TOKEN_IFRANGE,
} _CordIosTokenType;

typedef struct {
  _CordIosTokenType  type;
  char              *text;   /* as written in the syntax */
  char              *label;  /* from $label, or NULL */
  const char        *help;   /* untranslated */
  gint64             min, max;
} _CordIosToken;

/* One way through a command's syntax: optional parts and alternatives are
 * expanded when the table is compiled, so matching is a linear walk. */
typedef struct {
  const CordIosCommand  *command;
  guint                  order;     /* registration order: ties go to the first */
  guint                  n_tokens;
  _CordIosToken        **tokens;
} _CordIosPath;

struct _CordIosCli {
  GPtrArray *tokens;                    /* owns every _CordIosToken */
  GPtrArray *paths;                     /* owns every _CordIosPath */
  GPtrArray *by_node[CORD_IOS_N_NODES]; /* _CordIosPath, borrowed */
  GArray    *writers;                   /* CordIosConfigWriter, by order */
};

typedef struct {
  gsize start;
  gsize len;
} _CordIosWord;

/* Where a candidate path stands inside its current token. */
enum {
  _CORD_IOS_AT_TOKEN,       /* before tokens[tok] */
  _CORD_IOS_IFNAME_NUMBER,  /* tokens[tok] is IFNAME; its type word was seen */
  _CORD_IOS_SWALLOWED,      /* a LINE took the rest of the line */
  /* Inside an IFRANGE, which takes the rest of the line word by word: */
  _CORD_IOS_RANGE_TYPE,     /* after ",": an interface type comes next */
  _CORD_IOS_RANGE_NUMBER,   /* after a type word: its number */
  _CORD_IOS_RANGE_AFTER,    /* after "fa0/1": "-", "," or the end */
  _CORD_IOS_RANGE_LAST,     /* after "-": the last port number */
  _CORD_IOS_RANGE_DONE,     /* after "fa0/1 - 5": "," or the end */
};

typedef struct {
  const _CordIosPath *path;
  guint               tok;
  guint               state;
} _CordIosCand;

typedef struct {
  CordIosCli         *cli;
  CordIosDevice      *ios;
  const char         *line;
  gsize               line_end;  /* without trailing blanks */
  GArray             *words;     /* _CordIosWord */
  CordIosNodeId       node;
  guint               first;     /* the word the command starts at */
  GArray             *alive;     /* _CordIosCand */
  CordIosMatchStatus  status;
  guint               error_word;
  gsize               error_offset;
} _CordIosWalk;

void         _cord_ios_walk_init     (_CordIosWalk        *walk,
                                      CordIosCli          *cli,
                                      CordIosDevice       *ios,
                                      CordIosNodeId        node,
                                      const char          *line);
/* Matches words [walk->first, upto); FALSE with status set on an error. */
gboolean     _cord_ios_walk_run      (_CordIosWalk        *walk,
                                      guint                upto);
void         _cord_ios_walk_clear    (_CordIosWalk        *walk);
/* The interface types @ios knows (a default list when NULL). */
const CordIosIfType *_cord_ios_if_types (CordIosDevice    *ios);
/* Number of characters of @word that IFNAME's type part accepts, and the
 * unique type, if any; *n_matches counts the types that fit. */
gsize        _cord_ios_ifname_type   (CordIosDevice       *ios,
                                      const char          *word,
                                      gsize                len,
                                      const char         **type,
                                      guint               *n_matches);
gboolean     _cord_ios_cand_hidden   (const _CordIosCand  *cand);
/* Reads one word of an IFRANGE from *@state (AT_TOKEN or a RANGE_ state),
 * appending what it read to @canon when not NULL ("FastEthernet0/1-5,").
 * FALSE when the word does not fit; *@accepted counts the characters that
 * did, for the caret. */
gboolean     _cord_ios_range_word    (CordIosDevice       *ios,
                                      guint               *state,
                                      const char          *word,
                                      gsize                len,
                                      GString             *canon,
                                      gsize               *accepted);

/* ios-modules.c: the modules of cord_ios_cli_get_default(). */
const CordIosModule *const *_cord_ios_default_modules (void);

/* ios-exec.c: runs one line typed at @session, output to @out. */
void         _cord_ios_exec_line     (CordIosSession      *session,
                                      const char          *line,
                                      GString             *out);
void         _cord_ios_exec_answer   (CordIosSession      *session,
                                      const char          *answer,
                                      GString             *out);
/* The caret block and "% Invalid input…" for an error at @offset. */
void         _cord_ios_print_invalid (GString             *out,
                                      const char          *line,
                                      gsize                start,
                                      gsize                offset,
                                      gsize                prompt_len);

/* What ios-exec.c changes in a session. */
typedef struct {
  CordIosNodeId   node;
  gpointer        context;
  GDestroyNotify  destroy;
} _CordIosLevel;

typedef struct {
  char           *prompt;
  gboolean        echo;
  CordIosAskFunc  func;
  gpointer        user_data;
  GDestroyNotify  destroy;
} _CordIosAsk;

CordIosCli  *_cord_ios_session_cli        (CordIosSession  *session);
GArray      *_cord_ios_session_levels     (CordIosSession  *session);
void         _cord_ios_session_pop_to     (CordIosSession  *session,
                                           guint            depth);
void         _cord_ios_session_queue_log  (CordIosSession  *session,
                                           const char      *message);
/* The oldest log message a command queued, for the caller to free; NULL
 * when none waits. For sessions whose output nobody reads. */
char        *_cord_ios_session_pop_log    (CordIosSession  *session);
void         _cord_ios_session_set_ask    (CordIosSession  *session,
                                           _CordIosAsk     *ask);
_CordIosAsk *_cord_ios_session_take_ask   (CordIosSession  *session);
void         _cord_ios_session_set_logout (CordIosSession  *session);
/* Leaves configuration mode with %SYS-5-CONFIG_I, as `end` does. */
void         _cord_ios_session_end_config (CordIosSession  *session);
/* TRUE while no EXEC runs: the session waits for "Press RETURN". */
gboolean     _cord_ios_session_waits_for_return (CordIosSession *session);
/* exec-timeout: the EXEC ends as `exit` does (the line being typed, a
 * question or a page dropped, configuration mode and the enable level
 * left, the running-config kept) and the session waits for RETURN. */
void         _cord_ios_session_time_out   (CordIosSession  *session);

void         _cord_ios_ask_free           (_CordIosAsk     *ask);

G_END_DECLS
