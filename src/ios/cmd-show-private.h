/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the show command tables share: the device's interfaces as IOS lists them, short names and output helpers. */
#pragma once

#include "cmd-interface.h"
#include "ios-exec.h"

G_BEGIN_DECLS

typedef enum {
  _CORD_SHOW_IF_PORT,       /* a routed port (router) or a switch port */
  _CORD_SHOW_IF_SUBIF,      /* FastEthernet0/0.10 */
  _CORD_SHOW_IF_VIRTUAL,    /* Vlan1 */
} _CordShowIfKind;

/* One interface as `show ip interface brief` and `show interfaces` see it. */
typedef struct {
  _CordShowIfKind  kind;
  char            *name;       /* full IOS name */
  CordPort        *port;       /* the port, or a subinterface's parent; NULL when virtual */
  gboolean         switchport;
  gboolean         serial;
  guint32          address;    /* 0: unassigned */
  guint32          mask;
  gboolean         admin_up;
  gboolean         line_up;
  guint16          vid;        /* subinterfaces: dot1Q VLAN, 0 for none */
  guint64          mac;        /* in use; 0 when it has none */
  guint64          bia;        /* burned-in; 0: the same as @mac */
} _CordShowIf;

void         _cord_show_if_free        (_CordShowIf    *iface);
/* Every interface of the device, in the order IOS lists them: ports (each
 * followed by its subinterfaces), then the VLAN interfaces. */
GPtrArray   *_cord_show_list_ifs       (CordIosDevice  *ios);
/* The interface @name (a full name, any case), or NULL. */
_CordShowIf *_cord_show_find_if        (CordIosDevice  *ios,
                                        const char     *name);

/* The short names Packet Tracer prints in tables: "Fa0/1", "Gig0/1". */
char        *_cord_show_short_name     (const char     *name);
/* The engine's clock, or 0 without a simulation. */
guint64      _cord_show_now            (CordIosDevice  *ios);
/* "0001.4200.0a01"; upper case for the tables that print it so. */
char        *_cord_show_mac            (guint64         mac,
                                        gboolean        upper);
char        *_cord_show_ipv4           (guint32         address);
guint        _cord_show_mask_len       (guint32         mask);
/* The serial number show version prints: Packet Tracer draws one at
 * random per device; ours comes from the device's MACs, so that it is the
 * same on every run ("FTX1524" and four more). */
char        *_cord_show_serial_number  (CordIosDevice  *ios);
/* Prints @text without the spaces that end its last line: Packet Tracer
 * pads every row of some tables with one space but trims the end of the
 * whole output. */
void         _cord_show_print_trimmed  (CordIosExec    *exec,
                                        GString        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (_CordShowIf, _cord_show_if_free)

G_END_DECLS
