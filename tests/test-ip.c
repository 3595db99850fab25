/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the IPv4 stack: ARP, forwarding, ICMP, ping, traceroute and subinterfaces on virtual time. */
#include "config.h"

#include <string.h>

#include "cord-error.h"
#include "ip.h"
#include "sim.h"
#include "test-util.h"

#define SEC CORD_ENGINE_NS_PER_SEC

#define ck_assert_error(err, dom, num)                                              \
  ck_assert_msg ((err) != NULL && (err)->domain == (dom) && (err)->code == (num),   \
                 "expected error %d, got %s", (int) (num), (err) ? (err)->message : "none")

/* One frame seen on a wire, copied. */
typedef struct {
  guint64    time;
  guint64    arrival;
  CordPort  *from;
  CordPort  *to;
  CordFrame *frame;
} Seen;

#define NET_EXTRA_FIELDS                                                      \
  GArray       *seen;       /* Seen */                                        \
  GPtrArray    *if_events;  /* "IFNAME up|down" from the interface hook */
#include "net-util.h"

static void
seen_clear (gpointer data)
{
  cord_frame_unref (((Seen *) data)->frame);
}

static void
on_frame (CordSim                 *sim,
          const CordSimFrameEvent *event,
          gpointer                 data)
{
  Net *net = data;
  Seen seen = { event->time, event->arrival, event->from, event->to,
                cord_frame_new_copy (event->frame->data, event->frame->len) };

  g_array_append_val (net->seen, seen);
}

static void
net_init (Net *net)
{
  net_init_sim (net);
  net->seen = g_array_new (FALSE, TRUE, sizeof (Seen));
  g_array_set_clear_func (net->seen, seen_clear);
  net->if_events = g_ptr_array_new_with_free_func (g_free);
  cord_sim_set_frame_hook (net->sim, on_frame, net);
}

static void
net_clear (Net *net)
{
  net_clear_sim (net);
  g_clear_pointer (&net->seen, g_array_unref);
  g_clear_pointer (&net->if_events, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Net, net_clear)

static void
route (Net        *net,
       const char *router,
       const char *prefix,
       const char *mask,
       const char *nexthop,
       const char *ifname)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_ip_route_add (net->sim, dev (net, router), ip4 (prefix), ip4 (mask),
                                    nexthop ? ip4 (nexthop) : 0, ifname, 0, &error),
                 "%s", error ? error->message : "");
}

static void
run (Net     *net,
     guint64  ns)
{
  cord_engine_run_for (net->engine, ns);
}

static guint64
mac_of (CordFrame *frame,
        gsize      offset)
{
  guint64 mac = 0;

  for (gsize i = 0; i < 6; i++)
    mac = mac << 8 | frame->data[offset + i];
  return mac;
}

static void
assert_ping (Net        *net,
             const char *from,
             const char *to,
             guint       count,
             const char *expected)
{
  g_auto(PingLog) log = { 0 };

  ping_run (net, &log, from, to, count);
  ck_assert_msg (strcmp (log.marks->str, expected) == 0, "ping %s -> %s: expected %s, got %s",
                 from, to, expected, log.marks->str);
}

/* ---- Labs ------------------------------------------------------------------ */

/* PC0 -- R1 -- PC1 across two subnets, cross-over cables. */
static void
lab_one_router (Net *net)
{
  host (net, "PC-PT", "PC0", "192.168.1.10", "255.255.255.0", "192.168.1.1");
  host (net, "PC-PT", "PC1", "192.168.2.10", "255.255.255.0", "192.168.2.1");
  add (net, "1841", "R1");
  wire (net, "PC0", "FastEthernet0", "R1", "FastEthernet0/0", CORD_CABLE_CROSS);
  wire (net, "PC1", "FastEthernet0", "R1", "FastEthernet0/1", CORD_CABLE_CROSS);
  router_if (net, "R1", "FastEthernet0/0", "192.168.1.1", "255.255.255.0");
  router_if (net, "R1", "FastEthernet0/1", "192.168.2.1", "255.255.255.0");
}

/* PC0 -- R1 == R2 -- PC1, the routers joined by Ethernet or by a serial
 * line (R1 DCE), with static routes both ways. */
static void
lab_two_routers (Net      *net,
                 gboolean  serial)
{
  g_autoptr(GError) error = NULL;
  const char *link = serial ? "Serial0/0/0" : "FastEthernet0/1";

  host (net, "PC-PT", "PC0", "192.168.1.10", "255.255.255.0", "192.168.1.1");
  host (net, "PC-PT", "PC1", "192.168.2.10", "255.255.255.0", "192.168.2.1");
  add (net, "1841", "R1");
  add (net, "1841", "R2");
  if (serial)
    for (guint i = 0; i < 2; i++)
      {
        CordDevice *r = dev (net, i == 0 ? "R1" : "R2");

        ck_assert (cord_topology_set_power (net->topology, r, FALSE, &error));
        ck_assert_msg (cord_topology_insert_module (net->topology, r, "0/0", "WIC-2T", &error),
                       "%s", error ? error->message : "");
        ck_assert (cord_topology_set_power (net->topology, r, TRUE, &error));
      }
  wire (net, "PC0", "FastEthernet0", "R1", "FastEthernet0/0", CORD_CABLE_CROSS);
  wire (net, "R1", link, "R2", link, serial ? CORD_CABLE_SERIAL_DCE : CORD_CABLE_CROSS);
  wire (net, "R2", "FastEthernet0/0", "PC1", "FastEthernet0", CORD_CABLE_CROSS);
  router_if (net, "R1", "FastEthernet0/0", "192.168.1.1", "255.255.255.0");
  router_if (net, "R1", link, "10.0.0.1", "255.255.255.252");
  router_if (net, "R2", link, "10.0.0.2", "255.255.255.252");
  router_if (net, "R2", "FastEthernet0/0", "192.168.2.1", "255.255.255.0");
  route (net, "R1", "192.168.2.0", "255.255.255.0", "10.0.0.2", NULL);
  /* R2 names its exit interface on the serial line, its next hop on
   * Ethernet. */
  if (serial)
    route (net, "R2", "192.168.1.0", "255.255.255.0", NULL, link);
  else
    route (net, "R2", "192.168.1.0", "255.255.255.0", "10.0.0.1", NULL);
}

/* ---- Tests ------------------------------------------------------------------- */

START_TEST (test_pc_ping_pc)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };
  CordPort *p0, *p1;
  guint n_requests = 0;
  /* 32 data bytes: 14 + 20 + 8 + 32 = 74 bytes, plus 24 of preamble, FCS
   * and gap, at 100 Mb/s, plus 500 ns of cable. */
  const guint64 one_way = (74 + 24) * 8 * 10 + 500;

  net_init (&net);
  host (&net, "PC-PT", "PC0", "10.0.0.1", "255.255.255.0", NULL);
  host (&net, "PC-PT", "PC1", "10.0.0.2", "255.255.255.0", NULL);
  wire (&net, "PC0", "FastEthernet0", "PC1", "FastEthernet0", CORD_CABLE_CROSS);
  p0 = dev_port (&net, "PC0", "FastEthernet0");
  p1 = dev_port (&net, "PC1", "FastEthernet0");

  ping_run (&net, &log, "PC0", "10.0.0.2", 4);
  ck_assert_str_eq (log.marks->str, "!!!!");
  ck_assert_uint_eq (log.stats.received, 4);
  ck_assert_uint_eq (log.last_ttl, 128);
  ck_assert_uint_eq (log.last_bytes, 32);
  ck_assert_uint_eq (log.last_from, ip4 ("10.0.0.2"));
  ck_assert (!log.stats.cancelled);

  /* Every echo after the first: exactly the two wire crossings, as the
   * frame hook saw them; the first also waited for ARP. */
  for (guint i = 0; i < net.seen->len; i++)
    {
      Seen *req = &g_array_index (net.seen, Seen, i);

      if (req->from != p0 || req->frame->len != 74 || req->frame->data[34] != 8)
        continue;
      for (guint j = i + 1; j < net.seen->len; j++)
        {
          Seen *rep = &g_array_index (net.seen, Seen, j);

          if (rep->from == p1 && rep->frame->len == 74 && rep->frame->data[34] == 0)
            {
              guint64 rtt = g_array_index (log.rtts, guint64, n_requests);

              ck_assert_uint_eq (rep->time, req->arrival);
              if (n_requests > 0)
                {
                  ck_assert_uint_eq (req->time, n_requests * SEC);
                  ck_assert_uint_eq (rtt, rep->arrival - req->time);
                  ck_assert_uint_eq (rtt, 2 * one_way);
                }
              else
                ck_assert_uint_gt (rtt, 2 * one_way);
              break;
            }
        }
      n_requests++;
    }
  ck_assert_uint_eq (n_requests, 4);
  ck_assert_uint_eq (log.stats.min_rtt_ns, 2 * one_way);
  ck_assert_uint_eq (log.stats.max_rtt_ns, g_array_index (log.rtts, guint64, 0));
  ck_assert_uint_eq (log.stats.avg_rtt_ns,
                     (g_array_index (log.rtts, guint64, 0) + 3 * 2 * one_way) / 4);
  /* Windows paces one echo a second and ends with the last reply. */
  ck_assert_uint_eq (log.done_at, 3 * SEC + 2 * one_way);
}
END_TEST

START_TEST (test_arp_frames)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GArray) arp0 = NULL;
  g_autoptr(GArray) arp1 = NULL;
  CordPort *p0, *p1;
  Seen *req, *rep;
  guint8 expect[60] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0x08, 0x06,
                        0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x01 };

  net_init (&net);
  host (&net, "PC-PT", "PC0", "10.0.0.1", "255.255.255.0", NULL);
  host (&net, "PC-PT", "PC1", "10.0.0.2", "255.255.255.0", NULL);
  wire (&net, "PC0", "FastEthernet0", "PC1", "FastEthernet0", CORD_CABLE_CROSS);
  p0 = dev_port (&net, "PC0", "FastEthernet0");
  p1 = dev_port (&net, "PC1", "FastEthernet0");
  assert_ping (&net, "PC0", "10.0.0.2", 1, "!");

  ck_assert_uint_ge (net.seen->len, 4);
  req = &g_array_index (net.seen, Seen, 0);
  rep = &g_array_index (net.seen, Seen, 1);

  /* The request, byte for byte: broadcast, sender PC0, target 10.0.0.2
   * with a zero MAC, padded to 60 bytes. */
  cord_mac_to_bytes (p0->mac, expect + 6);
  cord_mac_to_bytes (p0->mac, expect + 22);
  expect[28] = 10; expect[29] = 0; expect[30] = 0; expect[31] = 1;
  expect[38] = 10; expect[39] = 0; expect[40] = 0; expect[41] = 2;
  ck_assert_ptr_eq (req->from, p0);
  ck_assert_uint_eq (req->frame->len, 60);
  ck_assert_mem_eq (req->frame->data, expect, 60);

  /* The reply: unicast back, the fields swapped, PC1's MAC as sender. */
  memset (expect, 0, sizeof expect);
  cord_mac_to_bytes (p0->mac, expect);
  cord_mac_to_bytes (p1->mac, expect + 6);
  expect[12] = 0x08; expect[13] = 0x06;
  expect[14] = 0x00; expect[15] = 0x01; expect[16] = 0x08; expect[17] = 0x00;
  expect[18] = 6; expect[19] = 4; expect[20] = 0x00; expect[21] = 0x02;
  cord_mac_to_bytes (p1->mac, expect + 22);
  expect[28] = 10; expect[29] = 0; expect[30] = 0; expect[31] = 2;
  cord_mac_to_bytes (p0->mac, expect + 32);
  expect[38] = 10; expect[39] = 0; expect[40] = 0; expect[41] = 1;
  ck_assert_ptr_eq (rep->from, p1);
  ck_assert_uint_eq (rep->frame->len, 60);
  ck_assert_mem_eq (rep->frame->data, expect, 60);
  /* The echo left when the reply arrived. */
  ck_assert_uint_eq (g_array_index (net.seen, Seen, 2).time, rep->arrival);

  /* Both learned: PC0 from the reply, PC1 from the request for it. */
  arp0 = cord_ip_get_arp (net.sim, dev (&net, "PC0"));
  arp1 = cord_ip_get_arp (net.sim, dev (&net, "PC1"));
  ck_assert_uint_eq (arp0->len, 1);
  ck_assert_uint_eq (arp1->len, 1);
  ck_assert_uint_eq (g_array_index (arp0, CordArpInfo, 0).address, ip4 ("10.0.0.2"));
  ck_assert_uint_eq (g_array_index (arp0, CordArpInfo, 0).mac, p1->mac);
  ck_assert_str_eq (g_array_index (arp0, CordArpInfo, 0).ifname, "FastEthernet0");
  ck_assert (!g_array_index (arp0, CordArpInfo, 0).is_local);
  ck_assert_uint_eq (g_array_index (arp1, CordArpInfo, 0).address, ip4 ("10.0.0.1"));
  ck_assert_uint_eq (g_array_index (arp1, CordArpInfo, 0).mac, p0->mac);

  /* A second ping needs no ARP; the entries age out after 300 s. */
  g_array_set_size (net.seen, 0);
  assert_ping (&net, "PC0", "10.0.0.2", 1, "!");
  ck_assert_uint_eq (net.seen->len, 2);
  run (&net, 301 * SEC);
  g_clear_pointer (&arp0, g_array_unref);
  arp0 = cord_ip_get_arp (net.sim, dev (&net, "PC0"));
  ck_assert_uint_eq (arp0->len, 0);
}
END_TEST

START_TEST (test_host_arp_failure)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };
  guint requests = 0;

  net_init (&net);
  host (&net, "PC-PT", "PC0", "10.0.0.1", "255.255.255.0", "10.0.0.254");
  host (&net, "PC-PT", "PC1", "10.0.0.2", "255.255.255.0", NULL);
  wire (&net, "PC0", "FastEthernet0", "PC1", "FastEthernet0", CORD_CABLE_CROSS);

  /* Nobody has 10.0.0.99: three requests a second apart, then the echo is
   * reported unreachable by our own stack, before its 4 s timeout. */
  ping_run (&net, &log, "PC0", "10.0.0.99", 2);
  ck_assert_str_eq (log.marks->str, "uu");
  ck_assert_uint_eq (log.last_code, 1);
  ck_assert_uint_eq (log.last_from, ip4 ("10.0.0.1"));
  ck_assert_uint_eq (log.stats.unreachable, 2);
  ck_assert_uint_eq (log.done_at, 6 * SEC);
  for (guint i = 0; i < net.seen->len; i++)
    if (g_array_index (net.seen, Seen, i).frame->data[12] == 0x08 &&
        g_array_index (net.seen, Seen, i).frame->data[13] == 0x06)
      requests++;
  ck_assert_uint_eq (requests, 6);

  /* The same for an off-subnet address when the gateway does not answer. */
  ping_run (&net, &log, "PC0", "8.8.8.8", 1);
  ck_assert_str_eq (log.marks->str, "u");

  /* A PC without a gateway has no route: the echo times out. */
  ping_run (&net, &log, "PC1", "8.8.8.8", 1);
  ck_assert_str_eq (log.marks->str, ".");
}
END_TEST

START_TEST (test_router_between_subnets)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };
  g_autoptr(GArray) arp = NULL;

  net_init (&net);
  lab_one_router (&net);

  /* The router drops the first echo while it resolves PC1. */
  ping_run (&net, &log, "PC0", "192.168.2.10", 4);
  ck_assert_str_eq (log.marks->str, ".!!!");
  ck_assert_uint_eq (log.stats.received, 3);
  ck_assert_uint_eq (log.stats.timeouts, 1);
  ck_assert_uint_eq (log.last_ttl, 127);
  assert_ping (&net, "PC0", "192.168.2.10", 4, "!!!!");
  assert_ping (&net, "PC1", "192.168.1.10", 4, "!!!!");

  /* The router's table: its own entries and both PCs, by address. */
  arp = cord_ip_get_arp (net.sim, dev (&net, "R1"));
  ck_assert_uint_eq (arp->len, 4);
  ck_assert_uint_eq (g_array_index (arp, CordArpInfo, 0).address, ip4 ("192.168.1.1"));
  ck_assert (g_array_index (arp, CordArpInfo, 0).is_local);
  ck_assert_uint_eq (g_array_index (arp, CordArpInfo, 1).address, ip4 ("192.168.1.10"));
  ck_assert_uint_eq (g_array_index (arp, CordArpInfo, 1).mac, dev_port (&net, "PC0", "FastEthernet0")->mac);
  ck_assert_str_eq (g_array_index (arp, CordArpInfo, 1).ifname, "FastEthernet0/0");
  ck_assert (!g_array_index (arp, CordArpInfo, 1).is_local);
  ck_assert_uint_eq (g_array_index (arp, CordArpInfo, 3).address, ip4 ("192.168.2.10"));
  ck_assert_str_eq (g_array_index (arp, CordArpInfo, 3).ifname, "FastEthernet0/1");

  /* IOS ping from the router to its own address and to the PCs. */
  assert_ping (&net, "R1", "192.168.2.1", 5, "!!!!!");
  assert_ping (&net, "R1", "192.168.2.10", 5, "!!!!!");
  cord_ip_clear_arp (net.sim, dev (&net, "R1"));
  assert_ping (&net, "R1", "192.168.1.10", 5, ".!!!!");
}
END_TEST

START_TEST (test_static_routes_ethernet)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };
  g_autoptr(GArray) routes = NULL;
  g_autoptr(GArray) statics = NULL;
  const CordRouteInfo *r;

  net_init (&net);
  lab_two_routers (&net, FALSE);

  /* R1 resolves R2, then R2 resolves PC1: two echoes lost. */
  ping_run (&net, &log, "PC0", "192.168.2.10", 4);
  ck_assert_str_eq (log.marks->str, "..!!");
  ck_assert_uint_eq (log.last_ttl, 126);
  assert_ping (&net, "PC1", "192.168.1.10", 4, "!!!!");

  /* show ip route: connected, local and static, sorted by network. */
  routes = cord_ip_get_routes (net.sim, dev (&net, "R1"));
  ck_assert_uint_eq (routes->len, 5);
  r = &g_array_index (routes, CordRouteInfo, 0);
  ck_assert_int_eq (r->type, CORD_ROUTE_CONNECTED);
  ck_assert_uint_eq (r->prefix, ip4 ("10.0.0.0"));
  ck_assert_uint_eq (r->mask, ip4 ("255.255.255.252"));
  ck_assert_str_eq (r->ifname, "FastEthernet0/1");
  r = &g_array_index (routes, CordRouteInfo, 1);
  ck_assert_int_eq (r->type, CORD_ROUTE_LOCAL);
  ck_assert_uint_eq (r->prefix, ip4 ("10.0.0.1"));
  r = &g_array_index (routes, CordRouteInfo, 4);
  ck_assert_int_eq (r->type, CORD_ROUTE_STATIC);
  ck_assert_uint_eq (r->prefix, ip4 ("192.168.2.0"));
  ck_assert_uint_eq (r->nexthop, ip4 ("10.0.0.2"));
  ck_assert_ptr_null (r->ifname);
  ck_assert_uint_eq (r->distance, 1);
  ck_assert_uint_eq (r->metric, 0);

  /* A static route stays configured but leaves the table while its next
   * hop is unreachable. */
  ck_assert (cord_ip_if_set_shutdown (net.sim, dev (&net, "R1"), "FastEthernet0/1", TRUE, NULL));
  g_clear_pointer (&routes, g_array_unref);
  routes = cord_ip_get_routes (net.sim, dev (&net, "R1"));
  ck_assert_uint_eq (routes->len, 2);
  statics = cord_ip_list_static_routes (net.sim, dev (&net, "R1"));
  ck_assert_uint_eq (statics->len, 1);
  ck_assert_uint_eq (g_array_index (statics, CordRouteInfo, 0).prefix, ip4 ("192.168.2.0"));
  ping_run (&net, &log, "PC0", "192.168.2.10", 1);
  ck_assert_str_eq (log.marks->str, "U");
  ck_assert_uint_eq (log.last_from, ip4 ("192.168.1.1"));
  ck_assert (cord_ip_if_set_shutdown (net.sim, dev (&net, "R1"), "FastEthernet0/1", FALSE, NULL));
  g_clear_pointer (&routes, g_array_unref);
  routes = cord_ip_get_routes (net.sim, dev (&net, "R1"));
  ck_assert_uint_eq (routes->len, 5);
}
END_TEST

START_TEST (test_static_routes_serial)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };
  g_autoptr(GArray) routes = NULL;
  g_autoptr(GArray) ifs = NULL;
  CordPort *s1 = NULL;
  guint hdlc = 0;

  net_init (&net);
  lab_two_routers (&net, TRUE);
  s1 = dev_port (&net, "R1", "Serial0/0/0");

  /* No ARP on the serial line: only R2's resolution of PC1 costs an echo. */
  ping_run (&net, &log, "PC0", "192.168.2.10", 4);
  ck_assert_str_eq (log.marks->str, ".!!!");
  ck_assert_uint_eq (log.last_ttl, 126);
  assert_ping (&net, "PC1", "192.168.1.10", 4, "!!!!");

  /* Cisco HDLC on the wire: 0x0F 0x00 then the IPv4 protocol, then the
   * datagram (20 + 8 + 32 bytes), no padding. */
  for (guint i = 0; i < net.seen->len; i++)
    {
      Seen *s = &g_array_index (net.seen, Seen, i);

      if (s->from != s1)
        continue;
      ck_assert_uint_eq (s->frame->len, 4 + 60);
      ck_assert_uint_eq (s->frame->data[0], 0x0f);
      ck_assert_uint_eq (s->frame->data[1], 0x00);
      ck_assert_uint_eq (s->frame->data[2], 0x08);
      ck_assert_uint_eq (s->frame->data[3], 0x00);
      ck_assert_uint_eq (s->frame->data[4], 0x45);
      ck_assert_uint_eq (cord_frame_inet_checksum (s->frame->data + 4, 20), 0);
      hdlc++;
    }
  ck_assert_uint_eq (hdlc, 8);

  routes = cord_ip_get_routes (net.sim, dev (&net, "R2"));
  ck_assert_uint_eq (routes->len, 5);
  ck_assert_int_eq (g_array_index (routes, CordRouteInfo, 2).type, CORD_ROUTE_STATIC);
  ck_assert_uint_eq (g_array_index (routes, CordRouteInfo, 2).prefix, ip4 ("192.168.1.0"));
  ck_assert_uint_eq (g_array_index (routes, CordRouteInfo, 2).nexthop, 0);
  ck_assert_str_eq (g_array_index (routes, CordRouteInfo, 2).ifname, "Serial0/0/0");

  ifs = cord_ip_list_interfaces (net.sim, dev (&net, "R1"));
  for (guint i = 0; i < ifs->len; i++)
    if (strcmp (g_array_index (ifs, CordIpIfInfo, i).name, "Serial0/0/0") == 0)
      {
        ck_assert (g_array_index (ifs, CordIpIfInfo, i).serial);
        ck_assert (g_array_index (ifs, CordIpIfInfo, i).line_up);
        ck_assert_uint_eq (g_array_index (ifs, CordIpIfInfo, i).mac, 0);
      }
  /* IOS ping over the serial line. */
  assert_ping (&net, "R1", "192.168.2.10", 5, "!!!!!");
}
END_TEST

START_TEST (test_ttl_expired)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };

  net_init (&net);
  lab_two_routers (&net, FALSE);

  ping_start (&net, &log, "PC0", "192.168.2.10", 3, 1);
  run (&net, 30 * SEC);
  ck_assert (log.done);
  ck_assert_str_eq (log.marks->str, "&&&");
  ck_assert_uint_eq (log.last_from, ip4 ("192.168.1.1"));
  ck_assert_uint_eq (log.stats.ttl_expired, 3);
  ck_assert_uint_eq (log.stats.received, 0);

  /* TTL 2 gets as far as R2, which answers from its R1 side. */
  ping_start (&net, &log, "PC0", "192.168.2.10", 3, 2);
  run (&net, 30 * SEC);
  ck_assert_str_eq (log.marks->str, ".&&");
  ck_assert_uint_eq (log.last_from, ip4 ("10.0.0.2"));
}
END_TEST

START_TEST (test_no_route)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };
  Seen *err = NULL;

  net_init (&net);
  lab_one_router (&net);

  ping_run (&net, &log, "PC0", "8.8.8.8", 4);
  ck_assert_str_eq (log.marks->str, "UUUU");
  ck_assert_uint_eq (log.last_from, ip4 ("192.168.1.1"));
  ck_assert_uint_eq (log.last_code, CORD_FRAME_UNREACH_NET);
  ck_assert_uint_eq (log.stats.unreachable, 4);

  /* The error quotes the echo's header and first 8 bytes. */
  for (guint i = 0; i < net.seen->len; i++)
    {
      Seen *s = &g_array_index (net.seen, Seen, i);

      if (s->from == dev_port (&net, "R1", "FastEthernet0/0") && s->frame->len > 34 &&
          s->frame->data[23] == 1 && s->frame->data[34] == 3)
        err = s;
    }
  ck_assert_ptr_nonnull (err);
  {
    CordFrameInfo info;

    ck_assert (cord_frame_parse (err->frame->data, err->frame->len, &info));
    ck_assert_uint_eq (info.ipv4.ttl, 255);
    ck_assert_uint_eq (info.icmp.code, 0);
    ck_assert (info.icmp.quote.valid);
    ck_assert_uint_eq (info.icmp.quote.dst, ip4 ("8.8.8.8"));
    ck_assert_uint_eq (info.icmp.quote.icmp_type, 8);
  }

  /* A router's own ping to nowhere times out. */
  assert_ping (&net, "R1", "8.8.8.8", 2, "..");
}
END_TEST

START_TEST (test_subif_demux)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  CordDevice *r1;
  CordPort *fa00;
  guint8 frame[64] = { 0 };
  guint64 drops;
  gboolean tagged_reply = FALSE;

  net_init (&net);
  host (&net, "PC-PT", "PC0", "192.168.10.10", "255.255.255.0", "192.168.10.1");
  r1 = add (&net, "1841", "R1");
  wire (&net, "PC0", "FastEthernet0", "R1", "FastEthernet0/0", CORD_CABLE_CROSS);
  fa00 = dev_port (&net, "R1", "FastEthernet0/0");
  ck_assert (cord_ip_if_set_shutdown (net.sim, r1, "FastEthernet0/0", FALSE, &error));
  ck_assert (cord_ip_subif_add (net.sim, r1, "FastEthernet0/0.10", &error));
  ck_assert (cord_ip_if_set_encapsulation (net.sim, r1, "FastEthernet0/0.10", 10, FALSE, &error));
  ck_assert (cord_ip_if_set_address (net.sim, r1, "FastEthernet0/0.10", ip4 ("192.168.10.1"),
                                     ip4 ("255.255.255.0"), &error));

  /* Untagged frames belong to the port, which has no address. */
  assert_ping (&net, "PC0", "192.168.10.1", 2, "uu");
  drops = cord_sim_port_get_counters (net.sim, fa00)->in_drops;
  ck_assert_uint_ge (drops, 6);

  /* A tagged ARP request for VLAN 10 gets a tagged reply; one for
   * VLAN 99 is dropped. */
  memset (frame, 0xff, 6);
  frame[6] = 0x00; frame[7] = 0x01; frame[8] = 0x42; frame[9] = 0x00; frame[10] = 0x77; frame[11] = 0x77;
  frame[12] = 0x81; frame[13] = 0x00; frame[14] = 0x00; frame[15] = 10;
  frame[16] = 0x08; frame[17] = 0x06;
  frame[18] = 0x00; frame[19] = 0x01; frame[20] = 0x08; frame[21] = 0x00; frame[22] = 6; frame[23] = 4;
  frame[24] = 0x00; frame[25] = 0x01;
  memcpy (frame + 26, frame + 6, 6);
  frame[32] = 192; frame[33] = 168; frame[34] = 10; frame[35] = 77;
  frame[42] = 192; frame[43] = 168; frame[44] = 10; frame[45] = 1;
  g_array_set_size (net.seen, 0);
  cord_sim_inject (net.sim, fa00, frame, sizeof frame);
  run (&net, SEC);
  for (guint i = 0; i < net.seen->len; i++)
    {
      Seen *s = &g_array_index (net.seen, Seen, i);

      if (s->from == fa00 && s->frame->data[12] == 0x81 && s->frame->data[15] == 10 &&
          s->frame->data[17] == 0x06 && s->frame->data[25] == 2)
        {
          ck_assert_uint_eq (mac_of (s->frame, 0), G_GUINT64_CONSTANT (0x000142007777));
          ck_assert_uint_eq (mac_of (s->frame, 6), fa00->mac);
          tagged_reply = TRUE;
        }
    }
  ck_assert (tagged_reply);
  frame[15] = 99;
  drops = cord_sim_port_get_counters (net.sim, fa00)->in_drops;
  cord_sim_inject (net.sim, fa00, frame, sizeof frame);
  ck_assert_uint_eq (cord_sim_port_get_counters (net.sim, fa00)->in_drops, drops + 1);

  /* `encapsulation dot1Q 10 native`: untagged traffic is VLAN 10's. */
  ck_assert (cord_ip_if_set_encapsulation (net.sim, r1, "FastEthernet0/0.10", 10, TRUE, &error));
  assert_ping (&net, "PC0", "192.168.10.1", 4, "!!!!");
  /* Shutting the subinterface down drops its traffic again. */
  ck_assert (cord_ip_if_set_shutdown (net.sim, r1, "FastEthernet0/0.10", TRUE, &error));
  assert_ping (&net, "PC0", "192.168.10.1", 1, ".");
}
END_TEST

static void
on_if (CordSim    *sim,
       CordDevice *device,
       const char *ifname,
       gboolean    up,
       gpointer    data)
{
  g_ptr_array_add (data, g_strdup_printf ("%s %s", ifname, up ? "up" : "down"));
}

START_TEST (test_interfaces)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ifs = NULL;
  CordIpIfInfo info = { 0 };
  CordDevice *r1;
  const char *names[] = { "FastEthernet0/0", "FastEthernet0/0.10", "FastEthernet0/0.20",
                          "FastEthernet0/1" };

  net_init (&net);
  host (&net, "PC-PT", "PC0", "10.0.0.10", "255.255.255.0", NULL);
  r1 = add (&net, "1841", "R1");
  wire (&net, "PC0", "FastEthernet0", "R1", "FastEthernet0/0", CORD_CABLE_CROSS);
  cord_ip_set_interface_hook (net.sim, r1, on_if, net.if_events);

  /* A subinterface of an up port comes up at once; the hook says so. */
  ck_assert (cord_ip_subif_add (net.sim, r1, "FastEthernet0/0.20", &error));
  ck_assert_uint_eq (net.if_events->len, 0);
  ck_assert (cord_ip_if_set_shutdown (net.sim, r1, "FastEthernet0/0", FALSE, &error));
  ck_assert_uint_eq (net.if_events->len, 1);
  ck_assert_str_eq (net.if_events->pdata[0], "FastEthernet0/0.20 up");
  ck_assert (cord_ip_subif_add (net.sim, r1, "FastEthernet0/0.10", &error));
  ck_assert (cord_ip_subif_add (net.sim, r1, "FastEthernet0/0.10", &error));
  ck_assert_uint_eq (net.if_events->len, 2);
  ck_assert_str_eq (net.if_events->pdata[1], "FastEthernet0/0.10 up");
  ck_assert (cord_ip_if_set_encapsulation (net.sim, r1, "FastEthernet0/0.10", 10, FALSE, &error));
  ck_assert (cord_ip_if_set_address (net.sim, r1, "FastEthernet0/0.10", ip4 ("192.168.10.1"),
                                     ip4 ("255.255.255.0"), &error));

  ifs = cord_ip_list_interfaces (net.sim, r1);
  ck_assert_uint_eq (ifs->len, 4);
  for (guint i = 0; i < 4; i++)
    ck_assert_str_eq (g_array_index (ifs, CordIpIfInfo, i).name, names[i]);
  ck_assert (g_array_index (ifs, CordIpIfInfo, 1).is_subif);
  ck_assert_uint_eq (g_array_index (ifs, CordIpIfInfo, 1).vid, 10);
  ck_assert_uint_eq (g_array_index (ifs, CordIpIfInfo, 1).address, ip4 ("192.168.10.1"));
  ck_assert (g_array_index (ifs, CordIpIfInfo, 1).line_up);
  ck_assert_uint_eq (g_array_index (ifs, CordIpIfInfo, 1).mac, g_array_index (ifs, CordIpIfInfo, 0).mac);
  ck_assert (!g_array_index (ifs, CordIpIfInfo, 3).admin_up);
  ck_assert (!g_array_index (ifs, CordIpIfInfo, 3).line_up);

  /* The parent going down takes its subinterfaces with it. */
  ck_assert (cord_ip_if_set_shutdown (net.sim, r1, "FastEthernet0/0", TRUE, &error));
  ck_assert_uint_eq (net.if_events->len, 4);
  ck_assert_str_eq (net.if_events->pdata[2], "FastEthernet0/0.10 down");
  ck_assert_str_eq (net.if_events->pdata[3], "FastEthernet0/0.20 down");
  ck_assert (cord_ip_get_interface (net.sim, r1, "fastethernet0/0.10", &info));
  ck_assert (!info.line_up);
  ck_assert (info.admin_up == FALSE);
  cord_ip_if_info_clear (&info);

  ck_assert (cord_ip_subif_remove (net.sim, r1, "FastEthernet0/0.20", &error));
  ck_assert (!cord_ip_get_interface (net.sim, r1, "FastEthernet0/0.20", &info));

  /* An end device has one interface, its NIC. */
  g_clear_pointer (&ifs, g_array_unref);
  ifs = cord_ip_list_interfaces (net.sim, dev (&net, "PC0"));
  ck_assert_uint_eq (ifs->len, 1);
  ck_assert_str_eq (g_array_index (ifs, CordIpIfInfo, 0).name, "FastEthernet0");
  ck_assert_uint_eq (g_array_index (ifs, CordIpIfInfo, 0).address, ip4 ("10.0.0.10"));
  /* A switch has no IP stack. */
  add (&net, "2960-24TT", "S1");
  ck_assert_ptr_null (cord_ip_list_interfaces (net.sim, dev (&net, "S1")));
}
END_TEST

START_TEST (test_shutdown_blocks)
{
  g_auto(Net) net = { 0 };
  CordDevice *r1;

  net_init (&net);
  lab_one_router (&net);
  r1 = dev (&net, "R1");
  assert_ping (&net, "PC0", "192.168.1.1", 2, "!!");
  ck_assert (cord_ip_if_set_shutdown (net.sim, r1, "FastEthernet0/0", TRUE, NULL));
  ck_assert (!cord_sim_port_is_up (net.sim, dev_port (&net, "R1", "FastEthernet0/0")));
  assert_ping (&net, "PC0", "192.168.1.1", 2, "..");
  ck_assert (cord_ip_if_set_shutdown (net.sim, r1, "FastEthernet0/0", FALSE, NULL));
  assert_ping (&net, "PC0", "192.168.1.1", 2, "!!");
  /* The far interface of a router is reachable only while it is up. */
  assert_ping (&net, "PC0", "192.168.2.1", 1, "!");
  ck_assert (cord_ip_if_set_shutdown (net.sim, r1, "FastEthernet0/1", TRUE, NULL));
  assert_ping (&net, "PC0", "192.168.2.1", 1, "U");
}
END_TEST

typedef struct {
  GString  *lines;
  gboolean  done;
  gboolean  reached;
  gboolean  cancelled;
} TraceLog;

static void
on_probe (CordTrace *trace, guint hop, guint probe, CordTraceProbeResult result, guint32 from,
          guint64 rtt, guint8 code, gpointer data)
{
  TraceLog *log = data;
  char addr[CORD_FRAME_IPV4_STRLEN];
  const char *what[] = { "*", "time", "reached", "unreachable" };

  g_string_append_printf (log->lines, "%u.%u %s %s\n", hop, probe, what[result],
                          result == CORD_TRACE_PROBE_TIMEOUT ? "-" : cord_frame_ipv4_to_string (from, addr));
}

static void
on_trace_done (CordTrace *trace, gboolean reached, gboolean cancelled, gpointer data)
{
  TraceLog *log = data;

  log->done = TRUE;
  log->reached = reached;
  log->cancelled = cancelled;
}

static const CordTraceCallbacks trace_callbacks = { on_probe, on_trace_done };

static char *
trace (Net           *net,
       const char    *from,
       const char    *to,
       CordTraceMode  mode,
       gboolean      *reached)
{
  g_autoptr(GError) error = NULL;
  CordTraceOptions options;
  TraceLog log = { g_string_new (NULL), FALSE, FALSE, FALSE };

  cord_trace_options_init (&options, mode);
  ck_assert (cord_ip_trace_start (net->sim, dev (net, from), ip4 (to), &options,
                                  &trace_callbacks, &log, &error) != NULL);
  for (guint i = 0; i < 1000 && !log.done; i++)
    run (net, SEC);
  ck_assert (log.done);
  ck_assert (!log.cancelled);
  *reached = log.reached;
  return g_string_free (log.lines, FALSE);
}

START_TEST (test_traceroute)
{
  g_auto(Net) net = { 0 };
  g_autofree char *icmp = NULL;
  g_autofree char *udp = NULL;
  g_autofree char *cold = NULL;
  gboolean reached = FALSE;

  net_init (&net);
  lab_two_routers (&net, FALSE);
  assert_ping (&net, "PC0", "192.168.2.10", 4, "..!!");

  /* Windows tracert: echo requests with rising TTL. */
  icmp = trace (&net, "PC0", "192.168.2.10", CORD_TRACE_ICMP, &reached);
  ck_assert (reached);
  ck_assert_str_eq (icmp,
                    "1.0 time 192.168.1.1\n1.1 time 192.168.1.1\n1.2 time 192.168.1.1\n"
                    "2.0 time 10.0.0.2\n2.1 time 10.0.0.2\n2.2 time 10.0.0.2\n"
                    "3.0 reached 192.168.2.10\n3.1 reached 192.168.2.10\n3.2 reached 192.168.2.10\n");

  /* IOS traceroute: UDP probes ending at the port unreachable. */
  udp = trace (&net, "R1", "192.168.2.10", CORD_TRACE_UDP, &reached);
  ck_assert (reached);
  ck_assert_str_eq (udp,
                    "1.0 time 10.0.0.2\n1.1 time 10.0.0.2\n1.2 time 10.0.0.2\n"
                    "2.0 reached 192.168.2.10\n2.1 reached 192.168.2.10\n2.2 reached 192.168.2.10\n");

  /* To the far router itself; and with R2's ARP cache cleared, its first
   * probe towards PC1 is lost while it resolves. */
  g_free (udp);
  udp = trace (&net, "R1", "192.168.2.1", CORD_TRACE_UDP, &reached);
  ck_assert (reached);
  ck_assert_str_eq (udp, "1.0 reached 192.168.2.1\n1.1 reached 192.168.2.1\n1.2 reached 192.168.2.1\n");
  cord_ip_clear_arp (net.sim, dev (&net, "R2"));
  cold = trace (&net, "R1", "192.168.2.10", CORD_TRACE_UDP, &reached);
  ck_assert (reached);
  ck_assert (g_str_has_prefix (cold, "1.0 * -\n1.1 time 10.0.0.2\n"));
  ck_assert (strstr (cold, "2.0 * -\n2.1 reached 192.168.2.10\n") != NULL);
}
END_TEST

START_TEST (test_traceroute_unreachable)
{
  g_auto(Net) net = { 0 };
  g_autofree char *lines = NULL;
  gboolean reached = TRUE;

  net_init (&net);
  lab_one_router (&net);
  assert_ping (&net, "PC0", "192.168.1.1", 1, "!");
  lines = trace (&net, "PC0", "8.8.8.8", CORD_TRACE_ICMP, &reached);
  ck_assert (!reached);
  /* The TTL runs out before the missing route matters. */
  ck_assert_str_eq (lines, "1.0 time 192.168.1.1\n1.1 time 192.168.1.1\n1.2 time 192.168.1.1\n"
                           "2.0 unreachable 192.168.1.1\n2.1 unreachable 192.168.1.1\n"
                           "2.2 unreachable 192.168.1.1\n");
}
END_TEST

START_TEST (test_bad_checksum)
{
  g_auto(Net) net = { 0 };
  g_autoptr(CordFrame) frame = NULL;
  CordFrameIpv4Params params = { 0 };
  CordPort *fa00, *pc;
  guint before;

  net_init (&net);
  lab_one_router (&net);
  assert_ping (&net, "PC0", "192.168.1.1", 1, "!");
  fa00 = dev_port (&net, "R1", "FastEthernet0/0");
  pc = dev_port (&net, "PC0", "FastEthernet0");

  cord_mac_to_bytes (fa00->mac, params.dst_mac.b);
  cord_mac_to_bytes (pc->mac, params.src_mac.b);
  params.src = ip4 ("192.168.1.10");
  params.dst = ip4 ("192.168.1.1");
  params.ttl = 64;
  frame = cord_frame_build_icmp_echo_request (&params, 7, 1, NULL, 0);
  /* Good first: answered. */
  before = net.seen->len;
  cord_sim_inject (net.sim, fa00, frame->data, frame->len);
  run (&net, SEC);
  ck_assert_uint_eq (net.seen->len, before + 1);
  ck_assert_uint_eq (cord_sim_port_get_counters (net.sim, fa00)->in_errors, 0);
  /* A flipped bit in the header: an input error, no answer. */
  frame->data[14 + 8] ^= 0x01;
  cord_sim_inject (net.sim, fa00, frame->data, frame->len);
  run (&net, SEC);
  ck_assert_uint_eq (net.seen->len, before + 1);
  ck_assert_uint_eq (cord_sim_port_get_counters (net.sim, fa00)->in_errors, 1);
  /* The same on a PC. */
  cord_mac_to_bytes (pc->mac, frame->data);
  cord_sim_inject (net.sim, pc, frame->data, frame->len);
  ck_assert_uint_eq (cord_sim_port_get_counters (net.sim, pc)->in_errors, 1);
}
END_TEST

START_TEST (test_power)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };
  g_auto(PingLog) rlog = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ifs = NULL;
  g_autoptr(GArray) routes = NULL;
  g_autoptr(GArray) statics = NULL;
  g_autoptr(GArray) arp = NULL;
  CordDevice *r1, *pc0;

  net_init (&net);
  lab_one_router (&net);
  r1 = dev (&net, "R1");
  pc0 = dev (&net, "PC0");
  route (&net, "R1", "10.0.0.0", "255.0.0.0", "192.168.2.10", NULL);
  ck_assert (cord_ip_subif_add (net.sim, r1, "FastEthernet0/0.5", &error));

  /* ping -t, cancelled by powering the PC off. */
  ping_start (&net, &log, "PC0", "192.168.2.10", 0, 0);
  run (&net, 5 * SEC + SEC / 2);
  ck_assert (!log.done);
  ck_assert (cord_topology_set_power (net.topology, pc0, FALSE, &error));
  ck_assert (log.done);
  ck_assert (log.stats.cancelled);
  /* 0 s lost to R1's ARP (timed out at 4 s), 4 s and 5 s answered. */
  ck_assert_uint_eq (log.stats.sent, 3);
  ck_assert_uint_eq (log.stats.received, 2);
  arp = cord_ip_get_arp (net.sim, pc0);
  ck_assert_uint_eq (arp->len, 0);
  g_clear_pointer (&arp, g_array_unref);

  /* A powered-off device cannot ping; once on, it keeps its settings. */
  ck_assert_ptr_null (cord_ip_ping_start (net.sim, pc0, ip4 ("192.168.1.1"), &(CordPingOptions) { 0 },
                                          &ping_log_callbacks, &log, &error));
  ck_assert_error (error, CORD_ERROR, CORD_ERROR_POWERED);
  g_clear_error (&error);
  ck_assert (cord_topology_set_power (net.topology, pc0, TRUE, &error));
  assert_ping (&net, "PC0", "192.168.1.1", 2, "!!");

  /* A router's ping ends with it; its boot is a factory reset. */
  ping_start (&net, &rlog, "R1", "192.168.1.10", 0, 0);
  run (&net, SEC);
  ck_assert (cord_topology_set_power (net.topology, r1, FALSE, &error));
  ck_assert (rlog.done && rlog.stats.cancelled);
  /* IOS sends the next echo as soon as one is answered. */
  ck_assert_uint_gt (rlog.stats.sent, 10000);
  ck_assert (cord_topology_set_power (net.topology, r1, TRUE, &error));
  ifs = cord_ip_list_interfaces (net.sim, r1);
  ck_assert_uint_eq (ifs->len, 2);
  for (guint i = 0; i < ifs->len; i++)
    {
      ck_assert_uint_eq (g_array_index (ifs, CordIpIfInfo, i).address, 0);
      ck_assert (!g_array_index (ifs, CordIpIfInfo, i).admin_up);
      ck_assert (!g_array_index (ifs, CordIpIfInfo, i).line_up);
    }
  routes = cord_ip_get_routes (net.sim, r1);
  ck_assert_uint_eq (routes->len, 0);
  statics = cord_ip_list_static_routes (net.sim, r1);
  ck_assert_uint_eq (statics->len, 0);
  arp = cord_ip_get_arp (net.sim, r1);
  ck_assert_uint_eq (arp->len, 0);
  /* Its ports are shut, so PC0's line is down too. */
  ck_assert (!cord_sim_port_is_up (net.sim, dev_port (&net, "PC0", "FastEthernet0")));
  assert_ping (&net, "PC0", "192.168.1.1", 1, ".");
}
END_TEST

START_TEST (test_mac_address)
{
  g_auto(Net) net = { 0 };
  CordIpIfInfo info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) arp = NULL;
  const guint64 mac = G_GUINT64_CONSTANT (0x00d0ba5e0001);
  CordDevice *r1;
  CordPort *fa0;
  guint replies = 0, echoes = 0;

  net_init (&net);
  lab_one_router (&net);
  r1 = dev (&net, "R1");
  fa0 = dev_port (&net, "R1", "FastEthernet0/0");
  ck_assert (cord_ip_subif_add (net.sim, r1, "FastEthernet0/0.5", &error));
  assert_ping (&net, "PC0", "192.168.1.1", 1, "!");

  ck_assert_msg (cord_ip_if_set_mac (net.sim, r1, "FastEthernet0/0", mac, &error),
                 "%s", error ? error->message : "");
  ck_assert (cord_ip_get_interface (net.sim, r1, "FastEthernet0/0", &info));
  ck_assert_uint_eq (info.mac, mac);
  ck_assert_uint_eq (info.bia, fa0->mac);
  cord_ip_if_info_clear (&info);
  ck_assert (cord_ip_get_interface (net.sim, r1, "FastEthernet0/0.5", &info));
  ck_assert_uint_eq (info.mac, mac);
  cord_ip_if_info_clear (&info);

  /* PC0 still sends to the burned-in address, which R1 no longer takes. */
  assert_ping (&net, "PC0", "192.168.1.1", 1, ".");
  cord_ip_clear_arp (net.sim, dev (&net, "PC0"));
  g_array_set_size (net.seen, 0);
  assert_ping (&net, "PC0", "192.168.1.1", 2, "!!");
  for (guint i = 0; i < net.seen->len; i++)
    {
      Seen *s = &g_array_index (net.seen, Seen, i);

      if (s->from != fa0)
        continue;
      ck_assert_uint_eq (mac_of (s->frame, 6), mac);
      if (s->frame->data[12] == 0x08 && s->frame->data[13] == 0x06)
        {
          ck_assert_uint_eq (s->frame->data[21], 2);
          ck_assert_uint_eq (mac_of (s->frame, 22), mac);
          replies++;
        }
      else
        echoes++;
    }
  ck_assert_uint_eq (replies, 1);
  ck_assert_uint_eq (echoes, 2);
  arp = cord_ip_get_arp (net.sim, dev (&net, "PC0"));
  ck_assert_uint_eq (arp->len, 1);
  ck_assert_uint_eq (g_array_index (arp, CordArpInfo, 0).mac, mac);
  g_clear_pointer (&arp, g_array_unref);
  arp = cord_ip_get_arp (net.sim, r1);
  ck_assert_uint_eq (g_array_index (arp, CordArpInfo, 0).address, ip4 ("192.168.1.1"));
  ck_assert_uint_eq (g_array_index (arp, CordArpInfo, 0).mac, mac);
  g_clear_pointer (&arp, g_array_unref);
  /* The router's own pings leave from it too. */
  g_array_set_size (net.seen, 0);
  assert_ping (&net, "R1", "192.168.1.10", 1, "!");
  ck_assert_uint_ge (net.seen->len, 1);
  ck_assert_ptr_eq (g_array_index (net.seen, Seen, 0).from, fa0);
  ck_assert_uint_eq (mac_of (g_array_index (net.seen, Seen, 0).frame, 6), mac);

  /* Multicast, subinterfaces: refused, nothing changes. */
  ck_assert (!cord_ip_if_set_mac (net.sim, r1, "FastEthernet0/0", G_GUINT64_CONSTANT (0x010000000001), &error));
  ck_assert_error (error, CORD_ERROR, CORD_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!cord_ip_if_set_mac (net.sim, r1, "FastEthernet0/0.5", mac + 1, &error));
  ck_assert_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  ck_assert (cord_ip_get_interface (net.sim, r1, "FastEthernet0/0", &info));
  ck_assert_uint_eq (info.mac, mac);
  cord_ip_if_info_clear (&info);

  /* `no mac-address`, and a reboot (the IOS layer replays the saved
   * config, not this) both go back to the burned-in address. */
  ck_assert (cord_ip_if_set_mac (net.sim, r1, "FastEthernet0/0", 0, &error));
  ck_assert (cord_ip_get_interface (net.sim, r1, "FastEthernet0/0", &info));
  ck_assert_uint_eq (info.mac, fa0->mac);
  cord_ip_if_info_clear (&info);
  ck_assert (cord_ip_if_set_mac (net.sim, r1, "FastEthernet0/0", mac, &error));
  ck_assert (cord_topology_set_power (net.topology, r1, FALSE, &error));
  ck_assert (cord_topology_set_power (net.topology, r1, TRUE, &error));
  ck_assert (cord_ip_get_interface (net.sim, r1, "FastEthernet0/0", &info));
  ck_assert_uint_eq (info.mac, fa0->mac);
  ck_assert_uint_eq (info.bia, fa0->mac);
  cord_ip_if_info_clear (&info);
}
END_TEST

START_TEST (test_ping_cancel)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };
  CordPing *p;

  net_init (&net);
  lab_one_router (&net);
  /* Nobody has 192.168.2.99: R1 never resolves it, PC0's echoes time out. */
  p = ping_start (&net, &log, "PC0", "192.168.2.99", 4, 0);
  run (&net, 5 * SEC);
  ck_assert_str_eq (log.marks->str, ".");
  cord_ip_ping_cancel (p);
  ck_assert (log.done);
  ck_assert (log.stats.cancelled);
  ck_assert_uint_eq (log.stats.sent, 2);
  ck_assert_uint_eq (log.stats.timeouts, 1);
  /* Nothing of it is left to run. */
  run (&net, 10 * SEC);
  ck_assert_str_eq (log.marks->str, ".");
}
END_TEST

START_TEST (test_validation)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  CordDevice *r1, *pc;

  net_init (&net);
  r1 = add (&net, "1841", "R1");
  pc = add (&net, "PC-PT", "PC0");
  ck_assert (cord_topology_set_power (net.topology, r1, FALSE, &error));
  ck_assert (cord_topology_insert_module (net.topology, r1, "0/0", "WIC-2T", &error));
  ck_assert (cord_topology_set_power (net.topology, r1, TRUE, &error));

  ck_assert (cord_ip_if_set_address (net.sim, r1, "FastEthernet0/0", ip4 ("10.0.0.1"),
                                     ip4 ("255.0.0.0"), &error));
  ck_assert (!cord_ip_if_set_address (net.sim, r1, "FastEthernet0/1", ip4 ("10.1.0.1"),
                                      ip4 ("255.255.0.0"), &error));
  ck_assert_error (error, CORD_ERROR, CORD_ERROR_EXISTS);
  ck_assert_str_eq (error->message, "% 10.1.0.0 overlaps with FastEthernet0/0");
  g_clear_error (&error);
  ck_assert (!cord_ip_if_set_address (net.sim, r1, "FastEthernet0/1", ip4 ("10.0.0.1"),
                                      ip4 ("255.0.255.0"), &error));
  ck_assert_str_eq (error->message, "Bad mask 0xFF00FF00 for address 10.0.0.1");
  g_clear_error (&error);
  ck_assert (!cord_ip_if_set_address (net.sim, r1, "FastEthernet0/1", ip4 ("192.168.1.0"),
                                      ip4 ("255.255.255.0"), &error));
  ck_assert_str_eq (error->message, "Bad mask /24 for address 192.168.1.0");
  g_clear_error (&error);
  ck_assert (!cord_ip_if_set_address (net.sim, r1, "FastEthernet0/1", ip4 ("192.168.1.255"),
                                      ip4 ("255.255.255.0"), &error));
  ck_assert_str_eq (error->message, "Bad mask /24 for address 192.168.1.255");
  g_clear_error (&error);
  ck_assert (!cord_ip_if_set_address (net.sim, r1, "FastEthernet0/1", ip4 ("127.0.0.1"),
                                      ip4 ("255.0.0.0"), &error));
  ck_assert_str_eq (error->message, "Not a valid host address - 127.0.0.1");
  g_clear_error (&error);
  /* /31 has no network or broadcast address. */
  ck_assert (cord_ip_if_set_address (net.sim, r1, "Serial0/0/0", ip4 ("172.16.0.0"),
                                     ip4 ("255.255.255.254"), &error));
  ck_assert (!cord_ip_if_set_address (net.sim, r1, "FastEthernet9/9", ip4 ("172.17.0.1"),
                                      ip4 ("255.255.0.0"), &error));
  ck_assert_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_PORT);
  g_clear_error (&error);

  /* Subinterfaces: Ethernet parents only, an encapsulation before an
   * address, one VID per parent. */
  ck_assert (!cord_ip_subif_add (net.sim, r1, "Serial0/0/0.1", &error));
  ck_assert_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  ck_assert (!cord_ip_subif_add (net.sim, r1, "FastEthernet0/1.0", &error));
  ck_assert_error (error, CORD_ERROR, CORD_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!cord_ip_subif_add (net.sim, r1, "FastEthernet0/1.4294967296", &error));
  g_clear_error (&error);
  ck_assert (cord_ip_subif_add (net.sim, r1, "FastEthernet0/1.4294967295", &error));
  ck_assert (cord_ip_subif_add (net.sim, r1, "FastEthernet0/1.10", &error));
  ck_assert (!cord_ip_if_set_address (net.sim, r1, "FastEthernet0/1.10", ip4 ("192.168.10.1"),
                                      ip4 ("255.255.255.0"), &error));
  ck_assert (g_str_has_prefix (error->message, "% Configuring IP routing on a LAN subinterface"));
  g_clear_error (&error);
  ck_assert (cord_ip_if_set_encapsulation (net.sim, r1, "FastEthernet0/1.10", 10, FALSE, &error));
  ck_assert (cord_ip_if_set_address (net.sim, r1, "FastEthernet0/1.10", ip4 ("192.168.10.1"),
                                     ip4 ("255.255.255.0"), &error));
  ck_assert (!cord_ip_if_set_encapsulation (net.sim, r1, "FastEthernet0/1.4294967295", 10, FALSE,
                                            &error));
  ck_assert_str_eq (error->message,
                    "%Configuration of multiple subinterfaces of the same main interface with the "
                    "same VID (10) is not permitted. This VID is already configured on "
                    "FastEthernet0/1.10.");
  g_clear_error (&error);
  ck_assert (!cord_ip_if_set_encapsulation (net.sim, r1, "FastEthernet0/1", 10, FALSE, &error));
  g_clear_error (&error);
  ck_assert (!cord_ip_if_set_address (net.sim, r1, "FastEthernet0/1.4294967295",
                                      ip4 ("192.168.10.2"), ip4 ("255.255.255.0"), &error));
  g_clear_error (&error);
  /* No encapsulation, no address. */
  ck_assert (cord_ip_if_set_encapsulation (net.sim, r1, "FastEthernet0/1.10", 0, FALSE, &error));
  ck_assert (cord_ip_if_set_address (net.sim, r1, "FastEthernet0/1.4294967295", ip4 ("192.168.10.2"),
                                     ip4 ("255.255.255.0"), &error) == FALSE);
  g_clear_error (&error);

  /* Static routes. */
  ck_assert (!cord_ip_route_add (net.sim, r1, ip4 ("10.0.0.1"), ip4 ("255.0.0.0"), ip4 ("10.0.0.2"),
                                 NULL, 1, &error));
  ck_assert_str_eq (error->message, "%Inconsistent address and mask");
  g_clear_error (&error);
  ck_assert (!cord_ip_route_add (net.sim, r1, ip4 ("20.0.0.0"), ip4 ("255.0.0.0"), ip4 ("10.0.0.1"),
                                 NULL, 1, &error));
  ck_assert_str_eq (error->message, "%Invalid next hop address (it's this router)");
  g_clear_error (&error);
  ck_assert (!cord_ip_route_add (net.sim, r1, ip4 ("20.0.0.0"), ip4 ("255.0.0.0"), 0, NULL, 1, &error));
  g_clear_error (&error);
  ck_assert (!cord_ip_route_add (net.sim, r1, ip4 ("20.0.0.0"), ip4 ("255.0.0.0"), ip4 ("10.0.0.2"),
                                 NULL, 256, &error));
  g_clear_error (&error);
  ck_assert (!cord_ip_route_remove (net.sim, r1, ip4 ("20.0.0.0"), ip4 ("255.0.0.0"), 0, NULL, &error));
  ck_assert_str_eq (error->message, "%No matching route to delete");
  g_clear_error (&error);

  /* Routers only; a PC's address comes from its lab settings. */
  ck_assert (!cord_ip_subif_add (net.sim, pc, "FastEthernet0.1", &error));
  ck_assert_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  ck_assert (!cord_ip_if_set_address (net.sim, pc, "FastEthernet0", ip4 ("10.0.0.5"),
                                      ip4 ("255.0.0.0"), &error));
  ck_assert_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  ck_assert (cord_ip_check_address (ip4 ("10.0.0.5"), ip4 ("255.0.0.0"), &error));
  ck_assert (!cord_ip_check_address (ip4 ("10.0.0.5"), 0, &error));
  g_clear_error (&error);
}
END_TEST

START_TEST (test_route_resolution)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  CordRouteInfo r = { 0 };
  CordDevice *r1;
  g_autoptr(GArray) routes = NULL;

  net_init (&net);
  lab_one_router (&net);
  r1 = dev (&net, "R1");

  /* Recursive: 10/8 via 172.16.0.2, itself reached via PC1's subnet. */
  route (&net, "R1", "10.0.0.0", "255.0.0.0", "172.16.0.2", NULL);
  ck_assert (!cord_ip_lookup_route (net.sim, r1, ip4 ("10.1.2.3"), &r));
  route (&net, "R1", "172.16.0.0", "255.255.0.0", "192.168.2.10", NULL);
  ck_assert (cord_ip_lookup_route (net.sim, r1, ip4 ("10.1.2.3"), &r));
  ck_assert_uint_eq (r.prefix, ip4 ("10.0.0.0"));
  ck_assert_uint_eq (r.nexthop, ip4 ("172.16.0.2"));
  cord_route_info_clear (&r);

  /* A floating static (distance 200) waits behind the primary. */
  ck_assert (cord_ip_route_add (net.sim, r1, ip4 ("10.0.0.0"), ip4 ("255.0.0.0"),
                                ip4 ("192.168.1.10"), NULL, 200, &error));
  ck_assert (cord_ip_lookup_route (net.sim, r1, ip4 ("10.1.2.3"), &r));
  ck_assert_uint_eq (r.nexthop, ip4 ("172.16.0.2"));
  cord_route_info_clear (&r);
  ck_assert (cord_ip_route_remove (net.sim, r1, ip4 ("172.16.0.0"), ip4 ("255.255.0.0"), 0, NULL,
                                   &error));
  ck_assert (cord_ip_lookup_route (net.sim, r1, ip4 ("10.1.2.3"), &r));
  ck_assert_uint_eq (r.nexthop, ip4 ("192.168.1.10"));
  ck_assert_uint_eq (r.distance, 200);
  cord_route_info_clear (&r);

  /* Longest prefix wins; a default route catches the rest. */
  route (&net, "R1", "0.0.0.0", "0.0.0.0", "192.168.2.10", NULL);
  route (&net, "R1", "10.1.0.0", "255.255.0.0", NULL, "FastEthernet0/1");
  ck_assert (cord_ip_lookup_route (net.sim, r1, ip4 ("10.1.2.3"), &r));
  ck_assert_uint_eq (r.prefix, ip4 ("10.1.0.0"));
  ck_assert_str_eq (r.ifname, "FastEthernet0/1");
  cord_route_info_clear (&r);
  ck_assert (cord_ip_lookup_route (net.sim, r1, ip4 ("8.8.8.8"), &r));
  ck_assert_uint_eq (r.prefix, 0);
  cord_route_info_clear (&r);
  routes = cord_ip_get_routes (net.sim, r1);
  ck_assert_uint_eq (g_array_index (routes, CordRouteInfo, 0).prefix, 0);
  ck_assert_uint_eq (g_array_index (routes, CordRouteInfo, 0).type, CORD_ROUTE_STATIC);

  /* An end device: its subnet and the default route via its gateway. */
  g_clear_pointer (&routes, g_array_unref);
  routes = cord_ip_get_routes (net.sim, dev (&net, "PC0"));
  ck_assert_uint_eq (routes->len, 3);
  ck_assert_uint_eq (g_array_index (routes, CordRouteInfo, 0).prefix, 0);
  ck_assert_uint_eq (g_array_index (routes, CordRouteInfo, 0).nexthop, ip4 ("192.168.1.1"));

  /* Proxy ARP: a PC with a /16 mask reaches the other subnet anyway. */
  {
    CordHostIp ip = { FALSE, ip4 ("192.168.1.10"), ip4 ("255.255.0.0"), 0, 0 };

    /* R1 resolves PC1 (first echo), then PC0, which it never heard ask
     * for R1 itself (second echo). */
    ck_assert (cord_topology_set_host_ip (net.topology, dev (&net, "PC0"), &ip, &error));
    assert_ping (&net, "PC0", "192.168.2.10", 4, "..!!");
  }
}
END_TEST

START_TEST (test_host_settings_change)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  CordHostIp ip = { FALSE, ip4 ("192.168.1.20"), ip4 ("255.255.255.0"), ip4 ("192.168.1.1"), 0 };

  net_init (&net);
  lab_one_router (&net);
  assert_ping (&net, "PC0", "192.168.1.1", 1, "!");
  ck_assert (cord_topology_set_host_ip (net.topology, dev (&net, "PC0"), &ip, &error));
  assert_ping (&net, "PC0", "192.168.2.10", 4, ".!!!");
  ck_assert (cord_topology_undo (net.topology, &error));
  assert_ping (&net, "PC0", "192.168.2.10", 2, "!!");
}
END_TEST

START_TEST (test_models)
{
  const char *routers[] = { "1841", "1941", "2620XM", "2621XM", "2811", "2901", "2911", "Router-PT" };
  const char *hosts[] = { "PC-PT", "Laptop-PT", "Server-PT" };

  for (guint i = 0; i < G_N_ELEMENTS (routers); i++)
    {
      g_auto(Net) net = { 0 };
      g_autoptr(GArray) ifs = NULL;
      const char *first = NULL;
      const char *h = hosts[i % G_N_ELEMENTS (hosts)];

      net_init (&net);
      add (&net, routers[i], "R");
      ifs = cord_ip_list_interfaces (net.sim, dev (&net, "R"));
      ck_assert_msg (ifs != NULL && ifs->len >= 1, "%s has no interfaces", routers[i]);
      for (guint j = 0; j < ifs->len && first == NULL; j++)
        if (g_array_index (ifs, CordIpIfInfo, j).mac != 0)
          first = g_array_index (ifs, CordIpIfInfo, j).name;
      ck_assert_ptr_nonnull (first);
      host (&net, h, "H", "172.16.5.9", "255.255.255.0", "172.16.5.1");
      wire (&net, "H", "FastEthernet0", "R", first, CORD_CABLE_CROSS);
      router_if (&net, "R", first, "172.16.5.1", "255.255.255.0");
      assert_ping (&net, "H", "172.16.5.1", 4, "!!!!");
      assert_ping (&net, "R", "172.16.5.9", 5, "!!!!!");
    }
}
END_TEST

START_TEST (test_nicless_host)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ifs = NULL;
  CordDevice *pc;

  net_init (&net);
  host (&net, "PC-PT", "PC0", "10.0.0.1", "255.255.255.0", NULL);
  pc = dev (&net, "PC0");
  ck_assert (cord_topology_set_power (net.topology, pc, FALSE, &error));
  ck_assert (cord_topology_remove_module (net.topology, pc, "0", &error));
  ck_assert (cord_topology_set_power (net.topology, pc, TRUE, &error));
  ifs = cord_ip_list_interfaces (net.sim, pc);
  ck_assert_uint_eq (ifs->len, 0);
  assert_ping (&net, "PC0", "10.0.0.2", 1, ".");

  /* A wireless NIC is its interface, down with no radio to carry it. */
  ck_assert (cord_topology_set_power (net.topology, pc, FALSE, &error));
  ck_assert (cord_topology_insert_module (net.topology, pc, "0", "PT-HOST-NM-1W", &error));
  ck_assert (cord_topology_set_power (net.topology, pc, TRUE, &error));
  g_clear_pointer (&ifs, g_array_unref);
  ifs = cord_ip_list_interfaces (net.sim, pc);
  ck_assert_uint_eq (ifs->len, 1);
  ck_assert_uint_eq (g_array_index (ifs, CordIpIfInfo, 0).address, ip4 ("10.0.0.1"));
  ck_assert (!g_array_index (ifs, CordIpIfInfo, 0).line_up);
  assert_ping (&net, "PC0", "10.0.0.2", 1, ".");

  /* Back to copper: the settings apply to the new NIC. */
  ck_assert (cord_topology_set_power (net.topology, pc, FALSE, &error));
  ck_assert (cord_topology_remove_module (net.topology, pc, "0", &error));
  ck_assert (cord_topology_insert_module (net.topology, pc, "0", "PT-HOST-NM-1CFE", &error));
  ck_assert (cord_topology_set_power (net.topology, pc, TRUE, &error));
  host (&net, "PC-PT", "PC1", "10.0.0.2", "255.255.255.0", NULL);
  wire (&net, "PC0", "FastEthernet0", "PC1", "FastEthernet0", CORD_CABLE_CROSS);
  assert_ping (&net, "PC0", "10.0.0.2", 2, "!!");
}
END_TEST

START_TEST (test_broadcast_ping)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };

  net_init (&net);
  lab_one_router (&net);
  /* IOS answers a subnet broadcast ping (once it has resolved the
   * sender, which a broadcast does not teach it); PCs do not. */
  ping_run (&net, &log, "PC0", "192.168.1.255", 2);
  ck_assert_str_eq (log.marks->str, ".!");
  ck_assert_uint_eq (log.last_from, ip4 ("192.168.1.1"));
  ck_assert_uint_eq (log.last_ttl, 255);
  ping_run (&net, &log, "PC0", "255.255.255.255", 1);
  ck_assert_str_eq (log.marks->str, "!");
  ck_assert_uint_eq (log.last_from, ip4 ("192.168.1.1"));
  /* A router does not forward directed broadcasts. */
  ping_run (&net, &log, "PC0", "192.168.2.255", 1);
  ck_assert_str_eq (log.marks->str, ".");
  ping_run (&net, &log, "R1", "192.168.2.255", 1);
  ck_assert_str_eq (log.marks->str, ".");
}
END_TEST

/* Garbage and half-valid frames into Ethernet and serial ports: counted
 * or ignored, never a crash, and the lab still works afterwards. */
START_TEST (test_garbage_input)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1841);
  g_autoptr(GError) error = NULL;
  CordPort *targets[3];
  guint8 data[CORD_FRAME_MAX_LEN];

  net_init (&net);
  lab_two_routers (&net, TRUE);
  ck_assert (cord_ip_subif_add (net.sim, dev (&net, "R1"), "FastEthernet0/0.7", &error));
  ck_assert (cord_ip_if_set_encapsulation (net.sim, dev (&net, "R1"), "FastEthernet0/0.7", 7, FALSE,
                                           &error));
  ck_assert (cord_ip_if_set_address (net.sim, dev (&net, "R1"), "FastEthernet0/0.7",
                                     ip4 ("172.16.7.1"), ip4 ("255.255.255.0"), &error));
  assert_ping (&net, "PC0", "192.168.2.10", 4, ".!!!");
  targets[0] = dev_port (&net, "R1", "FastEthernet0/0");
  targets[1] = dev_port (&net, "R2", "Serial0/0/0");
  targets[2] = dev_port (&net, "PC1", "FastEthernet0");

  for (guint i = 0; i < 20000; i++)
    {
      CordPort *to = targets[i % 3];
      gsize len = (gsize) g_rand_int_range (rand, 0, CORD_FRAME_MAX_LEN + 1);
      gsize off = to->medium == CORD_MEDIUM_SERIAL ? 4 : 14;

      for (gsize j = 0; j < len; j++)
        data[j] = (guint8) g_rand_int (rand);
      /* Mostly well-addressed, so the garbage reaches the IP layer. */
      if (len >= off + 20 && g_rand_boolean (rand))
        {
          if (to->medium == CORD_MEDIUM_SERIAL)
            {
              data[0] = 0x0f; data[1] = 0; data[2] = 0x08; data[3] = 0x00;
            }
          else
            {
              cord_mac_to_bytes (to->mac, data);
              data[12] = 0x08;
              data[13] = g_rand_boolean (rand) ? 0x00 : 0x06;
            }
          data[off] = 0x45;
          data[off + 2] = (guint8) ((len - off) >> 8);
          data[off + 3] = (guint8) (len - off);
          data[off + 9] = g_rand_boolean (rand) ? 1 : 17;
          data[off + 10] = data[off + 11] = 0;
          {
            guint16 sum = cord_frame_inet_checksum (data + off, 20);

            data[off + 10] = (guint8) (sum >> 8);
            data[off + 11] = (guint8) sum;
          }
        }
      cord_sim_inject (net.sim, to, data, len);
      if (i % 100 == 0)
        run (&net, SEC / 10);
    }
  run (&net, 10 * SEC);
  assert_ping (&net, "PC0", "192.168.2.10", 4, "!!!!");
}
END_TEST

/* IOS sends the next echo the moment a reply arrives; a fixed interval
 * without waiting keeps its own pace. */
START_TEST (test_ping_pacing)
{
  g_auto(Net) net = { 0 };
  g_auto(PingLog) log = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) requests = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) replies = g_array_new (FALSE, FALSE, sizeof (guint64));
  CordPingOptions options;
  CordPort *r, *pc;
  guint64 start;

  net_init (&net);
  lab_one_router (&net);
  r = dev_port (&net, "R1", "FastEthernet0/0");
  pc = dev_port (&net, "PC0", "FastEthernet0");
  ping_run (&net, &log, "R1", "192.168.1.10", 5);
  ck_assert_str_eq (log.marks->str, ".!!!!");
  /* "100-byte ICMP Echos": 72 data bytes. */
  ck_assert_uint_eq (log.last_bytes, 72);
  ck_assert_uint_eq (log.last_ttl, 128);
  for (guint i = 0; i < net.seen->len; i++)
    {
      Seen *s = &g_array_index (net.seen, Seen, i);

      if (s->frame->data[12] != 0x08 || s->frame->data[13] != 0x00)
        continue;
      if (s->from == r && s->frame->data[34] == 8)
        g_array_append_val (requests, s->time);
      if (s->from == pc && s->frame->data[34] == 0)
        g_array_append_val (replies, s->arrival);
    }
  /* The first echo was dropped for ARP before it left; the second left at
   * the first's 2 s timeout, each later one as the previous reply came. */
  ck_assert_uint_eq (requests->len, 4);
  ck_assert_uint_eq (replies->len, 4);
  ck_assert_uint_eq (g_array_index (requests, guint64, 0), 2 * SEC);
  for (guint i = 1; i < 4; i++)
    ck_assert_uint_eq (g_array_index (requests, guint64, i), g_array_index (replies, guint64, i - 1));

  /* Every 250 ms without waiting: R1 drops the first while it resolves
   * PC1, whose timeout is reported after the later replies. */
  g_array_set_size (net.seen, 0);
  g_array_set_size (requests, 0);
  cord_ping_options_init (&options, CORD_PING_STYLE_WINDOWS);
  options.count = 5;
  options.interval_ns = SEC / 4;
  options.wait_for_reply = FALSE;
  ping_log_clear (&log);
  memset (&log, 0, sizeof log);
  log.marks = g_string_new (NULL);
  log.rtts = g_array_new (FALSE, FALSE, sizeof (guint64));
  log.engine = net.engine;
  start = cord_engine_now (net.engine);
  ck_assert (cord_ip_ping_start (net.sim, dev (&net, "PC0"), ip4 ("192.168.2.10"), &options,
                                 &ping_log_callbacks, &log, &error) != NULL);
  run (&net, 10 * SEC);
  ck_assert (log.done);
  ck_assert_str_eq (log.marks->str, "!!!!.");
  ck_assert_uint_eq (log.done_at, start + 4 * SEC);
  for (guint i = 0; i < net.seen->len; i++)
    {
      Seen *s = &g_array_index (net.seen, Seen, i);

      if (s->from == pc && s->frame->data[12] == 0x08 && s->frame->data[13] == 0x00 &&
          s->frame->data[34] == 8)
        g_array_append_val (requests, s->time);
    }
  ck_assert_uint_eq (requests->len, 5);
  for (guint i = 0; i < 5; i++)
    ck_assert_uint_eq (g_array_index (requests, guint64, i), start + i * SEC / 4);
}
END_TEST

static Suite *
ip_suite (void)
{
  Suite *suite = suite_create ("ip");
  TCase *tc = tcase_create ("ip");

  tcase_add_test (tc, test_pc_ping_pc);
  tcase_add_test (tc, test_arp_frames);
  tcase_add_test (tc, test_host_arp_failure);
  tcase_add_test (tc, test_router_between_subnets);
  tcase_add_test (tc, test_static_routes_ethernet);
  tcase_add_test (tc, test_static_routes_serial);
  tcase_add_test (tc, test_ttl_expired);
  tcase_add_test (tc, test_no_route);
  tcase_add_test (tc, test_subif_demux);
  tcase_add_test (tc, test_interfaces);
  tcase_add_test (tc, test_shutdown_blocks);
  tcase_add_test (tc, test_traceroute);
  tcase_add_test (tc, test_traceroute_unreachable);
  tcase_add_test (tc, test_bad_checksum);
  tcase_add_test (tc, test_power);
  tcase_add_test (tc, test_mac_address);
  tcase_add_test (tc, test_ping_cancel);
  tcase_add_test (tc, test_validation);
  tcase_add_test (tc, test_route_resolution);
  tcase_add_test (tc, test_host_settings_change);
  tcase_add_test (tc, test_models);
  tcase_add_test (tc, test_nicless_host);
  tcase_add_test (tc, test_broadcast_ping);
  tcase_add_test (tc, test_garbage_input);
  tcase_add_test (tc, test_ping_pacing);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return cord_test_run (ip_suite ());
}
