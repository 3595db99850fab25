/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals of the IPv4 stack (ip.c, ip-arp.c), ping and traceroute (ip-ping.c, ip-trace.c), routers and end devices. */
#pragma once

#include "frame.h"
#include "ip.h"
#include "sim-private.h"

G_BEGIN_DECLS

typedef struct _CordIpDev     CordIpDev;
typedef struct _CordIpIf      CordIpIf;
typedef struct _CordIpSession CordIpSession;
typedef struct _CordDhcpClient CordDhcpClient;
typedef struct _CordDhcpServer CordDhcpServer;

/* An IP interface. A routed port owns one (port->ip) and its
 * subinterfaces; a subinterface shares the port and its MAC. */
struct _CordIpIf {
  CordIpDev   *ipdev;
  CordSimPort *port;
  char        *name;
  guint32      number;        /* subinterface number; 0 on the port itself */
  gboolean     is_subif;
  gboolean     serial;        /* Cisco HDLC instead of Ethernet */
  gboolean     shutdown;      /* subinterfaces; a port uses port->admin_up */
  gboolean     up;            /* line protocol as last seen */
  guint16      vid;           /* dot1Q VID, 0 = none */
  gboolean     native;
  guint32      address;
  guint32      mask;
  GPtrArray   *subifs;        /* the port's: CordIpIf*, by number, owned */
  guint64      mac;           /* the port's `mac-address`; 0 = the burned-in one */
};

/* A route in use, with its way out resolved once when the table is built,
 * so forwarding is one lookup. */
typedef struct {
  CordRouteType  type;
  guint32        prefix;
  guint32        mask;
  guint32        nexthop;
  char          *ifname;      /* as configured (static routes), or NULL */
  guint          distance;
  CordIpIf      *out_if;
  guint32        out_gw;      /* next hop to ARP for; 0 = the destination */
} CordIpRoute;

typedef struct {
  guint32  prefix;
  guint32  mask;
  guint32  nexthop;
  char    *ifname;
  guint    distance;
} CordIpStatic;

/* What an incoming (or self-made) ICMP message tells the sessions. */
typedef struct {
  guint8   type;
  guint8   code;
  guint32  from;
  guint8   ttl;
  gboolean local;
  guint16  id;               /* echo reply */
  guint16  seq;
  gsize    data_len;
  guint8   q_proto;          /* errors: the quoted datagram */
  guint32  q_dst;
  guint16  q_id;             /* quoted ICMP echo */
  guint16  q_seq;
  guint16  q_sport;          /* quoted UDP */
  guint16  q_dport;
} CordIpIcmpEvent;

/* Pings and traces running on a device. */
struct _CordIpSession {
  CordIpDev *ipdev;
  /* TRUE when the event was this session's. */
  gboolean (*icmp)   (CordIpSession *session, const CordIpIcmpEvent *event);
  /* Power off, device gone: stop and report done as cancelled. */
  void     (*cancel) (CordIpSession *session);
};

struct _CordIpDev {
  CordSimDevice *sdev;
  gboolean       router;
  GPtrArray     *ifs;         /* CordIpIf* of the ports, by port index; owned */
  GHashTable    *arp;         /* address -> CordIpArp */
  CordTimer      arp_timer;   /* retries of incomplete entries */
  GArray        *statics;     /* CordIpStatic, as configured */
  GArray        *fib;         /* CordIpRoute, longest mask first */
  gboolean       fib_dirty;   /* rebuilt on next use */
  guint32        gateway;     /* end devices: the default gateway */
  GQueue         loopback;    /* CordFrame*: packets to ourselves */
  CordTimer      loopback_timer;
  GList         *sessions;    /* CordIpSession* */
  guint16        next_ip_id;
  guint16        next_ping_id;
  guint16        next_port;   /* traceroute source ports */
  CordIpIfHook   if_hook;
  gpointer       if_hook_data;
  CordDhcpClient *dhcp;       /* end devices: made on first use (dhcp.c) */
  CordDhcpServer *dhcpd;      /* routers: made on first use (dhcp-server.c) */
};

/* A neighbour: complete, or being resolved. */
typedef struct {
  guint32   address;
  CordMac   mac;
  CordIpIf *ifp;
  guint64   created;
  gboolean  complete;
  guint     tries;
  guint64   deadline;       /* incomplete: next retry, or the end */
  guint64   last_request;
  GQueue    pending;        /* hosts: CordFrame* waiting for the MAC */
} CordIpArp;

/* How many packets a host keeps waiting for one neighbour being
 * resolved; a router keeps none (ip-arp.c has the rest of the policy). */
#define CORD_IP_ARP_HOST_QUEUE 16u

/* Every interface of @ipdev, each port followed by its subinterfaces;
 * @ifp names the loop variable. */
#define CORD_IP_FOREACH_IF(ipdev, ifp, ...)                                   \
  for (guint fe_i_ = 0; fe_i_ < (ipdev)->ifs->len; fe_i_++)                     \
    {                                                                           \
      CordIpIf *fe_p_ = (ipdev)->ifs->pdata[fe_i_];                             \
      guint fe_n_ = fe_p_->subifs != NULL ? fe_p_->subifs->len : 0;             \
      for (guint fe_j_ = 0; fe_j_ <= fe_n_; fe_j_++)                            \
        {                                                                       \
          CordIpIf *ifp = fe_j_ == 0 ? fe_p_ : fe_p_->subifs->pdata[fe_j_ - 1]; \
          __VA_ARGS__                                                           \
        }                                                                       \
    }

/* Where a packet we originate goes. */
typedef struct {
  CordIpIf *out_if;           /* NULL: to ourselves */
  guint32   arp_for;          /* the neighbour to resolve */
  gboolean  resolved;         /* the frame's destination MAC is known */
} CordIpPath;

/* ip.c: the stack */
CordIpDev *_cord_ip_dev_get        (CordSimDevice *sdev);
CordIpDev *_cord_ip_dev_lookup     (CordSim       *sim,
                                    CordDevice    *device,
                                    gboolean       router_only,
                                    GError       **error);
void       _cord_ip_dev_free       (CordSimDevice *sdev);
CordEngine *_cord_ip_engine        (CordIpDev     *ipdev);
guint64    _cord_ip_now            (CordIpDev     *ipdev);
gboolean   _cord_ip_powered        (CordIpDev     *ipdev);
CordSim   *_cord_ip_sim            (CordIpDev     *ipdev);

void       _cord_ip_port_added     (CordIpDev     *ipdev,
                                    CordSimPort   *port);
void       _cord_ip_port_removed   (CordIpDev     *ipdev,
                                    CordSimPort   *port);
CordIpIf  *_cord_ip_if_new         (CordIpDev     *ipdev,
                                    CordSimPort   *port,
                                    guint32        number);
void       _cord_ip_if_free        (CordIpIf      *ifp);
CordIpIf  *_cord_ip_if_find        (CordIpDev     *ipdev,
                                    const char    *name);
gboolean   _cord_ip_if_is_up       (const CordIpIf *ifp);
/* The MAC @ifp sends from and answers to: its port's `mac-address`, else
 * the burned-in one (subinterfaces share their port's). */
guint64    _cord_ip_if_mac         (const CordIpIf *ifp);
CordMac    _cord_ip_if_mac_bytes   (const CordIpIf *ifp);
guint16    _cord_ip_if_vid         (const CordIpIf *ifp);
/* Re-reads every interface's line protocol, forgets the neighbours of
 * those that went down, marks the routing table for rebuilding and tells
 * the hook. */
void       _cord_ip_refresh        (CordIpDev     *ipdev);
/* Interfaces, addresses or static routes changed: the routing table
 * (which points at interfaces) is rebuilt before its next use; read it
 * only through _cord_ip_fib(). */
void       _cord_ip_routes_changed (CordIpDev     *ipdev);
GArray    *_cord_ip_fib            (CordIpDev     *ipdev);
void       _cord_ip_stop_all       (CordIpDev     *ipdev);
gboolean   _cord_ip_is_local       (CordIpDev     *ipdev,
                                    guint32        address);
const CordIpRoute *_cord_ip_route_lookup (CordIpDev *ipdev,
                                    guint32        dst);

/* Address arithmetic. */
gboolean   _cord_ip_is_host_address (guint32      address);
gboolean   _cord_ip_is_multicast   (guint32       address);
gboolean   _cord_ip_in_subnet      (const CordIpIf *ifp,
                                    guint32        address);
/* 0 for /31 and /32, which have none. */
guint32    _cord_ip_subnet_broadcast (const CordIpIf *ifp);

/* ip-arp.c: ARP (the neighbours of Ethernet interfaces). */
void       _cord_ip_arp_free       (gpointer       entry);
CordIpArp *_cord_ip_arp_lookup     (CordIpDev     *ipdev,
                                    guint32        address);
CordIpArp *_cord_ip_arp_resolve    (CordIpDev     *ipdev,
                                    CordIpIf      *ifp,
                                    guint32        nexthop,
                                    CordIpArp    **incomplete);
void       _cord_ip_arp_input      (CordIpDev     *ipdev,
                                    CordIpIf      *ifp,
                                    const CordFrameInfo *info);
void       _cord_ip_arp_timer_cb   (CordEngine    *engine,
                                    gpointer       a,
                                    gpointer       b);
void       _cord_ip_arp_flush_if   (CordIpDev     *ipdev,
                                    CordIpIf      *ifp);
void       _cord_ip_arp_clear      (CordIpDev     *ipdev);

/* ip.c: receiving and originating packets, and the sessions. */
void       _cord_ip_receive        (CordIpDev     *ipdev,
                                    CordSimPort   *port,
                                    CordFrame     *frame,
                                    const CordL2Header *l2);

/* Originating packets: _prepare picks the way out and fills the
 * addresses (src 0: the way out's address); the caller builds the frame
 * with a frame.h builder and hands it (transfer full) to _transmit.
 * _prepare returns FALSE when there is no route or no source address. */
gboolean   _cord_ip_prepare        (CordIpDev     *ipdev,
                                    guint32        dst,
                                    guint32        src,
                                    guint8         ttl,
                                    CordFrameIpv4Params *params,
                                    CordIpPath    *path);
void       _cord_ip_transmit       (CordIpDev     *ipdev,
                                    const CordIpPath *path,
                                    CordFrame     *frame);
guint8     _cord_ip_default_ttl    (CordIpDev     *ipdev);

void       _cord_ip_session_add    (CordIpDev     *ipdev,
                                    CordIpSession *session);
void       _cord_ip_session_remove (CordIpDev     *ipdev,
                                    CordIpSession *session);
/* Hands @event to the session it belongs to. */
void       _cord_ip_dispatch_icmp  (CordIpDev     *ipdev,
                                    const CordIpIcmpEvent *event);

/* ip-ping.c: what ping and traceroute share. */
/* The data of an echo or probe, @size bytes (allocated even for 0). */
guint8    *_cord_ip_make_data      (CordPingStyle  style,
                                    guint          size);
/* The stack of @device when it can start a ping or trace to @dst from
 * @source (0: any); NULL, with @error set, when it cannot. */
CordIpDev *_cord_ip_start_checks   (CordSim       *sim,
                                    CordDevice    *device,
                                    guint32        dst,
                                    guint32        source,
                                    GError       **error);

/* router.c */
void       _cord_router_factory_reset (CordIpDev  *ipdev);

/* host.c */
void       _cord_host_apply_settings  (CordIpDev  *ipdev);

/* dhcp.c: the client. _input takes the frames for UDP port 68 (TRUE:
 * the frame was the client's); _stop ends an attempt as cancelled. */
gboolean   _cord_dhcp_input        (CordIpDev       *ipdev,
                                    const CordFrame *frame);
void       _cord_dhcp_stop         (CordIpDev       *ipdev);
void       _cord_dhcp_free         (CordIpDev       *ipdev);

/* dhcp.c: what the client and the server share. The options either
 * reads (0 when absent); FALSE when the message has no cookie, is cut
 * short or has no message type. */
typedef struct {
  guint8  type;
  guint32 mask;
  guint32 router;
  guint32 dns;
  guint32 server;
  guint32 requested;
} CordDhcpOptions;

gboolean   _cord_dhcp_parse_options (const guint8    *msg,
                                     gsize            len,
                                     CordDhcpOptions *opts);
/* Writes option @code at @p; returns where the next one goes. */
guint8    *_cord_dhcp_option        (guint8          *p,
                                     guint8           code,
                                     guint8           len,
                                     const guint8    *data);
guint8    *_cord_dhcp_option32      (guint8          *p,
                                     guint8           code,
                                     guint32          value);

/* dhcp-server.c: the routers' server. _input takes a datagram for UDP
 * port 67 that @ifp received (TRUE: the service took it); _reset forgets
 * pools, exclusions and bindings (a boot); _free at the end. */
gboolean   _cord_dhcp_server_input (CordIpDev           *ipdev,
                                    CordIpIf            *ifp,
                                    const guint8        *pkt,
                                    const CordFrameInfo *info);
void       _cord_dhcp_server_reset (CordIpDev           *ipdev);
void       _cord_dhcp_server_free  (CordIpDev           *ipdev);

G_END_DECLS
