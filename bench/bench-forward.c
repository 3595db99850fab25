/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmarks of the simulation: frame-hops per second across a chain of switches, and a 5,000-device ping storm. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <glib.h>

#include "ip.h"
#include "sim.h"
#include "switching.h"
#include "topology.h"

typedef struct {
  CordTopology *topology;
  CordEngine   *engine;
  CordSim      *sim;
} Net;

static void
net_init (Net *net)
{
  net->topology = cord_topology_new (cord_catalog_get_default ());
  net->engine = cord_engine_new ();
  net->sim = cord_sim_new (net->topology, net->engine);
}

static void
net_clear (Net *net)
{
  g_clear_pointer (&net->sim, cord_sim_free);
  g_clear_object (&net->topology);
  g_clear_pointer (&net->engine, cord_engine_free);
}

static CordDevice *
add (Net        *net,
     const char *model,
     const char *name)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device = cord_topology_add_device (net->topology, model, name, 0, 0, &error);

  if (device == NULL)
    g_error ("%s", error->message);
  return device;
}

static void
cable (Net        *net,
       CordDevice *a,
       const char *pa,
       CordDevice *b,
       const char *pb)
{
  g_autoptr(GError) error = NULL;

  if (cord_topology_connect (net->topology, cord_device_find_port (a, pa),
                             cord_device_find_port (b, pb), CORD_CABLE_AUTO, &error) == NULL)
    g_error ("%s", error->message);
}

static void
host (Net        *net,
      CordDevice *pc,
      guint32     address,
      guint32     mask,
      guint32     gateway)
{
  g_autoptr(GError) error = NULL;
  CordHostIp ip = { FALSE, address, mask, gateway, 0 };

  if (!cord_topology_set_host_ip (net->topology, pc, &ip, &error))
    g_error ("%s", error->message);
}

static guint64
total_frames (Net *net)
{
  guint64 n = 0;

  for (guint i = 0; i < cord_topology_get_n_devices (net->topology); i++)
    {
      CordDevice *device = cord_topology_get_device (net->topology, i);

      for (guint p = 0; p < device->ports->len; p++)
        {
          const CordPortCounters *c = cord_sim_port_get_counters (net->sim, device->ports->pdata[p]);

          if (c != NULL)
            n += c->out_packets;
        }
    }
  return n;
}

typedef struct {
  guint         done;
  CordPingStats stats;
} PingTally;

static void
on_done (CordPing *ping, const CordPingStats *stats, gpointer data)
{
  PingTally *tally = data;

  tally->done++;
  tally->stats.sent += stats->sent;
  tally->stats.received += stats->received;
}

static const CordPingCallbacks tally_callbacks = { .done = on_done };

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static glong
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* PC0 - S1 - S2 - … - S{n} - PC1, every switch a 2960 in VLAN 1. */
static void
bench_chain (guint switches,
             guint echoes)
{
  Net net = { 0 };
  g_autoptr(GError) error = NULL;
  CordDevice *prev = NULL, *pc0, *pc1;
  CordPingOptions options;
  PingTally tally = { 0 };
  guint64 frames_before, frames, events_before;
  gint64 start;
  double elapsed;

  net_init (&net);
  pc0 = add (&net, "PC-PT", "PC0");
  pc1 = add (&net, "PC-PT", "PC1");
  host (&net, pc0, 0x0a000001, 0xff000000, 0);
  host (&net, pc1, 0x0a000002, 0xff000000, 0);
  for (guint i = 0; i < switches; i++)
    {
      g_autofree char *name = g_strdup_printf ("S%u", i + 1);
      CordDevice *sw = add (&net, "2960-24TT", name);

      if (prev == NULL)
        cable (&net, pc0, "FastEthernet0", sw, "FastEthernet0/1");
      else
        cable (&net, prev, "GigabitEthernet0/2", sw, "GigabitEthernet0/1");
      prev = sw;
    }
  cable (&net, prev, "FastEthernet0/2", pc1, "FastEthernet0");

  /* Warm up: ARP and MAC learning, so the timed part is pure forwarding. */
  cord_ping_options_init (&options, CORD_PING_STYLE_IOS);
  options.count = 2;
  if (cord_ip_ping_start (net.sim, pc0, 0x0a000002, &options, &tally_callbacks, &tally, &error) == NULL)
    g_error ("%s", error->message);
  cord_engine_run (net.engine, G_MAXUINT64);
  if (tally.stats.received != 2)
    g_error ("the warm-up ping across %u switches failed", switches);

  /* Flood ping: the next echo leaves as soon as the reply is in. */
  memset (&tally, 0, sizeof tally);
  options.count = echoes;
  options.size = 56;
  options.interval_ns = 0;
  options.wait_for_reply = TRUE;
  frames_before = total_frames (&net);
  events_before = cord_engine_events_run (net.engine);
  if (cord_ip_ping_start (net.sim, pc0, 0x0a000002, &options, &tally_callbacks, &tally, &error) == NULL)
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  cord_engine_run (net.engine, G_MAXUINT64);
  elapsed = seconds_since (start);
  frames = total_frames (&net) - frames_before;

  printf ("forwarding: %u switches, %u echoes, %u replies\n", switches, echoes,
          tally.stats.received);
  printf ("  frame-hops:          %" G_GUINT64_FORMAT " (%" G_GUINT64_FORMAT " events)\n",
          frames, cord_engine_events_run (net.engine) - events_before);
  printf ("  wall time:           %.3f s\n", elapsed);
  printf ("  frame-hops / second: %.2f million\n", frames / elapsed / 1e6);
  if (tally.stats.received != echoes)
    g_error ("lost %u echoes", echoes - tally.stats.received);
  net_clear (&net);
}

/* Pods of a router, a switch and PCs until there are @devices devices;
 * every PC pings its gateway once, all at the same virtual instant. */
static void
bench_storm (guint devices)
{
  Net net = { 0 };
  g_autoptr(GError) error = NULL;
  const guint pcs_per_pod = 22;
  guint pods = (devices + pcs_per_pod + 1) / (pcs_per_pod + 2), n_pcs = 0;
  CordPingOptions options;
  PingTally tally = { 0 };
  glong rss_before;
  gint64 start;
  double build_time, elapsed;

  start = g_get_monotonic_time ();
  net_init (&net);
  for (guint p = 0; p < pods; p++)
    {
      g_autofree char *rname = g_strdup_printf ("R%u", p);
      g_autofree char *sname = g_strdup_printf ("S%u", p);
      CordDevice *r = add (&net, "2811", rname);
      CordDevice *s = add (&net, "2960-24TT", sname);
      guint32 net_addr = 0x0a000000 | (p + 1) << 8;

      cable (&net, r, "FastEthernet0/0", s, "GigabitEthernet0/1");
      if (!cord_ip_if_set_address (net.sim, r, "FastEthernet0/0", net_addr | 1, 0xffffff00, &error) ||
          !cord_ip_if_set_shutdown (net.sim, r, "FastEthernet0/0", FALSE, &error))
        g_error ("%s", error->message);
      for (guint i = 0; i < pcs_per_pod && cord_topology_get_n_devices (net.topology) < devices; i++)
        {
          g_autofree char *name = g_strdup_printf ("PC%u", n_pcs++);
          g_autofree char *swport = g_strdup_printf ("FastEthernet0/%u", i + 1);
          CordDevice *pc = add (&net, "PC-PT", name);

          cable (&net, s, swport, pc, "FastEthernet0");
          host (&net, pc, net_addr | (10 + i), 0xffffff00, net_addr | 1);
        }
    }
  build_time = seconds_since (start);
  rss_before = peak_rss_kb ();

  cord_ping_options_init (&options, CORD_PING_STYLE_WINDOWS);
  options.count = 1;
  start = g_get_monotonic_time ();
  for (guint i = 0; i < cord_topology_get_n_devices (net.topology); i++)
    {
      CordDevice *device = cord_topology_get_device (net.topology, i);

      if (device->model->kind == CORD_KIND_PC &&
          cord_ip_ping_start (net.sim, device, device->host.gateway, &options,
                              &tally_callbacks, &tally, &error) == NULL)
        g_error ("%s", error->message);
    }
  cord_engine_run (net.engine, G_MAXUINT64);
  elapsed = seconds_since (start);

  printf ("ping storm: %u devices (%u pods), %u PCs ping their gateway once\n",
          cord_topology_get_n_devices (net.topology), pods, n_pcs);
  printf ("  build:               %.3f s\n", build_time);
  printf ("  pings:               %.3f s wall, %u of %u answered, %" G_GUINT64_FORMAT " events\n",
          elapsed, tally.stats.received, n_pcs, cord_engine_events_run (net.engine));
  printf ("  peak RSS:            %.1f MiB (%.1f MiB after building)\n",
          peak_rss_kb () / 1024.0, rss_before / 1024.0);
  if (tally.done != n_pcs || tally.stats.received != n_pcs)
    g_error ("only %u of %u pings answered", tally.stats.received, n_pcs);
  net_clear (&net);
}

int
main (int   argc,
      char *argv[])
{
  guint switches = 100, echoes = 20000, devices = 5000;
  gboolean chain_only = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new ("— simulation benchmarks");
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "switches", 0, 0, G_OPTION_ARG_INT, &switches, "Switches in the chain (100)", "N" },
    { "echoes", 0, 0, G_OPTION_ARG_INT, &echoes, "Echoes of the flood ping (20000)", "N" },
    { "devices", 0, 0, G_OPTION_ARG_INT, &devices, "Devices of the ping storm (5000)", "N" },
    { "chain-only", 0, 0, G_OPTION_ARG_NONE, &chain_only, "Only the forwarding chain (for callgrind)", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-forward: %s\n", error->message);
      return 2;
    }
  bench_chain (switches, echoes);
  if (!chain_only)
    bench_storm (devices);
  return 0;
}
