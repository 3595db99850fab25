/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals the interface, switching and routing tables share: per-device state, interface names and link log messages. */
#pragma once

#include <glib/gi18n-lib.h>

#include "cmd-interface.h"
#include "ios-exec.h"

G_BEGIN_DECLS

/* What a real IOS command Patchcord does not simulate answers. */
#define _CORD_IOS_UNSUPPORTED_STR N_("% This command is not supported by Patchcord yet")
#define _CORD_IOS_BAD_IFNAME_STR  N_("%Invalid interface type and number")

typedef enum {
  _CORD_IOS_IF_PORT,
  _CORD_IOS_IF_SUBIF,
  _CORD_IOS_IF_SVI,
} _CordIosIfKind;

/* An interface a command names, resolved on the device. */
typedef struct {
  _CordIosIfKind  kind;
  char           *name;   /* in full: "FastEthernet0/0.10", "Vlan1" */
  CordPort       *port;   /* PORT: the port; SUBIF: its parent; SVI: NULL */
  guint           vid;    /* SVI */
} _CordIosIfRef;

/* What IOS keeps about a port or subinterface beyond the simulation. */
typedef struct {
  char          *name;       /* in full, as the device spells it */
  char          *description;
  guint          speed;      /* 0: auto */
  CordIosDuplex  duplex;
  gboolean       shutdown;   /* a subinterface's own `shutdown` */
  gboolean       routed;     /* 3560 `no switchport` */
  guint32        address;    /* a routed 3560 port's, kept only */
  guint32        mask;
} _CordIosIfConf;

typedef struct {
  guint16   vid;
  char     *description;
  guint32   address;
  guint32   mask;
  gboolean  shutdown;
  gboolean  line_up;         /* as last logged */
} _CordIosSvi;

/* A static route of a 3560, which has no IP stack in the simulation. */
typedef struct {
  guint32  prefix;
  guint32  mask;
  guint32  nexthop;
  char    *ifname;
  guint    distance;
} _CordIosRoute;

typedef struct {
  GHashTable *confs;           /* lower-case full name -> _CordIosIfConf */
  GPtrArray  *svis;            /* _CordIosSvi*, by VLAN */
  guint32     default_gateway;
  gboolean    ip_routing;
  GArray     *routes;          /* _CordIosRoute */
  CordPort   *changing;        /* the port a command is changing: it logs */
} _CordIosIfState;

typedef enum {
  _CORD_IOS_LINK_UP,            /* %LINK-5-CHANGED … up */
  _CORD_IOS_LINK_DOWN,          /* %LINK-3-UPDOWN … down */
  _CORD_IOS_LINK_ADMIN_DOWN,    /* %LINK-5-CHANGED … administratively down */
  _CORD_IOS_LINK_CHANGED_DOWN,  /* %LINK-5-CHANGED … down */
} _CordIosLink;

/* The kind of device @ios runs on; FALSE for all without a network. */
gboolean          _cord_ios_has_network   (CordIosDevice   *ios);
gboolean          _cord_ios_is_switch     (CordIosDevice   *ios);
gboolean          _cord_ios_is_l3_switch  (CordIosDevice   *ios);

_CordIosIfState  *_cord_ios_if_state      (CordIosDevice   *ios);
_CordIosIfConf   *_cord_ios_if_conf       (CordIosDevice   *ios,
                                           const char      *name,
                                           gboolean         create);
_CordIosSvi      *_cord_ios_svi_find      (CordIosDevice   *ios,
                                           guint            vid);

/* Finds the interface an IFNAME value names ("FastEthernet0/01"). */
gboolean          _cord_ios_if_resolve    (CordIosDevice   *ios,
                                           const char      *name,
                                           _CordIosIfRef   *ref);
void              _cord_ios_if_ref_clear  (_CordIosIfRef   *ref);
/* The full names of the interfaces the current mode configures. */
const char *const *_cord_ios_if_members   (CordIosExec     *exec);

/* %LINK and %LINEPROTO messages, appended to @msgs (owned strings). */
void              _cord_ios_msg_link      (GPtrArray       *msgs,
                                           const char      *name,
                                           _CordIosLink     link);
void              _cord_ios_msg_proto     (GPtrArray       *msgs,
                                           const char      *name,
                                           gboolean         up);
/* The %LINK line of @port and of its subinterfaces that are not shut
 * down themselves, each with its %LINEPROTO line when @proto. */
void              _cord_ios_port_messages (CordIosDevice   *ios,
                                           CordPort        *port,
                                           _CordIosLink     link,
                                           gboolean         proto,
                                           GPtrArray       *msgs);
/* The SVIs whose line protocol changed since last logged. */
void              _cord_ios_svi_refresh   (CordIosDevice   *ios,
                                           GPtrArray       *msgs);
/* Logs @msgs after the next prompt, with the blank line Packet Tracer
 * prints after a command that changed a link. */
void              _cord_ios_log_all       (CordIosExec     *exec,
                                           GPtrArray       *msgs);
/* Prints a core error as IOS words it, one line. */
void              _cord_ios_print_error   (CordIosExec     *exec,
                                           const GError    *error);

/* cmd-interface-write.c: every interface block, in IOS's order. */
void              _cord_ios_write_interfaces (CordIosDevice *ios,
                                           GString         *out);
/* cmd-switching.c: the switchport lines of @port's block. */
void              _cord_ios_write_switchport (CordIosDevice *ios,
                                           CordPort        *port,
                                           GString         *out);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (_CordIosIfRef, _cord_ios_if_ref_clear)

G_END_DECLS
