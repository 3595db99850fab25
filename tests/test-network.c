/* SPDX-License-Identifier: GPL-3.0-or-later */
/* End-to-end tests: real frames through hubs, switches, VLANs, trunks and routers, pinged on virtual time. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ip.h"
#include "lab.h"
#include "net-util.h"
#include "sim.h"
#include "switching.h"
#include "test-util.h"

static void
access_port (Net        *net,
             const char *sw,
             const char *p,
             guint       vlan)
{
  g_autoptr(GError) error = NULL;
  gboolean created;

  ck_assert (cord_switch_port_set_mode (net->sim, dev_port (net, sw, p), CORD_SWITCHPORT_ACCESS, &error));
  ck_assert_msg (cord_switch_port_set_access_vlan (net->sim, dev_port (net, sw, p), vlan, &created, &error),
                 "%s", error ? error->message : "");
}

static void
trunk_port (Net        *net,
            const char *sw,
            const char *p)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_switch_port_set_mode (net->sim, dev_port (net, sw, p), CORD_SWITCHPORT_TRUNK, &error),
                 "%s", error ? error->message : "");
}

/* Pings and runs virtual time until the ping is over; returns the marks. */
static char *
ping (Net        *net,
      const char *from,
      const char *to,
      guint       count)
{
  g_auto(PingLog) log = { 0 };

  ping_run (net, &log, from, to, count);
  return g_strdup (log.marks->str);
}

static void
assert_ping (Net        *net,
             const char *from,
             const char *to,
             guint       count,
             const char *expected)
{
  g_autofree char *marks = ping (net, from, to, count);

  ck_assert_msg (strcmp (marks, expected) == 0, "ping %s -> %s: expected %s, got %s",
                 from, to, expected, marks);
}

/* Frames seen on wires, for checks of what crossed where. */
typedef struct {
  CordPort *to;
  GBytes   *bytes;
} Seen;

static void
on_frame (CordSim *sim, const CordSimFrameEvent *event, gpointer data)
{
  GArray *seen = data;
  Seen s = { event->to, g_bytes_new (event->frame->data, event->frame->len) };

  g_array_append_val (seen, s);
}

static void
seen_clear (Seen *s)
{
  g_bytes_unref (s->bytes);
}

static GArray *
watch_frames (Net *net)
{
  GArray *seen = g_array_new (FALSE, TRUE, sizeof (Seen));

  g_array_set_clear_func (seen, (GDestroyNotify) seen_clear);
  cord_sim_set_frame_hook (net->sim, on_frame, seen);
  return seen;
}

START_TEST (test_hub)
{
  g_auto(Net) net = { 0 };

  net_init (&net);
  add (&net, "Hub-PT", "Hub0");
  host (&net, "PC-PT", "PC0", "192.168.1.10", "255.255.255.0", NULL);
  host (&net, "PC-PT", "PC1", "192.168.1.11", "255.255.255.0", NULL);
  cable (&net, "Hub0", "FastEthernet0", "PC0", "FastEthernet0");
  cable (&net, "Hub0", "FastEthernet1", "PC1", "FastEthernet0");
  /* Same subnet: the PC holds the echo while ARP resolves, so none is lost. */
  assert_ping (&net, "PC0", "192.168.1.11", 4, "!!!!");
  assert_ping (&net, "PC1", "192.168.1.10", 4, "!!!!");
  assert_ping (&net, "PC0", "192.168.1.99", 2, "uu");
}
END_TEST

START_TEST (test_switch)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GArray) table = NULL;
  guint found = 0;

  net_init (&net);
  add (&net, "2960-24TT", "S1");
  host (&net, "PC-PT", "PC0", "192.168.1.10", "255.255.255.0", NULL);
  host (&net, "PC-PT", "PC1", "192.168.1.11", "255.255.255.0", NULL);
  cable (&net, "S1", "FastEthernet0/1", "PC0", "FastEthernet0");
  cable (&net, "S1", "FastEthernet0/2", "PC1", "FastEthernet0");
  assert_ping (&net, "PC0", "192.168.1.11", 4, "!!!!");

  /* The switch learned both PCs on their ports in VLAN 1. */
  table = cord_switch_get_mac_table (net.sim, dev (&net, "S1"));
  for (guint i = 0; i < table->len; i++)
    {
      CordMacEntry *e = &g_array_index (table, CordMacEntry, i);
      CordMac pc0, pc1;

      cord_mac_to_bytes (dev_port (&net, "PC0", "FastEthernet0")->mac, pc0.b);
      cord_mac_to_bytes (dev_port (&net, "PC1", "FastEthernet0")->mac, pc1.b);
      ck_assert_uint_eq (e->vid, 1);
      if (cord_frame_mac_equal (&e->mac, &pc0))
        {
          ck_assert_ptr_eq (e->port, dev_port (&net, "S1", "FastEthernet0/1"));
          found++;
        }
      if (cord_frame_mac_equal (&e->mac, &pc1))
        {
          ck_assert_ptr_eq (e->port, dev_port (&net, "S1", "FastEthernet0/2"));
          found++;
        }
    }
  ck_assert_uint_eq (found, 2);
}
END_TEST

START_TEST (test_vlans_isolated)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GArray) seen = NULL;
  CordPort *pc2_port;

  net_init (&net);
  add (&net, "2960-24TT", "S1");
  host (&net, "PC-PT", "PC0", "10.0.0.1", "255.0.0.0", NULL);
  host (&net, "PC-PT", "PC1", "10.0.0.2", "255.0.0.0", NULL);
  host (&net, "PC-PT", "PC2", "10.0.0.3", "255.0.0.0", NULL);
  cable (&net, "S1", "FastEthernet0/1", "PC0", "FastEthernet0");
  cable (&net, "S1", "FastEthernet0/2", "PC1", "FastEthernet0");
  cable (&net, "S1", "FastEthernet0/3", "PC2", "FastEthernet0");
  access_port (&net, "S1", "FastEthernet0/1", 10);
  access_port (&net, "S1", "FastEthernet0/2", 10);
  access_port (&net, "S1", "FastEthernet0/3", 20);
  seen = watch_frames (&net);

  assert_ping (&net, "PC0", "10.0.0.2", 4, "!!!!");
  /* Same subnet, other VLAN: ARP never gets an answer. */
  {
    g_autofree char *marks = ping (&net, "PC0", "10.0.0.3", 4);

    ck_assert_msg (strchr (marks, '!') == NULL, "VLAN 20 answered: %s", marks);
  }
  /* Not one frame reached PC2. */
  pc2_port = dev_port (&net, "PC2", "FastEthernet0");
  for (guint i = 0; i < seen->len; i++)
    ck_assert_ptr_ne (g_array_index (seen, Seen, i).to, pc2_port);
}
END_TEST

START_TEST (test_trunk)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GArray) seen = NULL;
  g_autoptr(GError) error = NULL;
  guint tagged10 = 0, tagged20 = 0, untagged = 0;

  net_init (&net);
  add (&net, "2960-24TT", "S1");
  add (&net, "2960-24TT", "S2");
  host (&net, "PC-PT", "PC0", "10.0.0.1", "255.0.0.0", NULL);
  host (&net, "PC-PT", "PC1", "10.0.0.2", "255.0.0.0", NULL);
  host (&net, "PC-PT", "PC2", "10.0.0.3", "255.0.0.0", NULL);
  host (&net, "PC-PT", "PC3", "10.0.0.4", "255.0.0.0", NULL);
  cable (&net, "S1", "GigabitEthernet0/1", "S2", "GigabitEthernet0/1");
  cable (&net, "S1", "FastEthernet0/1", "PC0", "FastEthernet0");
  cable (&net, "S1", "FastEthernet0/2", "PC1", "FastEthernet0");
  cable (&net, "S2", "FastEthernet0/1", "PC2", "FastEthernet0");
  cable (&net, "S2", "FastEthernet0/2", "PC3", "FastEthernet0");
  access_port (&net, "S1", "FastEthernet0/1", 10);
  access_port (&net, "S1", "FastEthernet0/2", 20);
  access_port (&net, "S2", "FastEthernet0/1", 10);
  access_port (&net, "S2", "FastEthernet0/2", 20);
  trunk_port (&net, "S1", "GigabitEthernet0/1");
  trunk_port (&net, "S2", "GigabitEthernet0/1");
  seen = watch_frames (&net);

  assert_ping (&net, "PC0", "10.0.0.3", 4, "!!!!");
  assert_ping (&net, "PC1", "10.0.0.4", 4, "!!!!");
  {
    g_autofree char *marks = ping (&net, "PC0", "10.0.0.4", 2);

    ck_assert_msg (strchr (marks, '!') == NULL, "VLAN 10 reached VLAN 20: %s", marks);
  }
  /* On the trunk, every frame carries its VLAN's tag. */
  for (guint i = 0; i < seen->len; i++)
    {
      Seen *s = &g_array_index (seen, Seen, i);
      const guint8 *d = g_bytes_get_data (s->bytes, NULL);

      if (s->to != dev_port (&net, "S2", "GigabitEthernet0/1") &&
          s->to != dev_port (&net, "S1", "GigabitEthernet0/1"))
        continue;
      if (d[12] == 0x81 && d[13] == 0x00)
        {
          guint vid = ((d[14] << 8) | d[15]) & 0xfff;

          ck_assert (vid == 10 || vid == 20);
          if (vid == 10)
            tagged10++;
          else
            tagged20++;
        }
      else
        untagged++;
    }
  ck_assert_uint_gt (tagged10, 8);
  ck_assert_uint_gt (tagged20, 8);
  ck_assert_uint_eq (untagged, 0);

  /* Take VLAN 20 off the trunk: PC1 and PC3 lose each other. */
  {
    guint8 only10[CORD_VLAN_BITMAP_BYTES] = { 0 };

    cord_vlan_bitmap_set_range (only10, 10, 10);
    ck_assert (cord_switch_port_set_allowed (net.sim, dev_port (&net, "S1", "GigabitEthernet0/1"), only10, &error));
    cord_engine_run_for (net.engine, 301 * CORD_ENGINE_NS_PER_SEC);
    {
      g_autofree char *marks = ping (&net, "PC1", "10.0.0.4", 2);

      ck_assert_msg (strchr (marks, '!') == NULL, "VLAN 20 crossed: %s", marks);
    }
    assert_ping (&net, "PC0", "10.0.0.3", 2, "!!");
  }
}
END_TEST

/* The seed lab: three 2960s with PCs in VLANs 10 and 20, trunks to S1 and
 * an 1841 doing router-on-a-stick. */
static void
build_seed_lab (Net *net)
{
  static const char *switches[] = { "S1", "S2", "S3" };

  net_init (net);
  add (net, "1841", "R1");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *pc10 = g_strdup_printf ("PC%u", i * 2);
      g_autofree char *pc20 = g_strdup_printf ("PC%u", i * 2 + 1);
      g_autofree char *a10 = g_strdup_printf ("10.0.0.%u", 11 + i);
      g_autofree char *a20 = g_strdup_printf ("20.0.0.%u", 11 + i);

      add (net, "2960-24TT", switches[i]);
      host (net, "PC-PT", pc10, a10, "255.0.0.0", "10.0.0.1");
      host (net, "PC-PT", pc20, a20, "255.0.0.0", "20.0.0.1");
      cable (net, switches[i], "FastEthernet0/1", pc10, "FastEthernet0");
      cable (net, switches[i], "FastEthernet0/2", pc20, "FastEthernet0");
      access_port (net, switches[i], "FastEthernet0/1", 10);
      access_port (net, switches[i], "FastEthernet0/2", 20);
    }
  cable (net, "S1", "GigabitEthernet0/1", "S2", "GigabitEthernet0/1");
  cable (net, "S1", "GigabitEthernet0/2", "S3", "GigabitEthernet0/1");
  cable (net, "S1", "FastEthernet0/24", "R1", "FastEthernet0/0");
  trunk_port (net, "S1", "GigabitEthernet0/1");
  trunk_port (net, "S1", "GigabitEthernet0/2");
  trunk_port (net, "S1", "FastEthernet0/24");
  trunk_port (net, "S2", "GigabitEthernet0/1");
  trunk_port (net, "S3", "GigabitEthernet0/1");
  router_if (net, "R1", "FastEthernet0/0", NULL, NULL);
  router_if (net, "R1", "FastEthernet0/0.10", NULL, NULL);
  router_if (net, "R1", "FastEthernet0/0.20", NULL, NULL);
  {
    g_autoptr(GError) error = NULL;

    ck_assert (cord_ip_if_set_encapsulation (net->sim, dev (net, "R1"), "FastEthernet0/0.10", 10, FALSE, &error));
    ck_assert (cord_ip_if_set_encapsulation (net->sim, dev (net, "R1"), "FastEthernet0/0.20", 20, FALSE, &error));
  }
  router_if (net, "R1", "FastEthernet0/0.10", "10.0.0.1", "255.0.0.0");
  router_if (net, "R1", "FastEthernet0/0.20", "20.0.0.1", "255.0.0.0");
}

START_TEST (test_router_on_a_stick)
{
  g_auto(Net) net = { 0 };
  static const char *addresses[] = {
    "10.0.0.11", "20.0.0.11", "10.0.0.12", "20.0.0.12", "10.0.0.13", "20.0.0.13",
  };

  build_seed_lab (&net);
  /* The first echo across the router is lost while the router resolves
   * the far PC's address, exactly as on real gear. */
  assert_ping (&net, "PC0", "20.0.0.12", 4, ".!!!");
  assert_ping (&net, "PC0", "20.0.0.12", 4, "!!!!");

  /* Every PC reaches every other PC, within and across VLANs. */
  for (guint a = 0; a < 6; a++)
    for (guint b = 0; b < 6; b++)
      {
        g_autofree char *from = g_strdup_printf ("PC%u", a);
        g_autofree char *marks = NULL;

        if (a == b)
          continue;
        marks = ping (&net, from, addresses[b], 4);
        /* Only a first crossing of the router may lose its first echo. */
        ck_assert_msg (strcmp (marks, "!!!!") == 0 || strcmp (marks, ".!!!") == 0,
                       "%s -> %s: %s", from, addresses[b], marks);
      }
  for (guint a = 0; a < 6; a++)
    for (guint b = 0; b < 6; b++)
      if (a != b)
        {
          g_autofree char *from = g_strdup_printf ("PC%u", a);

          assert_ping (&net, from, addresses[b], 2, "!!");
        }
  /* The router pings too, IOS-style. */
  assert_ping (&net, "R1", "10.0.0.13", 5, "!!!!!");
}
END_TEST

/* PC0 - R1 ==serial== R2 - PC1 */
static void
build_two_routers (Net *net)
{
  g_autoptr(GError) error = NULL;

  net_init (net);
  add (net, "1841", "R1");
  add (net, "1841", "R2");
  host (net, "PC-PT", "PC0", "192.168.1.10", "255.255.255.0", "192.168.1.1");
  host (net, "PC-PT", "PC1", "192.168.2.10", "255.255.255.0", "192.168.2.1");
  for (guint i = 0; i < 2; i++)
    {
      CordDevice *r = dev (net, i == 0 ? "R1" : "R2");

      ck_assert (cord_topology_set_power (net->topology, r, FALSE, &error));
      ck_assert (cord_topology_insert_module (net->topology, r, "0/0", "WIC-2T", &error));
      ck_assert (cord_topology_set_power (net->topology, r, TRUE, &error));
    }
  cable (net, "R1", "Serial0/0/0", "R2", "Serial0/0/0");
  cable (net, "R1", "FastEthernet0/0", "PC0", "FastEthernet0");
  cable (net, "R2", "FastEthernet0/0", "PC1", "FastEthernet0");
  router_if (net, "R1", "FastEthernet0/0", "192.168.1.1", "255.255.255.0");
  router_if (net, "R1", "Serial0/0/0", "10.1.1.1", "255.255.255.252");
  router_if (net, "R2", "FastEthernet0/0", "192.168.2.1", "255.255.255.0");
  router_if (net, "R2", "Serial0/0/0", "10.1.1.2", "255.255.255.252");
  ck_assert (cord_ip_route_add (net->sim, dev (net, "R1"), ip4 ("192.168.2.0"), ip4 ("255.255.255.0"),
                                ip4 ("10.1.1.2"), NULL, 0, &error));
  ck_assert (cord_ip_route_add (net->sim, dev (net, "R2"), ip4 ("192.168.1.0"), ip4 ("255.255.255.0"),
                                ip4 ("10.1.1.1"), NULL, 0, &error));
}

START_TEST (test_static_routes)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GArray) routes = NULL;
  gboolean found = FALSE;

  build_two_routers (&net);
  assert_ping (&net, "PC0", "192.168.2.10", 4, ".!!!");
  assert_ping (&net, "PC1", "192.168.1.10", 4, "!!!!");
  assert_ping (&net, "R1", "192.168.2.10", 5, "!!!!!");

  routes = cord_ip_get_routes (net.sim, dev (&net, "R1"));
  for (guint i = 0; i < routes->len; i++)
    {
      CordRouteInfo *r = &g_array_index (routes, CordRouteInfo, i);

      if (r->type == CORD_ROUTE_STATIC && r->prefix == ip4 ("192.168.2.0"))
        {
          ck_assert_uint_eq (r->nexthop, ip4 ("10.1.1.2"));
          ck_assert_uint_eq (r->distance, 1);
          found = TRUE;
        }
    }
  ck_assert (found);
  /* Without R2's route back, replies have nowhere to go. */
  {
    g_autoptr(GError) error = NULL;

    ck_assert (cord_ip_route_remove (net.sim, dev (&net, "R2"), ip4 ("192.168.1.0"),
                                     ip4 ("255.255.255.0"), ip4 ("10.1.1.1"), NULL, &error));
    assert_ping (&net, "PC0", "192.168.2.10", 2, "..");
  }
}
END_TEST

START_TEST (test_ttl_expiry)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };

  build_two_routers (&net);
  assert_ping (&net, "PC0", "192.168.2.10", 4, ".!!!");
  ping_start (&net, &log, "PC0", "192.168.2.10", 2, 1);
  cord_engine_run_for (net.engine, 20 * CORD_ENGINE_NS_PER_SEC);
  ck_assert (log.done);
  ck_assert_str_eq (log.marks->str, "&&");
  ck_assert_uint_eq (log.last_from, ip4 ("192.168.1.1"));
  ck_assert_uint_eq (log.stats.ttl_expired, 2);
  /* TTL 2 dies at R2, which answers from the interface it goes out of. */
  ping_start (&net, &log, "PC0", "192.168.2.10", 1, 2);
  cord_engine_run_for (net.engine, 20 * CORD_ENGINE_NS_PER_SEC);
  ck_assert_str_eq (log.marks->str, "&");
  ck_assert_uint_eq (log.last_from, ip4 ("10.1.1.2"));
  /* An address no router knows gets an unreachable from R1. */
  assert_ping (&net, "PC0", "172.16.0.1", 2, "UU");
}
END_TEST

START_TEST (test_unplug_mid_ping)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(PingLog) log = { 0 };
  CordLink *link;

  net_init (&net);
  add (&net, "2960-24TT", "S1");
  host (&net, "PC-PT", "PC0", "192.168.1.10", "255.255.255.0", NULL);
  host (&net, "PC-PT", "PC1", "192.168.1.11", "255.255.255.0", NULL);
  cable (&net, "S1", "FastEthernet0/1", "PC0", "FastEthernet0");
  cable (&net, "S1", "FastEthernet0/2", "PC1", "FastEthernet0");
  ping_start (&net, &log, "PC0", "192.168.1.11", 8, 0);
  /* Echoes leave at 0, 1 and 2 s; the cable goes at 2.5 s. */
  cord_engine_run_for (net.engine, 2500 * CORD_ENGINE_NS_PER_MS);
  ck_assert_str_eq (log.marks->str, "!!!");
  link = dev_port (&net, "PC1", "FastEthernet0")->link;
  ck_assert (cord_topology_disconnect (net.topology, link, &error));
  cord_engine_run_for (net.engine, 10 * CORD_ENGINE_NS_PER_SEC);
  ck_assert_msg (g_str_has_prefix (log.marks->str, "!!!."), "%s", log.marks->str);
  ck_assert (!cord_sim_port_is_up (net.sim, dev_port (&net, "S1", "FastEthernet0/2")));
  /* Plug it back in: the rest are answered again. */
  ck_assert (cord_topology_undo (net.topology, &error));
  for (guint i = 0; i < 60 && !log.done; i++)
    cord_engine_run_for (net.engine, CORD_ENGINE_NS_PER_SEC);
  ck_assert (log.done);
  ck_assert_msg (g_str_has_suffix (log.marks->str, "!"), "%s", log.marks->str);
  ck_assert_uint_ge (log.stats.timeouts, 1);
  ck_assert_uint_ge (log.stats.received, 4);
}
END_TEST

START_TEST (test_switch_power_off)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(PingLog) log = { 0 };

  net_init (&net);
  add (&net, "2960-24TT", "S1");
  host (&net, "PC-PT", "PC0", "192.168.1.10", "255.255.255.0", NULL);
  host (&net, "PC-PT", "PC1", "192.168.1.11", "255.255.255.0", NULL);
  cable (&net, "S1", "FastEthernet0/1", "PC0", "FastEthernet0");
  cable (&net, "S1", "FastEthernet0/2", "PC1", "FastEthernet0");
  assert_ping (&net, "PC0", "192.168.1.11", 2, "!!");

  ck_assert (cord_topology_set_power (net.topology, dev (&net, "S1"), FALSE, &error));
  ck_assert (!cord_sim_port_is_up (net.sim, dev_port (&net, "PC0", "FastEthernet0")));
  ck_assert_int_eq (dev_port (&net, "PC0", "FastEthernet0")->link->state, CORD_LINK_DOWN);
  ping_start (&net, &log, "PC0", "192.168.1.11", 2, 0);
  for (guint i = 0; i < 30 && !log.done; i++)
    cord_engine_run_for (net.engine, CORD_ENGINE_NS_PER_SEC);
  ck_assert (log.done);
  ck_assert_uint_eq (log.stats.received, 0);
  /* The MAC table went with the power. */
  {
    g_autoptr(GArray) table = cord_switch_get_mac_table (net.sim, dev (&net, "S1"));

    ck_assert_uint_eq (table->len, 0);
  }
  ck_assert (cord_topology_set_power (net.topology, dev (&net, "S1"), TRUE, &error));
  assert_ping (&net, "PC0", "192.168.1.11", 2, "!!");
}
END_TEST

START_TEST (test_capture_dissects)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cord-net-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "trunk.pcap", NULL);
  g_autofree char *tshark = g_find_program_in_path ("tshark");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  build_seed_lab (&net);
  ck_assert (cord_sim_capture_start (net.sim, dev_port (&net, "R1", "FastEthernet0/0"), path, &error));
  assert_ping (&net, "PC0", "20.0.0.12", 4, ".!!!");
  ck_assert (cord_sim_capture_stop (net.sim, dev_port (&net, "R1", "FastEthernet0/0"), &error));

  ck_assert_msg (tshark != NULL, "tshark is needed (Debian package tshark)");
  {
    const char *argv[] = { tshark, "-r", path, "-V", "-o", "ip.check_checksum:TRUE",
                           "-o", "udp.check_checksum:TRUE", NULL };

    ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                             &out, &err, &status, &error));
  }
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "tshark failed: %s", err);
  ck_assert_ptr_nonnull (strstr (out, "802.1Q Virtual LAN"));
  ck_assert_ptr_nonnull (strstr (out, "ID: 10"));
  ck_assert_ptr_nonnull (strstr (out, "ID: 20"));
  ck_assert_ptr_nonnull (strstr (out, "Echo (ping) request"));
  ck_assert_ptr_nonnull (strstr (out, "Echo (ping) reply"));
  ck_assert_ptr_nonnull (strstr (out, "Address Resolution Protocol (request)"));
  ck_assert_ptr_nonnull (strstr (out, "Header checksum status: Good"));
  ck_assert_msg (strstr (out, "Malformed") == NULL, "tshark found a malformed frame");
  ck_assert_msg (strstr (out, "[Checksum Status: Bad]") == NULL, "a bad checksum");
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

static Suite *
network_suite (void)
{
  Suite *suite = suite_create ("network");
  TCase *l2 = tcase_create ("layer2");
  TCase *l3 = tcase_create ("layer3");
  TCase *events = tcase_create ("events");

  tcase_set_timeout (l3, 60);
  tcase_add_test (l2, test_hub);
  tcase_add_test (l2, test_switch);
  tcase_add_test (l2, test_vlans_isolated);
  tcase_add_test (l2, test_trunk);
  tcase_add_test (l3, test_router_on_a_stick);
  tcase_add_test (l3, test_static_routes);
  tcase_add_test (l3, test_ttl_expiry);
  tcase_add_test (events, test_unplug_mid_ping);
  tcase_add_test (events, test_switch_power_off);
  tcase_add_test (events, test_capture_dissects);
  suite_add_tcase (suite, l2);
  suite_add_tcase (suite, l3);
  suite_add_tcase (suite, events);
  return suite;
}

int
main (void)
{
  return cord_test_run (network_suite ());
}
