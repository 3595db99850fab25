/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The IPv4 stack of routers and end devices: interfaces, routes, ARP, ping and traceroute. */
#pragma once

#include "sim.h"

G_BEGIN_DECLS

/* Addresses and masks are guint32 in host byte order, as in frame.h.
 * Interface names are full IOS names ("FastEthernet0/0.10"); the CLI
 * resolves abbreviations before it calls in here. Every GArray returned
 * below owns the strings in its elements: free it with g_array_unref(). */

/* One IP interface: a routed port or a subinterface (router), or the NIC
 * (end device). */
typedef struct {
  char     *name;
  guint32   address;      /* 0 when unassigned */
  guint32   mask;
  gboolean  admin_up;     /* FALSE after `shutdown` (of the port, for a subinterface too) */
  gboolean  line_up;      /* line protocol */
  gboolean  is_subif;
  guint16   vid;          /* subinterfaces: `encapsulation dot1Q VID`, 0 = none */
  gboolean  native;
  guint64   mac;          /* in use; 0 on serial interfaces; subinterfaces share the parent's */
  guint64   bia;          /* burned-in: differs from @mac after `mac-address` */
  gboolean  serial;       /* Cisco HDLC, no ARP */
} CordIpIfInfo;

typedef enum {
  CORD_ROUTE_CONNECTED,
  CORD_ROUTE_LOCAL,       /* the interface's own /32 (IOS 15 "L" lines) */
  CORD_ROUTE_STATIC,
} CordRouteType;

typedef struct {
  CordRouteType  type;
  guint32        prefix;
  guint32        mask;
  guint32        nexthop;   /* 0 when the route names only an interface */
  char          *ifname;    /* NULL for a static route via a next hop only */
  guint          distance;
  guint          metric;
} CordRouteInfo;

typedef struct {
  guint32   address;
  guint64   mac;
  char     *ifname;
  guint64   created_ns;     /* virtual time the entry was learned */
  gboolean  is_local;       /* one of our own addresses (IOS age "-") */
} CordArpInfo;

/* How long learned ARP entries live: IOS's default, and the value chosen
 * for end devices (see host.c). */
#define CORD_IP_ROUTER_ARP_TIMEOUT  (G_GUINT64_CONSTANT (4) * 3600 * CORD_ENGINE_NS_PER_SEC)
#define CORD_IP_HOST_ARP_TIMEOUT    (G_GUINT64_CONSTANT (300) * CORD_ENGINE_NS_PER_SEC)
/* The TTL of the packets a device originates. */
#define CORD_IP_ROUTER_TTL          255u
#define CORD_IP_HOST_TTL            128u

/* ---- Interfaces (routers) ------------------------------------------------ */

/* Masks: whether @mask's one bits all come first (0.0.0.0 counts); the
 * length of a contiguous mask; the mask of @address's class (A, B or C),
 * which IOS and Packet Tracer assume when none is given. */
gboolean  cord_ip_mask_is_contiguous      (guint32        mask);
guint     cord_ip_mask_length             (guint32        mask);
guint32   cord_ip_classful_mask           (guint32        address);

/* Checks an interface address as IOS does: a host address, a contiguous
 * mask, not the network or broadcast address of its subnet. Usable for
 * end-device settings too. */
gboolean  cord_ip_check_address           (guint32        address,
                                           guint32        mask,
                                           GError       **error);

/* `interface FastEthernet0/0.10`: creates the subinterface (its parent must
 * be a routed Ethernet port); TRUE without change when it exists. */
gboolean  cord_ip_subif_add               (CordSim       *sim,
                                           CordDevice    *device,
                                           const char    *name,
                                           GError       **error);
gboolean  cord_ip_subif_remove            (CordSim       *sim,
                                           CordDevice    *device,
                                           const char    *name,
                                           GError       **error);
/* `encapsulation dot1Q VID [native]` on a subinterface; VID 0 removes the
 * encapsulation (and with it the address). */
gboolean  cord_ip_if_set_encapsulation    (CordSim       *sim,
                                           CordDevice    *device,
                                           const char    *ifname,
                                           guint          vid,
                                           gboolean       native,
                                           GError       **error);
/* `ip address A M`; 0, 0 is `no ip address`. */
gboolean  cord_ip_if_set_address          (CordSim       *sim,
                                           CordDevice    *device,
                                           const char    *ifname,
                                           guint32        address,
                                           guint32        mask,
                                           GError       **error);
gboolean  cord_ip_if_set_shutdown         (CordSim       *sim,
                                           CordDevice    *device,
                                           const char    *ifname,
                                           gboolean       shutdown,
                                           GError       **error);
/* `mac-address H.H.H` on a routed Ethernet port (its subinterfaces share
 * it); 0 is `no mac-address`, back to the burned-in address. A multicast
 * or wider than 48-bit @mac is refused. */
gboolean  cord_ip_if_set_mac              (CordSim       *sim,
                                           CordDevice    *device,
                                           const char    *ifname,
                                           guint64        mac,
                                           GError       **error);
/* Every IP interface: each routed port followed by its subinterfaces in
 * numeric order, as `show ip interface brief` lists them. NULL for a
 * device without an IP stack. */
GArray   *cord_ip_list_interfaces         (CordSim       *sim,
                                           CordDevice    *device);
gboolean  cord_ip_get_interface           (CordSim       *sim,
                                           CordDevice    *device,
                                           const char    *ifname,
                                           CordIpIfInfo  *info);
void      cord_ip_if_info_clear           (CordIpIfInfo  *info);

/* Called when the line protocol of a subinterface goes up or down (the
 * physical ports are reported by cord_sim_set_port_hook()). */
typedef void (*CordIpIfHook) (CordSim     *sim,
                              CordDevice  *device,
                              const char  *ifname,
                              gboolean     up,
                              gpointer     user_data);
void      cord_ip_set_interface_hook      (CordSim       *sim,
                                           CordDevice    *device,
                                           CordIpIfHook   hook,
                                           gpointer       user_data);

/* ---- Routes --------------------------------------------------------------- */

/* `ip route PREFIX MASK {NEXTHOP | INTERFACE [NEXTHOP]} [DISTANCE]`:
 * @nexthop 0 or @ifname NULL leave that part out; @distance 0 means 1.
 * Adding a route that exists only updates its distance. */
gboolean  cord_ip_route_add               (CordSim       *sim,
                                           CordDevice    *device,
                                           guint32        prefix,
                                           guint32        mask,
                                           guint32        nexthop,
                                           const char    *ifname,
                                           guint          distance,
                                           GError       **error);
/* `no ip route ...`: @nexthop 0 and @ifname NULL match any. */
gboolean  cord_ip_route_remove            (CordSim       *sim,
                                           CordDevice    *device,
                                           guint32        prefix,
                                           guint32        mask,
                                           guint32        nexthop,
                                           const char    *ifname,
                                           GError       **error);
/* The routing table in use (connected, local and the installed static
 * routes), sorted by prefix then mask as `show ip route` lists them. An
 * end device shows its connected subnet and its default gateway. */
GArray   *cord_ip_get_routes              (CordSim       *sim,
                                           CordDevice    *device);
/* The configured static routes in the order they were entered (the
 * running-config), installed or not. */
GArray   *cord_ip_list_static_routes      (CordSim       *sim,
                                           CordDevice    *device);
/* The route that forwards to @dst: FALSE when there is none. */
gboolean  cord_ip_lookup_route            (CordSim       *sim,
                                           CordDevice    *device,
                                           guint32        dst,
                                           CordRouteInfo *route);
void      cord_route_info_clear           (CordRouteInfo *route);

/* ---- ARP ---------------------------------------------------------------- */

/* Complete entries, by address; on routers also one local entry per
 * addressed Ethernet interface that is up. */
GArray   *cord_ip_get_arp                 (CordSim       *sim,
                                           CordDevice    *device);
void      cord_ip_clear_arp               (CordSim       *sim,
                                           CordDevice    *device);

/* ---- Ping ------------------------------------------------------------------ */

typedef struct _CordPing CordPing;

/* What the data of an echo holds and the defaults of each program. */
typedef enum {
  CORD_PING_STYLE_IOS,      /* 5 echoes, 100-byte datagrams, 2 s, next at once */
  CORD_PING_STYLE_WINDOWS,  /* 4 echoes, 32 data bytes, 4 s, one per second */
} CordPingStyle;

typedef struct {
  CordPingStyle style;
  guint         count;           /* 0: until cancelled (ping -t) */
  guint         size;            /* ICMP data bytes; IOS "100-byte" is 72 */
  guint64       timeout_ns;      /* per echo */
  guint8        ttl;
  guint8        tos;
  gboolean      dont_fragment;
  guint32       source;          /* 0: the address of the way out */
  /* The next echo leaves @interval_ns after the previous one left; with
   * @wait_for_reply also not before the previous one was answered or
   * timed out. IOS: 0 + wait; Windows: 1 s + wait. */
  guint64       interval_ns;
  gboolean      wait_for_reply;
} CordPingOptions;

typedef struct {
  guint    sent;
  guint    received;             /* echo replies */
  guint    unreachable;
  guint    ttl_expired;
  guint    timeouts;
  guint64  min_rtt_ns;           /* over the replies; 0 when none */
  guint64  avg_rtt_ns;
  guint64  max_rtt_ns;
  gboolean cancelled;
} CordPingStats;

/* @index counts the echoes of this ping from 0. Round-trip times run from
 * the moment the echo was handed to the stack (a host's ARP included) to
 * the moment the reply arrived, in virtual nanoseconds. */
typedef struct {
  void (*reply)       (CordPing *ping, guint index, guint64 rtt_ns, guint8 ttl,
                       guint bytes, guint32 from, gpointer user_data);
  void (*timeout)     (CordPing *ping, guint index, gpointer user_data);
  /* @local: our own stack gave up (a host's ARP failed); @from is then our
   * own address and @code CORD_FRAME_UNREACH_HOST. */
  void (*unreachable) (CordPing *ping, guint index, guint32 from, guint8 code,
                       gboolean local, gpointer user_data);
  void (*ttl_expired) (CordPing *ping, guint index, guint32 from, gpointer user_data);
  /* Last call: the ping is freed when it returns. */
  void (*done)        (CordPing *ping, const CordPingStats *stats, gpointer user_data);
} CordPingCallbacks;

void       cord_ping_options_init         (CordPingOptions         *options,
                                           CordPingStyle            style);
CordPing  *cord_ip_ping_start             (CordSim                 *sim,
                                           CordDevice              *device,
                                           guint32                  dst,
                                           const CordPingOptions   *options,
                                           const CordPingCallbacks *callbacks,
                                           gpointer                 user_data,
                                           GError                 **error);
/* Stops @ping (Ctrl-C): done runs with stats->cancelled set, before this
 * returns. Not to be called once done has run. */
void       cord_ip_ping_cancel            (CordPing                *ping);

/* ---- Traceroute ------------------------------------------------------------ */

typedef struct _CordTrace CordTrace;

typedef enum {
  CORD_TRACE_UDP,           /* IOS traceroute: UDP to ports 33434 and up */
  CORD_TRACE_ICMP,          /* Windows tracert: echo requests */
} CordTraceMode;

typedef struct {
  CordTraceMode mode;
  guint         probes;          /* per hop */
  guint         min_ttl;
  guint         max_ttl;
  guint64       timeout_ns;      /* per probe */
  guint         size;            /* data bytes of each probe */
  guint16       port;            /* UDP: first destination port */
  guint32       source;          /* 0: the address of the way out */
} CordTraceOptions;

typedef enum {
  CORD_TRACE_PROBE_TIMEOUT,
  CORD_TRACE_PROBE_TIME_EXCEEDED,   /* a router on the way */
  CORD_TRACE_PROBE_REACHED,         /* echo reply / port unreachable from the target */
  CORD_TRACE_PROBE_UNREACHABLE,     /* any other unreachable; see icmp_code */
} CordTraceProbeResult;

typedef struct {
  /* @hop is the probe's TTL, @probe counts from 0 within the hop. @from
   * and @rtt_ns are 0 on a timeout. */
  void (*probe) (CordTrace *trace, guint hop, guint probe, CordTraceProbeResult result,
                 guint32 from, guint64 rtt_ns, guint8 icmp_code, gpointer user_data);
  /* Last call: the trace is freed when it returns. */
  void (*done)  (CordTrace *trace, gboolean reached, gboolean cancelled, gpointer user_data);
} CordTraceCallbacks;

void       cord_trace_options_init        (CordTraceOptions         *options,
                                           CordTraceMode             mode);
CordTrace *cord_ip_trace_start            (CordSim                  *sim,
                                           CordDevice               *device,
                                           guint32                   dst,
                                           const CordTraceOptions   *options,
                                           const CordTraceCallbacks *callbacks,
                                           gpointer                  user_data,
                                           GError                  **error);
void       cord_ip_trace_cancel           (CordTrace                *trace);

G_END_DECLS
