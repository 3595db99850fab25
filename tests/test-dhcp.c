/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the DHCP client: the DISCOVER's bytes, OFFER→REQUEST→ACK, NAK, timeouts and APIPA, on virtual time. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cord-error.h"
#include "dhcp.h"
#include "ip.h"
#include "sim.h"
#include "test-util.h"

#define SEC CORD_ENGINE_NS_PER_SEC

#define ck_assert_error(err, dom, num)                                              \
  ck_assert_msg ((err) != NULL && (err)->domain == (dom) && (err)->code == (num),   \
                 "expected error %d, got %s", (int) (num), (err) ? (err)->message : "none")

/* One frame a port sent, copied. */
typedef struct {
  guint64    time;
  CordPort  *from;
  CordFrame *frame;
} Seen;

#define NET_EXTRA_FIELDS                                   \
  GArray   *seen;       /* Seen */                         \
  GArray   *results;    /* CordDhcpResult, one per done */
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
  Seen seen = { event->time, event->from, cord_frame_new_copy (event->frame->data, event->frame->len) };

  g_array_append_val (net->seen, seen);
}

static void
net_init (Net *net)
{
  net_init_sim (net);
  net->seen = g_array_new (FALSE, TRUE, sizeof (Seen));
  g_array_set_clear_func (net->seen, seen_clear);
  net->results = g_array_new (FALSE, FALSE, sizeof (CordDhcpResult));
  cord_sim_set_frame_hook (net->sim, on_frame, net);
}

static void
net_clear (Net *net)
{
  net_clear_sim (net);
  g_clear_pointer (&net->seen, g_array_unref);
  g_clear_pointer (&net->results, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Net, net_clear)

static void
on_done (CordSim        *sim,
         CordDevice     *device,
         CordDhcpResult  result,
         gpointer        data)
{
  Net *net = data;

  g_array_append_val (net->results, result);
}

/* PC0 on DHCP, cabled to PC1 (static) so its NIC is up. */
static void
lab (Net *net)
{
  host (net, "PC-PT", "PC0", NULL, NULL, NULL);
  host (net, "PC-PT", "PC1", "10.0.0.1", "255.255.255.0", NULL);
  cable (net, "PC0", "FastEthernet0", "PC1", "FastEthernet0");
  cord_engine_run_for (net->engine, SEC / 10);
  g_array_set_size (net->seen, 0);
}

static void
start (Net *net)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_dhcp_start (net->sim, dev (net, "PC0"), on_done, net, &error), "%s",
                 error ? error->message : "");
}

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* The value of option @code in a DHCP message, or NULL; @len gets its length. */
static const guint8 *
find_option (const guint8 *msg,
             gsize         msg_len,
             guint8        code,
             guint        *len)
{
  gsize i = CORD_DHCP_OPTIONS_OFFSET;

  while (i < msg_len && msg[i] != CORD_DHCP_OPT_END)
    {
      if (msg[i] == CORD_DHCP_OPT_PAD)
        {
          i++;
          continue;
        }
      ck_assert (i + 2 + msg[i + 1] <= msg_len);
      if (msg[i] == code)
        {
          *len = msg[i + 1];
          return msg + i + 2;
        }
      i += 2u + msg[i + 1];
    }
  return NULL;
}

/* The DHCP messages PC0 sent, in order: their frames in the Seen array. */
static GPtrArray *
client_messages (Net *net)
{
  CordPort *nic = dev_port (net, "PC0", "FastEthernet0");
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < net->seen->len; i++)
    {
      Seen *s = &g_array_index (net->seen, Seen, i);
      CordFrameInfo info;

      if (s->from == nic && cord_frame_parse (s->frame->data, s->frame->len, &info) && info.has_udp &&
          info.udp.dst_port == CORD_DHCP_SERVER_PORT)
        g_ptr_array_add (out, s);
    }
  return out;
}

static guint8
message_type (const Seen *s)
{
  CordFrameInfo info;
  const guint8 *opt;
  guint len = 0;

  ck_assert (cord_frame_parse (s->frame->data, s->frame->len, &info));
  opt = find_option (s->frame->data + info.payload_offset, info.payload_len, CORD_DHCP_OPT_MSG_TYPE, &len);
  ck_assert_ptr_nonnull (opt);
  ck_assert_uint_eq (len, 1);
  return opt[0];
}

static guint32
message_xid (const Seen *s)
{
  CordFrameInfo info;

  ck_assert (cord_frame_parse (s->frame->data, s->frame->len, &info));
  return get32 (s->frame->data + info.payload_offset + 4);
}

/* A server's reply to PC0: broadcast from 10.0.0.1, port 67 to 68. */
typedef struct {
  guint8  type;
  guint32 xid;
  guint32 yiaddr;
  guint32 server;     /* option 54; 0 leaves it out */
  guint32 mask;       /* 0 leaves the option out */
  guint32 router;
  guint32 dns;
} Reply;

static void
put32 (guint8  *p,
       guint32  v)
{
  p[0] = (guint8) (v >> 24);
  p[1] = (guint8) (v >> 16);
  p[2] = (guint8) (v >> 8);
  p[3] = (guint8) v;
}

static guint8 *
opt32 (guint8  *p,
       guint8   code,
       guint32  v)
{
  *p++ = code;
  *p++ = 4;
  put32 (p, v);
  return p + 4;
}

static void
inject_reply (Net         *net,
              const Reply *r)
{
  CordPort *nic = dev_port (net, "PC0", "FastEthernet0");
  CordFrameIpv4Params params = { 0 };
  guint8 msg[CORD_DHCP_MIN_LEN] = { 0 };
  g_autoptr(CordFrame) frame = NULL;
  guint8 *p;

  msg[0] = CORD_DHCP_OP_REPLY;
  msg[1] = 1;
  msg[2] = 6;
  put32 (msg + 4, r->xid);
  msg[10] = 0x80;
  put32 (msg + 16, r->yiaddr);
  put32 (msg + 20, ip4 ("10.0.0.1"));
  cord_mac_to_bytes (nic->mac, msg + 28);
  put32 (msg + CORD_DHCP_FIXED_LEN, CORD_DHCP_MAGIC_COOKIE);
  p = msg + CORD_DHCP_OPTIONS_OFFSET;
  *p++ = CORD_DHCP_OPT_MSG_TYPE;
  *p++ = 1;
  *p++ = r->type;
  if (r->server != 0)
    p = opt32 (p, CORD_DHCP_OPT_SERVER_ID, r->server);
  p = opt32 (p, CORD_DHCP_OPT_LEASE_TIME, 86400);
  if (r->mask != 0)
    p = opt32 (p, CORD_DHCP_OPT_MASK, r->mask);
  if (r->router != 0)
    p = opt32 (p, CORD_DHCP_OPT_ROUTER, r->router);
  if (r->dns != 0)
    p = opt32 (p, CORD_DHCP_OPT_DNS, r->dns);
  *p = CORD_DHCP_OPT_END;

  params.dst_mac = cord_frame_mac_broadcast;
  cord_mac_to_bytes (dev_port (net, "PC1", "FastEthernet0")->mac, params.src_mac.b);
  params.src = ip4 ("10.0.0.1");
  params.dst = 0xffffffffu;
  params.ttl = 64;
  frame = cord_frame_build_udp (&params, CORD_DHCP_SERVER_PORT, CORD_DHCP_CLIENT_PORT, msg, sizeof msg);
  cord_sim_inject (net->sim, nic, frame->data, frame->len);
}

static void
assert_apipa (Net *net)
{
  CordDevice *pc0 = dev (net, "PC0");
  guint64 mac = dev_port (net, "PC0", "FastEthernet0")->mac;
  CordIpIfInfo info;

  ck_assert (pc0->host.dhcp);
  ck_assert_uint_eq (pc0->host.address >> 16, 0xa9fe);
  ck_assert_uint_eq (pc0->host.address, cord_dhcp_apipa_address (mac));
  ck_assert_uint_eq (pc0->host.mask, 0xffff0000u);
  ck_assert_uint_eq (pc0->host.gateway, 0);
  /* The NIC uses it. */
  ck_assert (cord_ip_get_interface (net->sim, pc0, "FastEthernet0", &info));
  ck_assert_uint_eq (info.address, pc0->host.address);
  cord_ip_if_info_clear (&info);
}

START_TEST (test_discover_bytes)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GPtrArray) msgs = NULL;
  CordFrameInfo info;
  const guint8 *d, *m, *opt;
  guint8 mac[6];
  guint len = 0;
  gboolean has_1 = FALSE, has_3 = FALSE, has_6 = FALSE;

  net_init (&net);
  lab (&net);
  start (&net);
  cord_engine_run_for (net.engine, SEC / 2);
  msgs = client_messages (&net);
  ck_assert_uint_eq (msgs->len, 1);
  d = ((Seen *) msgs->pdata[0])->frame->data;
  ck_assert (cord_frame_parse (d, ((Seen *) msgs->pdata[0])->frame->len, &info));
  cord_mac_to_bytes (dev_port (&net, "PC0", "FastEthernet0")->mac, mac);

  /* Ethernet II, broadcast, from the NIC. */
  ck_assert (cord_frame_mac_is_broadcast (&info.dst));
  ck_assert_mem_eq (info.src.b, mac, 6);
  ck_assert_uint_eq (info.ethertype, CORD_FRAME_ETHERTYPE_IPV4);
  ck_assert_uint_eq (d[12], 0x08);
  ck_assert_uint_eq (d[13], 0x00);
  /* IPv4 0.0.0.0 -> 255.255.255.255, UDP 68 -> 67, checksums right. */
  ck_assert (info.has_ipv4 && info.ipv4.checksum_ok);
  ck_assert_uint_eq (info.ipv4.src, 0);
  ck_assert_uint_eq (info.ipv4.dst, 0xffffffffu);
  ck_assert_uint_eq (info.ipv4.protocol, CORD_FRAME_IPPROTO_UDP);
  ck_assert (info.has_udp && info.udp.checksum_present && info.udp.checksum_ok);
  ck_assert_uint_eq (info.udp.src_port, 68);
  ck_assert_uint_eq (info.udp.dst_port, 67);
  ck_assert_uint_ge (info.payload_len, 300);

  /* BOOTP: a request from an Ethernet client that wants broadcasts. */
  m = d + info.payload_offset;
  ck_assert_uint_eq (m[0], 1);
  ck_assert_uint_eq (m[1], 1);
  ck_assert_uint_eq (m[2], 6);
  ck_assert_uint_eq (m[3], 0);
  ck_assert_uint_ne (get32 (m + 4), 0);
  ck_assert_uint_eq (m[10], 0x80);
  ck_assert_uint_eq (m[11], 0x00);
  for (guint i = 12; i < 28; i++)
    ck_assert_uint_eq (m[i], 0);       /* ciaddr, yiaddr, siaddr, giaddr */
  ck_assert_mem_eq (m + 28, mac, 6);
  for (guint i = 34; i < 236; i++)
    ck_assert_uint_eq (m[i], 0);       /* chaddr padding, sname, file */
  ck_assert_uint_eq (m[236], 99);
  ck_assert_uint_eq (m[237], 130);
  ck_assert_uint_eq (m[238], 83);
  ck_assert_uint_eq (m[239], 99);
  /* Option 53 comes first, as RFC 2131 recommends. */
  ck_assert_uint_eq (m[240], 53);
  ck_assert_uint_eq (m[241], 1);
  ck_assert_uint_eq (m[242], CORD_DHCP_DISCOVER);
  opt = find_option (m, info.payload_len, CORD_DHCP_OPT_CLIENT_ID, &len);
  ck_assert_ptr_nonnull (opt);
  ck_assert_uint_eq (len, 7);
  ck_assert_uint_eq (opt[0], 1);
  ck_assert_mem_eq (opt + 1, mac, 6);
  opt = find_option (m, info.payload_len, CORD_DHCP_OPT_HOSTNAME, &len);
  ck_assert_ptr_nonnull (opt);
  ck_assert_uint_eq (len, 3);
  ck_assert_mem_eq (opt, "PC0", 3);
  opt = find_option (m, info.payload_len, CORD_DHCP_OPT_PARAMS, &len);
  ck_assert_ptr_nonnull (opt);
  for (guint i = 0; i < len; i++)
    {
      has_1 |= opt[i] == 1;
      has_3 |= opt[i] == 3;
      has_6 |= opt[i] == 6;
    }
  ck_assert (has_1 && has_3 && has_6);
  ck_assert_ptr_null (find_option (m, info.payload_len, CORD_DHCP_OPT_REQUESTED, &len));
  ck_assert_ptr_null (find_option (m, info.payload_len, CORD_DHCP_OPT_SERVER_ID, &len));
}
END_TEST

START_TEST (test_timeout_apipa)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GPtrArray) msgs = NULL;
  guint64 t0;
  guint64 gaps[] = { 0, 1, 3, 6 };

  net_init (&net);
  lab (&net);
  t0 = cord_engine_now (net.engine);
  start (&net);
  ck_assert (cord_dhcp_is_running (net.sim, dev (&net, "PC0")));
  /* Nothing ends before the last wait is over. */
  cord_engine_run_for (net.engine, 9 * SEC);
  ck_assert_uint_eq (net.results->len, 0);
  ck_assert_uint_eq (dev (&net, "PC0")->host.address, 0);
  cord_engine_run_for (net.engine, 2 * SEC);
  ck_assert_uint_eq (net.results->len, 1);
  ck_assert_int_eq (g_array_index (net.results, CordDhcpResult, 0), CORD_DHCP_TIMEOUT);
  ck_assert (!cord_dhcp_is_running (net.sim, dev (&net, "PC0")));

  /* CORD_DHCP_TRIES DISCOVERs of one transaction, 1, 2 and 3 s apart. */
  msgs = client_messages (&net);
  ck_assert_uint_eq (msgs->len, CORD_DHCP_TRIES);
  for (guint i = 0; i < msgs->len; i++)
    {
      const Seen *s = msgs->pdata[i];

      ck_assert_uint_eq (message_type (s), CORD_DHCP_DISCOVER);
      ck_assert_uint_eq (message_xid (s), message_xid (msgs->pdata[0]));
      ck_assert_uint_eq (s->time - t0, gaps[i] * SEC);
    }
  assert_apipa (&net);
  /* Not an edit: nothing to undo, the lab is not modified. */
  ck_assert_str_eq (cord_topology_get_undo_label (net.topology), "Connect");
  /* The next attempt is another transaction. */
  start (&net);
  cord_engine_run_for (net.engine, SEC / 2);
  g_clear_pointer (&msgs, g_ptr_array_unref);
  msgs = client_messages (&net);
  ck_assert_uint_eq (msgs->len, CORD_DHCP_TRIES + 1);
  ck_assert_uint_ne (message_xid (msgs->pdata[CORD_DHCP_TRIES]), message_xid (msgs->pdata[0]));
}
END_TEST

static guint32
offer (Net *net)
{
  g_autoptr(GPtrArray) msgs = client_messages (net);
  guint32 xid;
  Reply r = { CORD_DHCP_OFFER, 0, ip4 ("10.0.0.50"), ip4 ("10.0.0.1"), ip4 ("255.255.255.0"),
              ip4 ("10.0.0.1"), ip4 ("10.0.0.53") };

  ck_assert_uint_ge (msgs->len, 1);
  xid = message_xid (msgs->pdata[0]);
  r.xid = xid;
  inject_reply (net, &r);
  cord_engine_run_for (net->engine, SEC / 10);
  return xid;
}

START_TEST (test_offer_request_ack)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GPtrArray) msgs = NULL;
  CordDevice *pc0;
  CordFrameInfo info;
  const guint8 *m, *opt;
  guint len = 0;
  guint32 xid;
  CordIpIfInfo nic;
  Reply ack = { CORD_DHCP_ACK, 0, ip4 ("10.0.0.50"), ip4 ("10.0.0.1"), ip4 ("255.255.255.0"),
                ip4 ("10.0.0.1"), ip4 ("10.0.0.53") };

  net_init (&net);
  lab (&net);
  pc0 = dev (&net, "PC0");
  start (&net);
  cord_engine_run_for (net.engine, SEC / 10);
  xid = offer (&net);

  /* The REQUEST names the offer and its server. */
  msgs = client_messages (&net);
  ck_assert_uint_eq (msgs->len, 2);
  ck_assert_uint_eq (message_type (msgs->pdata[1]), CORD_DHCP_REQUEST);
  ck_assert_uint_eq (message_xid (msgs->pdata[1]), xid);
  ck_assert (cord_frame_parse (((Seen *) msgs->pdata[1])->frame->data, ((Seen *) msgs->pdata[1])->frame->len,
                               &info));
  ck_assert_uint_eq (info.ipv4.src, 0);
  ck_assert_uint_eq (info.ipv4.dst, 0xffffffffu);
  m = ((Seen *) msgs->pdata[1])->frame->data + info.payload_offset;
  opt = find_option (m, info.payload_len, CORD_DHCP_OPT_REQUESTED, &len);
  ck_assert_ptr_nonnull (opt);
  ck_assert_uint_eq (get32 (opt), ip4 ("10.0.0.50"));
  opt = find_option (m, info.payload_len, CORD_DHCP_OPT_SERVER_ID, &len);
  ck_assert_ptr_nonnull (opt);
  ck_assert_uint_eq (get32 (opt), ip4 ("10.0.0.1"));
  /* An OFFER now is ignored, as is an ACK of another transaction. */
  ck_assert_uint_eq (pc0->host.address, 0);
  ack.xid = xid ^ 1;
  inject_reply (&net, &ack);
  cord_engine_run_for (net.engine, SEC / 10);
  ck_assert_uint_eq (pc0->host.address, 0);
  ck_assert_uint_eq (net.results->len, 0);

  ack.xid = xid;
  inject_reply (&net, &ack);
  cord_engine_run_for (net.engine, SEC / 10);
  ck_assert_uint_eq (net.results->len, 1);
  ck_assert_int_eq (g_array_index (net.results, CordDhcpResult, 0), CORD_DHCP_BOUND);
  ck_assert (pc0->host.dhcp);
  ck_assert_uint_eq (pc0->host.address, ip4 ("10.0.0.50"));
  ck_assert_uint_eq (pc0->host.mask, ip4 ("255.255.255.0"));
  ck_assert_uint_eq (pc0->host.gateway, ip4 ("10.0.0.1"));
  ck_assert_uint_eq (pc0->host.dns, ip4 ("10.0.0.53"));
  ck_assert_uint_eq (cord_dhcp_get_server (net.sim, pc0), ip4 ("10.0.0.1"));
  ck_assert (cord_ip_get_interface (net.sim, pc0, "FastEthernet0", &nic));
  ck_assert_uint_eq (nic.address, ip4 ("10.0.0.50"));
  cord_ip_if_info_clear (&nic);
  ck_assert_str_eq (cord_topology_get_undo_label (net.topology), "Connect");
  /* No retries after the ACK. */
  cord_engine_run_for (net.engine, 20 * SEC);
  g_clear_pointer (&msgs, g_ptr_array_unref);
  msgs = client_messages (&net);
  ck_assert_uint_eq (msgs->len, 2);

  /* The leased address works: PC1 answers a ping. */
  {
    g_autoptr(GError) error = NULL;
    CordPingOptions options;
    CordPingCallbacks callbacks = { 0 };

    cord_ping_options_init (&options, CORD_PING_STYLE_WINDOWS);
    options.count = 1;
    ck_assert_ptr_nonnull (cord_ip_ping_start (net.sim, pc0, ip4 ("10.0.0.1"), &options, &callbacks,
                                               NULL, &error));
    g_array_set_size (net.seen, 0);
    cord_engine_run_for (net.engine, 2 * SEC);
    ck_assert_uint_ge (net.seen->len, 4);   /* ARP both ways, echo both ways */
  }

  /* /release: a RELEASE goes to the server, the address goes. */
  {
    g_autoptr(GError) error = NULL;
    gboolean released = FALSE;

    g_array_set_size (net.seen, 0);
    ck_assert (cord_dhcp_release (net.sim, pc0, &error));
    cord_engine_run_for (net.engine, SEC);
    ck_assert_uint_eq (pc0->host.address, 0);
    ck_assert (pc0->host.dhcp);
    ck_assert_uint_eq (cord_dhcp_get_server (net.sim, pc0), 0);
    g_clear_pointer (&msgs, g_ptr_array_unref);
    msgs = client_messages (&net);
    for (guint i = 0; i < msgs->len; i++)
      if (message_type (msgs->pdata[i]) == CORD_DHCP_RELEASE)
        {
          const Seen *s = msgs->pdata[i];

          ck_assert (cord_frame_parse (s->frame->data, s->frame->len, &info));
          ck_assert_uint_eq (info.ipv4.src, ip4 ("10.0.0.50"));
          ck_assert_uint_eq (info.ipv4.dst, ip4 ("10.0.0.1"));
          ck_assert_uint_eq (get32 (s->frame->data + info.payload_offset + 12), ip4 ("10.0.0.50"));
          released = TRUE;
        }
    ck_assert (released);
  }
}
END_TEST

START_TEST (test_nak)
{
  g_auto(Net) net = { 0 };
  Reply nak = { CORD_DHCP_NAK, 0, 0, ip4 ("10.0.0.1"), 0, 0, 0 };

  net_init (&net);
  lab (&net);
  start (&net);
  cord_engine_run_for (net.engine, SEC / 10);
  nak.xid = offer (&net);
  inject_reply (&net, &nak);
  cord_engine_run_for (net.engine, SEC / 10);
  ck_assert_uint_eq (net.results->len, 1);
  ck_assert_int_eq (g_array_index (net.results, CordDhcpResult, 0), CORD_DHCP_REFUSED);
  assert_apipa (&net);
}
END_TEST

/* A second caller joins the attempt; a forgotten one is not called. */
START_TEST (test_waiters)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GArray) other = g_array_new (FALSE, FALSE, sizeof (CordDhcpResult));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) msgs = NULL;
  Net shadow = { 0 };

  net_init (&net);
  lab (&net);
  shadow.results = other;
  start (&net);
  ck_assert (cord_dhcp_start (net.sim, dev (&net, "PC0"), on_done, &shadow, &error));
  cord_dhcp_forget (net.sim, dev (&net, "PC0"), &shadow);
  ck_assert (cord_dhcp_start (net.sim, dev (&net, "PC0"), on_done, &shadow, &error));
  cord_engine_run_for (net.engine, 20 * SEC);
  ck_assert_uint_eq (net.results->len, 1);
  ck_assert_uint_eq (other->len, 1);
  msgs = client_messages (&net);
  ck_assert_uint_eq (msgs->len, CORD_DHCP_TRIES);
}
END_TEST

START_TEST (test_static_cancels)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  CordHostIp fixed = { FALSE, ip4 ("10.0.0.9"), ip4 ("255.255.255.0"), 0, 0 };
  CordDevice *pc1;

  net_init (&net);
  lab (&net);
  start (&net);
  ck_assert (cord_topology_set_host_ip (net.topology, dev (&net, "PC0"), &fixed, &error));
  ck_assert_uint_eq (net.results->len, 1);
  ck_assert_int_eq (g_array_index (net.results, CordDhcpResult, 0), CORD_DHCP_CANCELLED);
  cord_engine_run_for (net.engine, 20 * SEC);
  ck_assert_uint_eq (dev (&net, "PC0")->host.address, ip4 ("10.0.0.9"));
  /* Static hosts and routers refuse. */
  ck_assert (!cord_dhcp_start (net.sim, dev (&net, "PC0"), on_done, &net, &error));
  ck_assert_error (error, CORD_ERROR, CORD_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!cord_dhcp_release (net.sim, dev (&net, "PC0"), &error));
  g_clear_error (&error);
  add (&net, "1841", "R0");
  ck_assert (!cord_dhcp_start (net.sim, dev (&net, "R0"), on_done, &net, &error));
  g_clear_error (&error);
  /* Power off ends an attempt as cancelled. */
  pc1 = dev (&net, "PC1");
  {
    CordHostIp dhcp = { TRUE, 0, 0, 0, 0 };

    ck_assert (cord_topology_set_host_ip (net.topology, pc1, &dhcp, &error));
  }
  ck_assert (cord_dhcp_start (net.sim, pc1, on_done, &net, &error));
  ck_assert (cord_topology_set_power (net.topology, pc1, FALSE, &error));
  ck_assert_uint_eq (net.results->len, 2);
  ck_assert_int_eq (g_array_index (net.results, CordDhcpResult, 1), CORD_DHCP_CANCELLED);
}
END_TEST

START_TEST (test_apipa_address)
{
  /* Last two bytes, the third kept in 1..254. */
  ck_assert_uint_eq (cord_dhcp_apipa_address (G_GUINT64_CONSTANT (0x000142000024)), ip4 ("169.254.1.36"));
  ck_assert_uint_eq (cord_dhcp_apipa_address (G_GUINT64_CONSTANT (0x00e0b0da289e)), ip4 ("169.254.41.158"));
  ck_assert_uint_eq (cord_dhcp_apipa_address (G_GUINT64_CONSTANT (0x00e0b0daff01)), ip4 ("169.254.2.1"));
  for (guint i = 0; i < 65536; i += 251)
    {
      guint32 a = cord_dhcp_apipa_address (i);

      ck_assert (cord_ip_check_address (a, CORD_DHCP_APIPA_MASK, NULL));
      ck_assert_uint_ne ((a >> 8) & 0xff, 0);
      ck_assert_uint_ne ((a >> 8) & 0xff, 255);
    }
}
END_TEST

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return strstr (haystack, needle) != NULL;
}

/* Wireshark judges the bytes, when it is installed. */
START_TEST (test_tshark)
{
  g_autofree char *tshark = g_find_program_in_path ("tshark");
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (tshark == NULL)
    return;
  net_init (&net);
  lab (&net);
  dir = g_dir_make_tmp ("patchcord-dhcp-XXXXXX", &error);
  ck_assert_ptr_nonnull (dir);
  file = g_build_filename (dir, "dhcp.pcap", NULL);
  ck_assert (cord_sim_capture_start (net.sim, dev_port (&net, "PC0", "FastEthernet0"), file, &error));
  start (&net);
  cord_engine_run_for (net.engine, SEC / 10);
  offer (&net);
  ck_assert (cord_sim_capture_stop_all (net.sim, &error));
  {
    const char *argv[] = {
      tshark, "-n", "-r", file, "-V", "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", NULL,
    };

    ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                             &error));
  }
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "tshark failed: %.3000s", err);
  ck_assert_msg (contains (out, "DHCP: Discover (1)"), "%.4000s", out);
  ck_assert_msg (contains (out, "DHCP: Offer (2)"), "%.4000s", out);
  ck_assert_msg (contains (out, "DHCP: Request (3)"), "%.4000s", out);
  ck_assert (contains (out, "Magic cookie: DHCP"));
  ck_assert (contains (out, "Client identifier"));
  ck_assert (contains (out, "Requested IP Address: 10.0.0.50"));
  ck_assert_msg (!contains (out, "Malformed"), "%.4000s", out);
  ck_assert_msg (!contains (out, "Bad]"), "%.4000s", out);
  ck_assert_msg (!contains (out, "Expert Info (Error"), "%.4000s", out);
  g_unlink (file);
  g_rmdir (dir);
}
END_TEST

static Suite *
dhcp_suite (void)
{
  Suite *suite = suite_create ("dhcp");
  TCase *tc = tcase_create ("dhcp");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_discover_bytes);
  tcase_add_test (tc, test_timeout_apipa);
  tcase_add_test (tc, test_offer_request_ack);
  tcase_add_test (tc, test_nak);
  tcase_add_test (tc, test_waiters);
  tcase_add_test (tc, test_static_cancels);
  tcase_add_test (tc, test_apipa_address);
  tcase_add_test (tc, test_tshark);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return cord_test_run (dhcp_suite ());
}
