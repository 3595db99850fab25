/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The IOS command line as data: modes, command tables, and the matcher that reads typed lines against them. */
#pragma once

#include <glib.h>

#include "ios-device.h"

G_BEGIN_DECLS

/* The modes of the command line, in the order IOS nests them. To add one,
 * add it here and describe it in ios-node.c. */
typedef enum {
  CORD_IOS_NODE_USER,        /* Router>                 */
  CORD_IOS_NODE_ENABLE,      /* Router#                 */
  CORD_IOS_NODE_CONFIG,      /* Router(config)#         */
  CORD_IOS_NODE_INTERFACE,   /* Router(config-if)#      */
  CORD_IOS_NODE_IF_RANGE,    /* Switch(config-if-range)# */
  CORD_IOS_NODE_SUBIF,       /* Router(config-subif)#   */
  CORD_IOS_NODE_VLAN,        /* Switch(config-vlan)#    */
  CORD_IOS_NODE_LINE,        /* Router(config-line)#    */
  CORD_IOS_NODE_ROUTER,      /* Router(config-router)#  */
  CORD_IOS_NODE_DHCP,        /* Router(dhcp-config)#    */
  CORD_IOS_N_NODES,
} CordIosNodeId;

typedef struct {
  const char    *name;       /* "config-if" */
  CordIosNodeId  parent;     /* where `exit` goes */
  const char    *prompt;     /* what follows the hostname: "(config-if)#" */
  const char    *help_title; /* heads the list a bare `?` prints */
  gboolean       config;     /* a configuration mode: `end`, Ctrl-Z, `do` */
} CordIosNode;

const CordIosNode *cord_ios_node_get       (CordIosNodeId  node);
gboolean           cord_ios_node_is_config (CordIosNodeId  node);

typedef struct _CordIosCli     CordIosCli;
typedef struct _CordIosExec    CordIosExec;
typedef struct _CordIosSession CordIosSession;

typedef void (*CordIosHandler)     (CordIosExec         *exec);
/* Appends this part of the running-config to @out, "\n" line ends. */
typedef void (*CordIosConfigWrite) (CordIosDevice       *ios,
                                    GString             *out);

typedef enum {
  CORD_IOS_CMD_HIDDEN    = 1 << 0,  /* accepted, but `?` and Tab do not offer it */
  CORD_IOS_CMD_DO        = 1 << 1,  /* its LINE is an EXEC command (`do`) */
  /* The command exists only on devices with these CordIosFeatures. */
  CORD_IOS_CMD_AUX       = CORD_IOS_FEATURE_AUX << 8,
  CORD_IOS_CMD_ROUTING   = CORD_IOS_FEATURE_ROUTING << 8,
  CORD_IOS_CMD_SWITCHING = CORD_IOS_FEATURE_SWITCHING << 8,
} CordIosCommandFlags;

/* One command, as FRRouting's DEFUN. @syntax is made of:
 *   keyword       typed as is, or cut to a prefix no other candidate shares
 *   A.B.C.D       an IPv4 address;  A.B.C.D/M  an IPv4 prefix
 *   H.H.H         a MAC address: three groups of 1 to 4 hex digits
 *   (1-4094)      a number in that range
 *   WORD          one word;  LINE  the rest of the line (last token only)
 *   IFNAME        an interface: "fa0/1", "FastEthernet 0/1", "Gi0/0.10"
 *   IFRANGE       interface ranges to the end of the line, after keywords
 *                 only: "fa0/1 - 24", "fa0/1-4 , gi0/1"; the handler gets
 *                 them as "FastEthernet0/1-4,GigabitEthernet0/1"
 *   <a|b c>       one of the alternatives;  [a|b c]  optional alternatives
 *   TOKEN$label   names a token (or a <> or [] group) for the handler
 * @helps holds one help string per token, in the order they are written,
 * each alternative of a group counting as its own token. */
typedef struct {
  CordIosNodeId        node;
  const char          *syntax;
  const char *const   *helps;
  CordIosHandler       handler;
  guint                flags;   /* CordIosCommandFlags */
} CordIosCommand;

#define CORD_IOS_HELPS(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* Where each part of the running-config goes. A writer belongs to the node
 * whose commands it writes: INTERFACE writes every interface block, LINE
 * every line block. Writers of the same order run in module order. */
enum {
  CORD_IOS_ORDER_VERSION       = 100,  /* version, service … */
  CORD_IOS_ORDER_SERVICE       = 150,  /* more service lines: no service dhcp */
  CORD_IOS_ORDER_HOSTNAME      = 200,  /* after the "!" that ends the service lines */
  CORD_IOS_ORDER_ENABLE        = 300,  /* enable secret, enable password */
  /* IOS 12.4 writes the DHCP server's lines after `ip cef` and before
   * `no ip domain lookup`; Packet Tracer likewise before its
   * `no ip domain-lookup` (unverified for every image). */
  CORD_IOS_ORDER_DHCP          = 350,  /* ip dhcp excluded-address, (dhcp-config) */
  CORD_IOS_ORDER_IP            = 400,  /* no ip domain-lookup, ip cef … */
  CORD_IOS_ORDER_SPANNING_TREE = 500,
  CORD_IOS_ORDER_INTERFACE     = 600,  /* (config-if), (config-subif) */
  CORD_IOS_ORDER_ROUTER        = 700,  /* (config-router) */
  CORD_IOS_ORDER_IP_ROUTE      = 800,  /* ip classless, ip route … */
  CORD_IOS_ORDER_BANNER        = 900,
  CORD_IOS_ORDER_LINE          = 1000, /* (config-line) */
  CORD_IOS_ORDER_TAIL          = 1100, /* the "!" lines before "end" */
};

typedef struct {
  CordIosNodeId       node;
  guint               order;
  CordIosConfigWrite  write;
} CordIosConfigWriter;

/* A command table and the config writers that go with it. Both arrays end
 * with a zeroed entry (syntax NULL, write NULL); @writers may be NULL. */
typedef struct {
  const char                *name;
  const CordIosCommand      *commands;
  const CordIosConfigWriter *writers;
} CordIosModule;

/* Compiles @modules (a NULL-terminated list). Fails on a syntax string that
 * cannot be read or whose helps do not fit, naming the command. */
CordIosCli    *cord_ios_cli_new            (const CordIosModule *const *modules,
                                            GError             **error);
/* The command line of every Patchcord device: the modules in ios-modules.c. */
CordIosCli    *cord_ios_cli_get_default    (void);
CordIosCli    *cord_ios_cli_ref            (CordIosCli          *cli);
void           cord_ios_cli_unref          (CordIosCli          *cli);

/* The running-config from "!" to "end", regenerated from @ios. */
char          *cord_ios_cli_write_config   (CordIosCli          *cli,
                                            CordIosDevice       *ios);

typedef enum {
  CORD_IOS_MATCH_OK,
  CORD_IOS_MATCH_EMPTY,       /* nothing but spaces */
  CORD_IOS_MATCH_INVALID,     /* error_offset: the character under the caret */
  CORD_IOS_MATCH_INCOMPLETE,
  CORD_IOS_MATCH_AMBIGUOUS,
} CordIosMatchStatus;

/* A token of the matched command that took part of the line. */
typedef struct {
  const char *name;   /* its $label, else its text: "WORD", "(0-512)", "secret" */
  char       *value;  /* keywords in full, IFNAME as "FastEthernet0/1" */
  gsize       offset; /* where it starts in the line */
} CordIosArg;

typedef struct {
  CordIosMatchStatus    status;
  CordIosNodeId         node;         /* the command's node (ENABLE after `do`) */
  const CordIosCommand *command;
  gsize                 start;        /* where the command starts: after "do " */
  guint                 error_word;   /* the failing word, counted from start */
  gsize                 error_offset; /* INVALID, AMBIGUOUS: in the line */
  GArray               *args;         /* CordIosArg */
} CordIosMatch;

/* Reads @line as a command of @node on @ios (NULL: no device features, the
 * default interface types). Returns TRUE when status is OK. */
gboolean       cord_ios_cli_match          (CordIosCli          *cli,
                                            CordIosDevice       *ios,
                                            CordIosNodeId        node,
                                            const char          *line,
                                            CordIosMatch        *match);
void           cord_ios_match_clear        (CordIosMatch        *match);

/* What IOS prints for `?` typed after @line: the keywords a partial last
 * word may become, or the next tokens with their help; "\n" line ends. */
char          *cord_ios_cli_describe       (CordIosCli          *cli,
                                            CordIosDevice       *ios,
                                            CordIosNodeId        node,
                                            const char          *line);
/* What Tab appends to @line, or NULL when the last word has no unique
 * completion. */
char          *cord_ios_cli_complete       (CordIosCli          *cli,
                                            CordIosDevice       *ios,
                                            CordIosNodeId        node,
                                            const char          *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordIosCli, cord_ios_cli_unref)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CordIosMatch, cord_ios_match_clear)

G_END_DECLS
