/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers the network suites share: a topology with its engine and sim, and devices, cables and hosts by name. */
#pragma once

#include <string.h>
#include <glib.h>

#include "ip.h"
#include "sim.h"
#include "test-util.h"

/* A suite that records more (frames, port changes) defines NET_EXTRA_FIELDS
 * as those fields before it includes this file, and then writes its own
 * net_init() and net_clear() around net_init_sim() and net_clear_sim(). */
#ifdef NET_EXTRA_FIELDS
#define NET_OWN_INIT
#else
#define NET_EXTRA_FIELDS
#endif

typedef struct {
  CordTopology *topology;
  CordEngine   *engine;
  CordSim      *sim;
  NET_EXTRA_FIELDS
} Net;

static inline void
net_init_sim (Net *net)
{
  net->topology = cord_topology_new (cord_catalog_get_default ());
  net->engine = cord_engine_new ();
  net->sim = cord_sim_new (net->topology, net->engine);
}

static inline void
net_clear_sim (Net *net)
{
  g_clear_pointer (&net->sim, cord_sim_free);
  g_clear_object (&net->topology);
  g_clear_pointer (&net->engine, cord_engine_free);
}

#ifndef NET_OWN_INIT
static inline void
net_init (Net *net)
{
  net_init_sim (net);
}

static inline void
net_clear (Net *net)
{
  net_clear_sim (net);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Net, net_clear)
#endif

static inline guint32
ip4 (const char *text)
{
  guint32 addr = 0;

  ck_assert_msg (cord_frame_ipv4_parse (text, &addr), "bad address %s", text);
  return addr;
}

static inline CordDevice *
dev (Net        *net,
     const char *name)
{
  CordDevice *device = cord_topology_find_device (net->topology, name);

  ck_assert_msg (device != NULL, "no device %s", name);
  return device;
}

static inline CordPort *
port (CordDevice *device,
      const char *name)
{
  CordPort *p = cord_device_find_port (device, name);

  ck_assert_msg (p != NULL, "%s has no %s", device->name, name);
  return p;
}

/* The port @name of the device named @device. */
static inline CordPort *
dev_port (Net        *net,
          const char *device,
          const char *name)
{
  return port (dev (net, device), name);
}

static inline CordDevice *
add (Net        *net,
     const char *model,
     const char *name)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device = cord_topology_add_device (net->topology, model, name, 0, 0, &error);

  ck_assert_msg (device != NULL, "%s", error ? error->message : "");
  return device;
}

static inline CordLink *
link_ports (Net        *net,
            CordDevice *a,
            const char *pa,
            CordDevice *b,
            const char *pb,
            CordCable   cable)
{
  g_autoptr(GError) error = NULL;
  CordLink *link = cord_topology_connect (net->topology, port (a, pa), port (b, pb), cable, &error);

  ck_assert_msg (link != NULL, "%s", error ? error->message : "");
  return link;
}

/* A cable of @cable between devices named @a and @b. */
static inline CordLink *
wire (Net        *net,
      const char *a,
      const char *pa,
      const char *b,
      const char *pb,
      CordCable   cable)
{
  return link_ports (net, dev (net, a), pa, dev (net, b), pb, cable);
}

/* The cable Packet Tracer's automatic choice would take. */
static inline CordLink *
cable (Net        *net,
       const char *a,
       const char *pa,
       const char *b,
       const char *pb)
{
  return wire (net, a, pa, b, pb, CORD_CABLE_AUTO);
}

/* An end device of @model; @address NULL leaves it on DHCP. */
static inline void
host (Net        *net,
      const char *model,
      const char *name,
      const char *address,
      const char *mask,
      const char *gateway)
{
  g_autoptr(GError) error = NULL;
  CordHostIp settings = { address == NULL, 0, 0, 0, 0 };

  if (address != NULL)
    {
      settings.address = ip4 (address);
      settings.mask = ip4 (mask);
      settings.gateway = gateway != NULL ? ip4 (gateway) : 0;
    }
  add (net, model, name);
  ck_assert_msg (cord_topology_set_host_ip (net->topology, dev (net, name), &settings, &error),
                 "%s", error ? error->message : "");
}

/* Addresses a router's interface (a subinterface is made first) and
 * brings it up; @address NULL leaves it unaddressed. */
static inline void
router_if (Net        *net,
           const char *router,
           const char *ifname,
           const char *address,
           const char *mask)
{
  g_autoptr(GError) error = NULL;

  if (strchr (ifname, '.') != NULL)
    ck_assert_msg (cord_ip_subif_add (net->sim, dev (net, router), ifname, &error), "%s",
                   error ? error->message : "");
  if (address != NULL)
    ck_assert_msg (cord_ip_if_set_address (net->sim, dev (net, router), ifname, ip4 (address),
                                           ip4 (mask), &error), "%s", error ? error->message : "");
  ck_assert_msg (cord_ip_if_set_shutdown (net->sim, dev (net, router), ifname, FALSE, &error),
                 "%s", error ? error->message : "");
}

/* --- Pinging ----------------------------------------------------------------- */

/* A ping as IOS shows it: ! reply, . timeout, U unreachable (u: our own
 * ARP gave up), & TTL exceeded; with what the last answer said. */
typedef struct {
  GString      *marks;
  GArray       *rtts;     /* guint64 per reply */
  guint8        last_ttl;
  guint         last_bytes;
  guint32       last_from;
  guint8        last_code;
  CordPingStats stats;
  gboolean      done;
  guint64       done_at;
  CordEngine   *engine;
} PingLog;

static inline void
ping_log_on_reply (CordPing *ping, guint index, guint64 rtt, guint8 ttl, guint bytes, guint32 from,
                   gpointer data)
{
  PingLog *log = data;

  g_string_append_c (log->marks, '!');
  g_array_append_val (log->rtts, rtt);
  log->last_ttl = ttl;
  log->last_bytes = bytes;
  log->last_from = from;
}

static inline void
ping_log_on_timeout (CordPing *ping, guint index, gpointer data)
{
  g_string_append_c (((PingLog *) data)->marks, '.');
}

static inline void
ping_log_on_unreachable (CordPing *ping, guint index, guint32 from, guint8 code, gboolean local,
                         gpointer data)
{
  PingLog *log = data;

  g_string_append_c (log->marks, local ? 'u' : 'U');
  log->last_from = from;
  log->last_code = code;
}

static inline void
ping_log_on_ttl (CordPing *ping, guint index, guint32 from, gpointer data)
{
  PingLog *log = data;

  g_string_append_c (log->marks, '&');
  log->last_from = from;
}

static inline void
ping_log_on_done (CordPing *ping, const CordPingStats *stats, gpointer data)
{
  PingLog *log = data;

  log->stats = *stats;
  log->done = TRUE;
  log->done_at = cord_engine_now (log->engine);
}

static inline void
ping_log_clear (PingLog *log)
{
  if (log->marks != NULL)
    g_string_free (log->marks, TRUE);
  if (log->rtts != NULL)
    g_array_unref (log->rtts);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PingLog, ping_log_clear)

/* Records into the PingLog passed as user data. */
static const CordPingCallbacks ping_log_callbacks G_GNUC_UNUSED = {
  ping_log_on_reply, ping_log_on_timeout, ping_log_on_unreachable, ping_log_on_ttl, ping_log_on_done,
};

/* Starts @count pings from @from to @to, IOS's from a router and
 * Windows' from a host, recorded in @log (cleared first); @ttl 0 is the
 * default. */
static inline CordPing *
ping_start (Net        *net,
            PingLog    *log,
            const char *from,
            const char *to,
            guint       count,
            guint8      ttl)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device = dev (net, from);
  CordPingOptions options;
  CordPing *ping;

  cord_ping_options_init (&options, device->model->kind == CORD_KIND_ROUTER
                                      ? CORD_PING_STYLE_IOS : CORD_PING_STYLE_WINDOWS);
  options.count = count;
  if (ttl != 0)
    options.ttl = ttl;
  ping_log_clear (log);
  memset (log, 0, sizeof *log);
  log->marks = g_string_new (NULL);
  log->rtts = g_array_new (FALSE, FALSE, sizeof (guint64));
  log->engine = net->engine;
  ping = cord_ip_ping_start (net->sim, device, ip4 (to), &options, &ping_log_callbacks, log, &error);
  ck_assert_msg (ping != NULL, "%s", error ? error->message : "");
  return ping;
}

/* Pings and runs virtual time until the ping is over. */
static inline void
ping_run (Net        *net,
          PingLog    *log,
          const char *from,
          const char *to,
          guint       count)
{
  ping_start (net, log, from, to, count, 0);
  for (guint i = 0; i < 600 && !log->done; i++)
    cord_engine_run_for (net->engine, CORD_ENGINE_NS_PER_SEC);
  ck_assert_msg (log->done, "the ping from %s to %s never finished", from, to);
  ck_assert_uint_eq (log->stats.sent, count);
}
